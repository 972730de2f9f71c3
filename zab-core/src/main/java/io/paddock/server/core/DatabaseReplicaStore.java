package io.paddock.server.core;

import io.paddock.server.zab.LogEntry;
import io.paddock.server.zab.ReplicaStore;
import io.paddock.store.db.ZnodeDatabase;
import io.paddock.store.io.AtomicStateFile;
import io.paddock.store.model.Zxid;
import io.paddock.store.txn.DecodedTxn;
import io.paddock.store.txn.TxnCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The production {@link ReplicaStore}: the member's {@link ZnodeDatabase} (txn log, snapshots,
 * tree) plus the two epoch files, written atomically (temp file, fsync, rename) as ZooKeeper's
 * {@code acceptedEpoch} and {@code currentEpoch}. Committed txns go to an apply sink: the serving
 * role's commit stage, which answers clients, or straight into the tree while no role serves.
 *
 * <p>An I/O error is fatal to the member (it surfaces as {@link UncheckedIOException} and stops the
 * state thread loudly): a replica that cannot persist must not go on acking.
 */
final class DatabaseReplicaStore implements ReplicaStore {
  static final String ACCEPTED_EPOCH_FILE = "acceptedEpoch";
  static final String CURRENT_EPOCH_FILE = "currentEpoch";

  private final ZnodeDatabase db;
  private final AtomicStateFile epochs;
  private final Map<Long, DecodedTxn> proposedHere = new HashMap<>();

  /** The txns appended since {@link #tailBase}, newest last: served from memory, not the disk. */
  private final ArrayList<LogEntry> tail = new ArrayList<>();

  /** Index of the oldest live entry of {@link #tail} (dropped ones are nulled, then compacted). */
  private int tailStart;

  private long tailBase;
  private long tailBytes;
  private Consumer<DecodedTxn> sink;
  private long acceptedEpoch;
  private long currentEpoch;

  DatabaseReplicaStore(ZnodeDatabase db, AtomicStateFile epochs) throws IOException {
    this.db = db;
    this.epochs = epochs;
    this.acceptedEpoch = readEpoch(ACCEPTED_EPOCH_FILE);
    this.currentEpoch = readEpoch(CURRENT_EPOCH_FILE);
    this.tailBase = db.lastLoggedZxid();
  }

  /** How many recent txns are kept in memory for applying and for DIFFs. */
  static final int TAIL_ENTRIES_MAX = 100_000;

  /** How many bytes of recent txns are kept in memory. */
  static final long TAIL_BYTES_MAX = 64L << 20;

  private void remember(long zxid, byte[] txn) {
    tail.add(new LogEntry(zxid, txn));
    tailBytes += txn.length;
    while (tail.size() - tailStart > TAIL_ENTRIES_MAX || tailBytes > TAIL_BYTES_MAX) {
      LogEntry dropped = tail.set(tailStart++, null);
      tailBytes -= dropped.txn().length;
      tailBase = dropped.zxid();
    }
    if (tailStart > TAIL_COMPACT_MIN && tailStart > tail.size() / 2) {
      tail.subList(0, tailStart).clear();
      tailStart = 0;
    }
  }

  /** Dropped slots at the head of the tail list that trigger a compaction. */
  private static final int TAIL_COMPACT_MIN = 4096;

  private void resetTail(long base) {
    tail.clear();
    tailStart = 0;
    tailBytes = 0;
    tailBase = base;
  }

  /** The index of the first tail entry with a zxid above {@code zxid} (binary search). */
  private int firstAfter(long zxid) {
    int lo = tailStart;
    int hi = tail.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tail.get(mid).zxid() <= zxid) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private long readEpoch(String name) throws IOException {
    Optional<byte[]> bytes = epochs.read(name);
    if (bytes.isEmpty()) {
      // A member that never wrote its epochs (fresh, or data from a standalone server) starts
      // from the epoch of its last txn, as ZooKeeper does.
      return Zxid.epoch(db.lastLoggedZxid());
    }
    if (bytes.get().length != Long.BYTES) {
      throw new IOException("epoch file " + name + " holds " + bytes.get().length + " bytes");
    }
    return ByteBuffer.wrap(bytes.get()).getLong();
  }

  /** Where committed txns go; null sends them straight into the tree. */
  void setSink(Consumer<DecodedTxn> value) {
    sink = value;
  }

  /** Leader: the decoded form of a txn it is about to propose, so the log need not decode it. */
  void proposing(long zxid, DecodedTxn decoded) {
    proposedHere.put(zxid, decoded);
  }

  ZnodeDatabase database() {
    return db;
  }

  @Override
  public long acceptedEpoch() {
    return acceptedEpoch;
  }

  @Override
  public long currentEpoch() {
    return currentEpoch;
  }

  @Override
  public void writeAcceptedEpoch(long epoch) {
    writeEpoch(ACCEPTED_EPOCH_FILE, epoch);
    acceptedEpoch = epoch;
  }

  @Override
  public void writeCurrentEpoch(long epoch) {
    writeEpoch(CURRENT_EPOCH_FILE, epoch);
    currentEpoch = epoch;
  }

  private void writeEpoch(String name, long epoch) {
    try {
      epochs.write(name, ByteBuffer.allocate(Long.BYTES).putLong(epoch).array());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist " + name, e);
    }
  }

  @Override
  public long lastLoggedZxid() {
    return db.lastLoggedZxid();
  }

  @Override
  public void append(long zxid, byte[] txn) {
    DecodedTxn decoded = proposedHere.get(zxid);
    if (decoded == null) {
      decoded = TxnCodec.decode(txn);
      proposedHere.put(zxid, decoded);
    }
    if (decoded.header().zxid() != zxid) {
      throw new IllegalStateException(
          "txn logged at 0x"
              + Zxid.toHex(zxid)
              + " carries zxid 0x"
              + Zxid.toHex(decoded.header().zxid()));
    }
    db.logEncoded(zxid, txn);
    remember(zxid, txn);
  }

  @Override
  public void sync() {
    try {
      db.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync the txn log", e);
    }
  }

  @Override
  public List<LogEntry> entriesAfter(long zxid, int maxEntries) {
    if (zxid >= tailBase) {
      int from = firstAfter(zxid);
      int to = (int) Math.min(tail.size(), (long) from + maxEntries);
      return new ArrayList<>(tail.subList(from, to));
    }
    try {
      if (db.lastLoggedZxid() > db.lastDurableZxid()) {
        db.commit();
      }
      List<io.paddock.store.log.LogEntry> read = db.entriesAfter(zxid, maxEntries);
      if (read == null) {
        return null;
      }
      List<LogEntry> out = new ArrayList<>(read.size());
      for (io.paddock.store.log.LogEntry e : read) {
        out.add(new LogEntry(e.zxid(), e.payloadBytes()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the txn log", e);
    }
  }

  @Override
  public void truncateAfter(long zxid) {
    try {
      proposedHere.keySet().removeIf(z -> z > zxid);
      db.truncateAfter(zxid);
      while (tail.size() > tailStart && tail.get(tail.size() - 1).zxid() > zxid) {
        tailBytes -= tail.remove(tail.size() - 1).txn().length;
      }
      if (tailBase > zxid) {
        resetTail(zxid);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot truncate the txn log", e);
    }
  }

  @Override
  public long lastAppliedZxid() {
    return db.tree().lastProcessedZxid();
  }

  @Override
  public void apply(long zxid, byte[] txn) {
    DecodedTxn decoded = proposedHere.remove(zxid);
    if (decoded == null) {
      decoded = TxnCodec.decode(txn);
    }
    if (sink != null) {
      sink.accept(decoded);
    } else {
      db.apply(decoded.header(), decoded.txn());
    }
  }

  @Override
  public byte[] snapshot() {
    return db.snapshotBytes();
  }

  @Override
  public void installSnapshot(long zxid, byte[] snapshot) {
    try {
      proposedHere.clear();
      db.installSnapshot(zxid, snapshot);
      resetTail(zxid);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the leader's snapshot", e);
    }
  }
}
