package io.paddock.store.db;

import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.io.CorruptFileException;
import io.paddock.store.log.LogEntry;
import io.paddock.store.log.LogReader;
import io.paddock.store.log.TxnLog;
import io.paddock.store.model.Zxid;
import io.paddock.store.snapshot.SnapshotFiles;
import io.paddock.store.snapshot.SnapshotInput;
import io.paddock.store.tree.DataTree;
import io.paddock.store.tree.SnapshotCodec;
import io.paddock.store.txn.DecodedTxn;
import io.paddock.store.txn.TxnCodec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the tree from disk: the newest valid snapshot, then a replay of every logged txn after
 * it. Refuses, with a message naming the files, whenever starting would silently lose data.
 */
final class DatabaseRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRecovery.class);
  private static final int READ_BUFFER_BYTES = 1 << 16;

  private final SnapshotFiles snapshots;
  private final boolean applyLog;
  private final TxnLog log;
  private final String snapshotDir;
  private final String logDir;

  DatabaseRecovery(SnapshotFiles snapshots, TxnLog log, String snapshotDir, String logDir) {
    this(snapshots, log, snapshotDir, logDir, true);
  }

  /**
   * @param applyLog false for a replica: the txns logged after the snapshot are checked (no gap)
   *     but not applied — some may never have been committed; ZAB applies them once it knows
   */
  DatabaseRecovery(
      SnapshotFiles snapshots, TxnLog log, String snapshotDir, String logDir, boolean applyLog) {
    this.applyLog = applyLog;
    this.snapshots = snapshots;
    this.log = log;
    this.snapshotDir = snapshotDir;
    this.logDir = logDir;
  }

  /** The loaded tree and what was done to get it. */
  record Outcome(DataTree tree, RecoveryReport report) {}

  Outcome recover() throws IOException {
    List<Long> zxids = snapshots.listNewestFirst();
    if (zxids.isEmpty()) {
      if (log.lastAppendedZxid() != TxnLog.NO_ZXID) {
        throw new DatabaseRefusedException(
            "No snapshot found in "
                + snapshotDir
                + ", but the txn log in "
                + logDir
                + " holds entries up to zxid 0x"
                + Zxid.toHex(log.lastAppendedZxid())
                + ": refusing to start from an empty tree (restore the snapshots, or clear both"
                + " directories to start afresh)");
      }
      DataTree fresh = new DataTree();
      return new Outcome(
          fresh, new RecoveryReport(0, List.of(), 0, 0, log.recoveryActions(), true));
    }
    List<Long> skipped = new ArrayList<>();
    for (long zxid : zxids) {
      DataTree tree = loadOrNull(zxid);
      if (tree == null) {
        skipped.add(zxid);
        continue;
      }
      long replayed = replay(tree);
      RecoveryReport report =
          new RecoveryReport(
              zxid, skipped, replayed, tree.lastProcessedZxid(), log.recoveryActions(), false);
      return new Outcome(tree, report);
    }
    throw new DatabaseRefusedException(
        "No valid snapshot in "
            + snapshotDir
            + ": every one of "
            + describe(zxids)
            + " is damaged");
  }

  private DataTree loadOrNull(long zxid) throws IOException {
    try (SnapshotInput input = snapshots.open(zxid)) {
      InputStream in = new BufferedInputStream(input, READ_BUFFER_BYTES);
      DataTree tree = SnapshotCodec.load(in);
      drain(in);
      input.verifyEnd();
      if (tree.lastProcessedZxid() != zxid) {
        throw new CorruptFileException(
            snapshotDir + "/" + SnapshotFiles.fileName(zxid),
            0,
            "body holds zxid 0x" + Zxid.toHex(tree.lastProcessedZxid()) + ", name says otherwise");
      }
      return tree;
    } catch (CorruptFileException | MalformedRecordException | IllegalStateException e) {
      LOG.warn(
          "Snapshot {} in {} is damaged, trying an older one: {}",
          SnapshotFiles.fileName(zxid),
          snapshotDir,
          e.getMessage());
      return null;
    }
  }

  /** Moves the buffered stream's underlying input to its end so the checksum covers it all. */
  private static void drain(InputStream in) throws IOException {
    byte[] rest = new byte[512];
    while (in.read(rest) >= 0) {
      // a well-formed body has nothing after the end marker; verifyEnd() rejects leftovers anyway
    }
  }

  private long replay(DataTree tree) throws IOException {
    long snapshotZxid = tree.lastProcessedZxid();
    long previous = snapshotZxid;
    long replayed = 0;
    if (log.lastAppendedZxid() != TxnLog.NO_ZXID && log.lastAppendedZxid() < snapshotZxid) {
      LOG.warn(
          "The txn log in {} ends at zxid 0x{}, before snapshot 0x{}; starting from the snapshot",
          logDir,
          Zxid.toHex(log.lastAppendedZxid()),
          Zxid.toHex(snapshotZxid));
    }
    try (LogReader reader = log.readFrom(snapshotZxid + 1)) {
      while (reader.hasNext()) {
        LogEntry entry = reader.next();
        long zxid = entry.zxid();
        if (!follows(previous, zxid)) {
          throw new DatabaseRefusedException(
              "Gap in the txn log in "
                  + logDir
                  + ": after zxid 0x"
                  + Zxid.toHex(previous)
                  + (previous == snapshotZxid ? " (snapshot)" : "")
                  + " comes 0x"
                  + Zxid.toHex(zxid)
                  + "; txns in between are missing");
        }
        if (applyLog) {
          DecodedTxn txn = decode(entry);
          tree.apply(txn.header(), txn.txn());
        }
        previous = zxid;
        replayed++;
      }
    }
    return replayed;
  }

  private DecodedTxn decode(LogEntry entry) throws DatabaseRefusedException {
    try {
      DecodedTxn txn = TxnCodec.decode(entry.payloadBytes());
      if (txn.header().zxid() != entry.zxid()) {
        throw new MalformedRecordException(
            "header zxid 0x" + Zxid.toHex(txn.header().zxid()) + " differs from the entry's");
      }
      return txn;
    } catch (MalformedRecordException e) {
      throw new DatabaseRefusedException(
          "Txn 0x" + Zxid.toHex(entry.zxid()) + " in " + logDir + " does not decode", e);
    }
  }

  /**
   * True when {@code next} may directly follow {@code previous} in a log: the next counter of the
   * same epoch, or the first txn of a later epoch (a new leader's first proposal is (epoch, 1)).
   */
  static boolean follows(long previous, long next) {
    if (next == previous + 1 && Zxid.epoch(next) == Zxid.epoch(previous)) {
      return true;
    }
    return Zxid.epoch(next) > Zxid.epoch(previous) && Zxid.counter(next) == 1;
  }

  private static String describe(List<Long> zxids) {
    List<String> names = new ArrayList<>();
    for (long zxid : zxids) {
      names.add(SnapshotFiles.fileName(zxid));
    }
    return String.join(", ", names);
  }
}
