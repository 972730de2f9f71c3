package io.paddock.server.zab.sim;

import io.paddock.server.zab.LogEntry;
import io.paddock.server.zab.ReplicaStore;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.DataTree;
import io.paddock.store.tree.SnapshotCodec;
import io.paddock.store.txn.DecodedTxn;
import io.paddock.store.txn.TxnCodec;
import io.paddock.store.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An in-memory {@link ReplicaStore} with a synced watermark, for the simulator. Epochs, TRUNC and
 * snapshots are durable at once; appends only after {@link #sync()}. {@link #crash} loses the
 * unsynced tail (by seed, a prefix of it may have reached the disk, the torn last entry never) and
 * the in-memory state machine, which restarts from the durable snapshot. The state machine is the
 * real {@link DataTree}. Every rule the peer must keep is checked and recorded as a violation
 * rather than thrown, so a run reports all of them.
 */
final class SimStore implements ReplicaStore {

  /** Told about every txn applied, with its result (client replies are computed from it). */
  interface ApplyHook {
    void applied(long zxid, DecodedTxn txn, ApplyResult result);
  }

  private final int member;
  private final Recorder recorder;
  private long acceptedEpoch;
  private long currentEpoch;
  private long baseZxid;
  private byte[] baseSnapshot;
  private final List<LogEntry> log = new ArrayList<>();
  private int syncedCount;
  private DataTree tree;
  private ApplyHook hook = (z, t, r) -> {};
  private long syncs;

  SimStore(int member, Recorder recorder) {
    this.member = member;
    this.recorder = recorder;
    this.tree = new DataTree();
    this.baseSnapshot = SnapshotCodec.write(tree);
    recorder.segmentStart(member, 0);
  }

  void setHook(ApplyHook hook) {
    this.hook = hook;
  }

  DataTree tree() {
    return tree;
  }

  long syncs() {
    return syncs;
  }

  long baseZxid() {
    return baseZxid;
  }

  int logSize() {
    return log.size();
  }

  /** The logged zxids, in log order. */
  List<Long> loggedZxids() {
    return log.stream().map(LogEntry::zxid).toList();
  }

  /** Crash: unsynced appends are lost (by seed a prefix survives), the tree restarts from disk. */
  void crash(Random random) {
    int unsynced = log.size() - syncedCount;
    int survive = unsynced <= 1 ? 0 : random.nextInt(unsynced); // the last one is always torn
    while (log.size() > syncedCount + survive) {
      log.remove(log.size() - 1);
    }
    syncedCount = log.size();
    tree = SnapshotCodec.load(baseSnapshot);
    recorder.segmentStart(member, baseZxid);
  }

  /** Crash that loses exactly the unsynced tail (for scripted scenarios). */
  void crashDroppingUnsynced() {
    while (log.size() > syncedCount) {
      log.remove(log.size() - 1);
    }
    tree = SnapshotCodec.load(baseSnapshot);
    recorder.segmentStart(member, baseZxid);
  }

  /** Log compaction: the applied state becomes the durable snapshot; older entries go. */
  void compact() {
    long applied = tree.lastProcessedZxid();
    if (applied <= baseZxid) {
      return;
    }
    baseSnapshot = SnapshotCodec.write(tree);
    baseZxid = applied;
    int drop = 0;
    while (drop < log.size() && log.get(drop).zxid() <= applied) {
      drop++;
    }
    log.subList(0, drop).clear();
    syncedCount -= drop;
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
    acceptedEpoch = epoch;
  }

  @Override
  public void writeCurrentEpoch(long epoch) {
    if (epoch > acceptedEpoch) {
      recorder.violation(
          "member "
              + member
              + " wrote currentEpoch "
              + epoch
              + " above acceptedEpoch "
              + acceptedEpoch);
    }
    if (syncedCount < log.size()) {
      recorder.violation(
          "member " + member + " wrote currentEpoch " + epoch + " with an unsynced log tail");
    }
    currentEpoch = epoch;
  }

  /** Scripted scenarios: set the epoch files directly. */
  void forceEpochs(long accepted, long current) {
    acceptedEpoch = accepted;
    currentEpoch = current;
  }

  @Override
  public long lastLoggedZxid() {
    return log.isEmpty() ? baseZxid : log.get(log.size() - 1).zxid();
  }

  @Override
  public void append(long zxid, byte[] txn) {
    if (zxid <= lastLoggedZxid()) {
      recorder.violation(
          "member " + member + " log zxid 0x" + Long.toHexString(zxid) + " not increasing");
    }
    log.add(new LogEntry(zxid, txn));
  }

  @Override
  public void sync() {
    syncs++;
    syncedCount = log.size();
  }

  private long syncedZxid() {
    return syncedCount == 0 ? baseZxid : log.get(syncedCount - 1).zxid();
  }

  @Override
  public List<LogEntry> entriesAfter(long zxid, int maxEntries) {
    if (zxid < baseZxid) {
      return null;
    }
    List<LogEntry> out = new ArrayList<>();
    for (LogEntry e : log) {
      if (out.size() >= maxEntries) {
        break;
      }
      if (e.zxid() > zxid) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public void truncateAfter(long zxid) {
    if (zxid < tree.lastProcessedZxid()) {
      recorder.violation(
          "member " + member + " truncated applied txns after 0x" + Long.toHexString(zxid));
    }
    if (zxid < baseZxid) {
      recorder.violation("member " + member + " truncated into its snapshot");
      return;
    }
    while (!log.isEmpty() && log.get(log.size() - 1).zxid() > zxid) {
      log.remove(log.size() - 1);
    }
    syncedCount = Math.min(syncedCount, log.size());
    // TRUNC is durable: write the cut log and fsync.
    syncedCount = log.size();
  }

  @Override
  public long lastAppliedZxid() {
    return tree.lastProcessedZxid();
  }

  @Override
  public void apply(long zxid, byte[] txn) {
    if (zxid > syncedZxid()) {
      recorder.violation("member " + member + " applied unsynced txn 0x" + Long.toHexString(zxid));
    }
    DecodedTxn d = TxnCodec.decode(txn);
    TxnHeader h = d.header();
    ApplyResult r =
        tree.apply(new TxnHeader(h.sessionId(), h.cxid(), zxid, h.timeMs(), h.type()), d.txn());
    recorder.delivered(member, zxid, txn);
    hook.applied(zxid, d, r);
  }

  @Override
  public byte[] snapshot() {
    return SnapshotCodec.write(tree);
  }

  @Override
  public void installSnapshot(long zxid, byte[] snapshot) {
    DataTree loaded = SnapshotCodec.load(snapshot);
    if (loaded.lastProcessedZxid() != zxid) {
      recorder.violation("member " + member + " snapshot zxid mismatch");
    }
    tree = loaded;
    baseSnapshot = snapshot;
    baseZxid = zxid;
    log.clear();
    syncedCount = 0;
    recorder.segmentStart(member, zxid);
  }
}
