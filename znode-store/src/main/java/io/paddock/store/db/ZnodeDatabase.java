package io.paddock.store.db;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.io.StorageDirectory;
import io.paddock.store.log.LogReader;
import io.paddock.store.log.TxnLog;
import io.paddock.store.model.Zxid;
import io.paddock.store.snapshot.SnapshotFiles;
import io.paddock.store.snapshot.SnapshotOutput;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.DataTree;
import io.paddock.store.tree.SnapshotCodec;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnCodec;
import io.paddock.store.txn.TxnHeader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable znode database: a {@link DataTree} kept in step with a write-ahead {@link TxnLog} and
 * periodic exact snapshots.
 *
 * <p>The write path is group commit: {@link #log} many txns, {@link #commit()} once (one fsync),
 * then {@link #apply} them. A txn is applied only once it is durable, which this class checks on
 * every apply. Single-threaded: one thread owns a database (the server's apply thread).
 */
public final class ZnodeDatabase implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ZnodeDatabase.class);
  private static final int ENCODE_BUFFER_BYTES = 1 << 16;

  private final StorageDirectory snapshotDir;
  private final TxnLog log;
  private final SnapshotFiles snapshots;
  private final DatabaseOptions options;
  private final Random random;
  private final String snapshotDirName;
  private final String logDirName;

  /** False for a replica: recovery leaves logged txns unapplied (see {@link #openReplica}). */
  private final boolean applyLog;

  /** The snapshot the tree was last recovered from (or installed): the log follows it unbroken. */
  private long recoveryBaseZxid;

  private DataTree tree;
  private final RecoveryReport recoveryReport;
  private final JuteWriter encoder = new JuteWriter(ENCODE_BUFFER_BYTES);
  private long txnsSinceSnapshot;
  private long nextSnapshotAfterTxns;
  private SnapshotTask runningSnapshot;

  private ZnodeDatabase(
      StorageDirectory snapshotDir,
      TxnLog log,
      SnapshotFiles snapshots,
      DatabaseOptions options,
      DatabaseRecovery.Outcome outcome,
      String logDirName,
      boolean applyLog) {
    this.snapshotDir = snapshotDir;
    this.log = log;
    this.snapshots = snapshots;
    this.options = options;
    this.random = new Random(options.randomSeed());
    this.tree = outcome.tree();
    this.snapshotDirName = snapshotDir.describe("");
    this.logDirName = logDirName;
    this.applyLog = applyLog;
    this.recoveryBaseZxid = outcome.report().snapshotZxid();
    this.recoveryReport = outcome.report();
    this.nextSnapshotAfterTxns = drawSnapshotPoint();
  }

  /**
   * Opens a replica's database (an ensemble member): the newest valid snapshot is loaded, and the
   * txns logged after it are checked but not applied, since some may never have been committed.
   * {@link #lastLoggedZxid()} still reports them; the caller applies each with {@link #apply} once
   * it is known committed, reading them with {@link #entriesAfter}.
   *
   * @throws DatabaseRefusedException when starting could lose data
   */
  public static ZnodeDatabase openReplica(
      StorageDirectory snapshotDir, StorageDirectory logDir, DatabaseOptions options)
      throws IOException {
    return open(snapshotDir, logDir, options, false);
  }

  /**
   * Opens the database in the given directories, recovering the tree: the newest valid snapshot,
   * then every logged txn after it. A fresh pair of directories gets an empty tree and its first
   * snapshot ({@code snapshot.0}), as ZooKeeper writes at first start.
   *
   * @throws DatabaseRefusedException when starting could lose data (see its javadoc)
   * @throws io.paddock.store.log.LogCorruptedException when the log is corrupt before its tail
   */
  public static ZnodeDatabase open(
      StorageDirectory snapshotDir, StorageDirectory logDir, DatabaseOptions options)
      throws IOException {
    return open(snapshotDir, logDir, options, true);
  }

  private static ZnodeDatabase open(
      StorageDirectory snapshotDir,
      StorageDirectory logDir,
      DatabaseOptions options,
      boolean applyLog)
      throws IOException {
    TxnLog log = TxnLog.open(logDir, options.logOptions());
    try {
      SnapshotFiles snapshots = new SnapshotFiles(snapshotDir);
      DatabaseRecovery.Outcome outcome =
          new DatabaseRecovery(
                  snapshots, log, snapshotDir.describe(""), logDir.describe(""), applyLog)
              .recover();
      ZnodeDatabase db =
          new ZnodeDatabase(
              snapshotDir, log, snapshots, options, outcome, logDir.describe(""), applyLog);
      RecoveryReport report = outcome.report();
      if (report.fresh()) {
        db.beginSnapshot().finish();
      }
      LOG.info(
          applyLog
              ? "Database ready at zxid 0x{}: snapshot 0x{} plus {} logged txns{}"
              : "Replica database at zxid 0x{}: snapshot 0x{}; {} logged txns wait to be known"
                  + " committed{}",
          Zxid.toHex(report.lastZxid()),
          Zxid.toHex(report.snapshotZxid()),
          report.txnsReplayed(),
          report.fresh() ? " (fresh)" : "");
      return db;
    } catch (IOException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  /**
   * The tree. Read it freely from the owning thread; change it only through {@link #apply}. {@link
   * #truncateAfter} and {@link #installSnapshot} replace it: fetch it again after calling them.
   */
  public DataTree tree() {
    return tree;
  }

  /** What recovery found when the database was opened. */
  public RecoveryReport recoveryReport() {
    return recoveryReport;
  }

  /** The zxid of the last txn logged (durable or not), or the tree's when nothing was logged. */
  public long lastLoggedZxid() {
    long logged = log.lastAppendedZxid();
    return logged == TxnLog.NO_ZXID ? tree.lastProcessedZxid() : logged;
  }

  /** The zxid up to which everything logged is durable. */
  public long lastDurableZxid() {
    long durable = log.lastDurableZxid();
    return durable == TxnLog.NO_ZXID ? tree.lastProcessedZxid() : durable;
  }

  /**
   * Appends a txn to the log's pending batch (not yet durable).
   *
   * @throws IllegalArgumentException if its zxid does not exceed the last logged one
   */
  public void log(TxnHeader header, Txn txn) {
    encoder.reset();
    TxnCodec.encode(header, txn, encoder);
    log.append(header.zxid(), encoder.asByteBuffer());
  }

  /**
   * Appends a txn already encoded by {@link TxnCodec} (a replica logs the leader's bytes as they
   * came, without encoding them again).
   *
   * @throws IllegalArgumentException if its zxid does not exceed the last logged one
   */
  public void logEncoded(long zxid, byte[] payload) {
    log.append(zxid, java.nio.ByteBuffer.wrap(payload));
  }

  /** Makes every logged txn durable with one write and one fsync (group commit). */
  public void commit() throws IOException {
    log.commit();
  }

  /**
   * Applies a durable txn to the tree.
   *
   * @throws IllegalStateException if the txn is not durable yet — applying it would let a reply
   *     announce a write a crash could lose
   */
  public ApplyResult apply(TxnHeader header, Txn txn) {
    if (header.zxid() > lastDurableZxid()) {
      throw new IllegalStateException(
          "txn 0x"
              + Zxid.toHex(header.zxid())
              + " applied before it is durable (durable up to 0x"
              + Zxid.toHex(lastDurableZxid())
              + ")");
    }
    ApplyResult result = tree.apply(header, txn);
    txnsSinceSnapshot++;
    return result;
  }

  /** True when enough txns were applied since the last snapshot and none is running. */
  public boolean snapshotDue() {
    return runningSnapshot() == null && txnsSinceSnapshot >= nextSnapshotAfterTxns;
  }

  /** The snapshot being written, or null when none is unfinished. */
  public SnapshotTask runningSnapshot() {
    return runningSnapshot == null || runningSnapshot.isDone() ? null : runningSnapshot;
  }

  /**
   * Starts a snapshot of the tree as it is now; the log rolls to a new segment so that segments
   * wholly before a retained snapshot can later be purged. Drive it with {@link
   * SnapshotTask#step()}.
   *
   * @throws IllegalStateException if one is already running
   */
  public SnapshotTask beginSnapshot() throws IOException {
    if (runningSnapshot != null && !runningSnapshot.isDone()) {
      throw new IllegalStateException(
          "a snapshot is already running at 0x" + Zxid.toHex(runningSnapshot.zxid()));
    }
    long zxid = tree.lastProcessedZxid();
    log.roll();
    txnsSinceSnapshot = 0;
    nextSnapshotAfterTxns = drawSnapshotPoint();
    SnapshotTask task =
        new SnapshotTask(
            tree.beginSnapshot(),
            snapshots.begin(zxid),
            options.snapshotSliceNodes(),
            () ->
                LOG.info(
                    "Snapshot 0x{} written to {}",
                    Zxid.toHex(zxid),
                    snapshotDir.describe(SnapshotFiles.fileName(zxid))));
    runningSnapshot = task;
    return task;
  }

  /**
   * Deletes all but the newest {@code retainCount} snapshots and the log segments no retained
   * snapshot needs (ZooKeeper's autopurge).
   */
  public void purge(int retainCount) throws IOException {
    snapshots.purge(retainCount);
    java.util.List<Long> kept = snapshots.listNewestFirst();
    if (!kept.isEmpty()) {
      log.purgeBefore(kept.get(kept.size() - 1) + 1);
    }
  }

  private long drawSnapshotPoint() {
    int half = options.snapCount() / 2;
    return half + random.nextInt(Math.max(1, options.snapCount() - half));
  }

  /**
   * Up to {@code maxEntries} durable logged txns after {@code zxid}, in order, as encoded by {@link
   * #log}; empty when nothing was logged after it; null when the log does not reach back to {@code
   * zxid} (it starts later than the txn right after it, or was purged), so the txns after it cannot
   * all be read.
   */
  public List<io.paddock.store.log.LogEntry> entriesAfter(long zxid, int maxEntries)
      throws IOException {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries < 0: " + maxEntries);
    }
    if (zxid >= lastDurableZxid()) {
      return List.of();
    }
    long first = log.firstZxid();
    // The log answers when it reaches back to zxid, or starts with the txn right after it,
    // or is the snapshot recovery started from, whose log continuity recovery has checked.
    boolean reaches =
        first <= zxid
            || first == zxid + 1
            || (zxid == recoveryBaseZxid && DatabaseRecovery.follows(zxid, first));
    if (first == TxnLog.NO_ZXID || !reaches) {
      return null;
    }
    List<io.paddock.store.log.LogEntry> out = new ArrayList<>();
    try (LogReader reader = log.readFrom(zxid + 1)) {
      while (out.size() < maxEntries && reader.hasNext()) {
        io.paddock.store.log.LogEntry e = reader.next();
        if (e.zxid() > zxid) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /**
   * Drops every logged txn after {@code zxid}, durably (ZAB's TRUNC), and rewinds the tree when it
   * holds any of them: snapshots newer than {@code zxid} are deleted and the tree is recovered
   * again from the newest remaining snapshot and the log. Commits pending txns first.
   *
   * @throws DatabaseRefusedException when no snapshot at or before {@code zxid} is left to rewind
   *     to
   */
  public void truncateAfter(long zxid) throws IOException {
    abandonSnapshot();
    log.commit();
    log.truncateAfter(zxid);
    if (tree.lastProcessedZxid() > zxid) {
      snapshots.deleteAfter(zxid);
      DatabaseRecovery.Outcome outcome =
          new DatabaseRecovery(snapshots, log, snapshotDirName, logDirName, applyLog).recover();
      tree = outcome.tree();
      recoveryBaseZxid = outcome.report().snapshotZxid();
      txnsSinceSnapshot = 0;
      LOG.info(
          "Database rewound to zxid 0x{} (tree at 0x{})",
          Zxid.toHex(zxid),
          Zxid.toHex(tree.lastProcessedZxid()));
    }
  }

  /** The tree serialized with {@link SnapshotCodec} (what {@link #installSnapshot} takes). */
  public byte[] snapshotBytes() {
    return SnapshotCodec.write(tree);
  }

  /**
   * Replaces tree and log with a snapshot received from another replica, durably: the snapshot file
   * is written and synced first, then the whole log and every newer snapshot are dropped, so that a
   * crash in between leaves either the old state or the new one.
   *
   * @throws IllegalArgumentException when the bytes do not hold a tree at {@code zxid}
   */
  public void installSnapshot(long zxid, byte[] snapshot) throws IOException {
    DataTree loaded;
    try {
      loaded = SnapshotCodec.load(snapshot);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("snapshot bytes do not decode: " + e.getMessage(), e);
    }
    if (loaded.lastProcessedZxid() != zxid) {
      throw new IllegalArgumentException(
          "snapshot holds zxid 0x"
              + Zxid.toHex(loaded.lastProcessedZxid())
              + ", expected 0x"
              + Zxid.toHex(zxid));
    }
    abandonSnapshot();
    log.commit();
    try (SnapshotOutput out = snapshots.begin(zxid)) {
      out.write(snapshot, 0, snapshot.length);
      out.commit();
    }
    log.truncateAfter(TxnLog.NO_ZXID);
    snapshots.deleteAfter(zxid);
    tree = loaded;
    recoveryBaseZxid = zxid;
    txnsSinceSnapshot = 0;
    LOG.info("Installed a snapshot at zxid 0x{} ({} bytes)", Zxid.toHex(zxid), snapshot.length);
  }

  private void abandonSnapshot() throws IOException {
    if (runningSnapshot != null) {
      runningSnapshot.close();
      runningSnapshot = null;
    }
  }

  /** Abandons a running snapshot and closes the log. Pending, uncommitted txns are dropped. */
  @Override
  public void close() throws IOException {
    try {
      if (runningSnapshot != null) {
        runningSnapshot.close();
      }
    } finally {
      log.close();
    }
  }
}
