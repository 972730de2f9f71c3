package io.paddock.server.zab;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain in-memory {@link ReplicaStore} for unit tests: the state machine is the list of applied
 * zxids, the snapshot is that list's last zxid, and every call is written to {@link #events} so a
 * test can check the order of fsyncs, epoch writes and applies.
 */
final class MemStore implements ReplicaStore {

  final List<String> events = new ArrayList<>();
  final List<LogEntry> log = new ArrayList<>();
  long acceptedEpoch;
  long currentEpoch;
  long baseZxid;
  long applied;

  MemStore() {}

  /** A store whose log holds {@code zxids} (all synced), nothing applied. */
  static MemStore withLog(long accepted, long current, long... zxids) {
    MemStore s = new MemStore();
    s.acceptedEpoch = accepted;
    s.currentEpoch = current;
    for (long z : zxids) {
      s.log.add(new LogEntry(z, new byte[] {(byte) z}));
    }
    return s;
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
    events.add("acceptedEpoch " + epoch);
    acceptedEpoch = epoch;
  }

  @Override
  public void writeCurrentEpoch(long epoch) {
    events.add("currentEpoch " + epoch);
    currentEpoch = epoch;
  }

  @Override
  public long lastLoggedZxid() {
    return log.isEmpty() ? baseZxid : log.get(log.size() - 1).zxid();
  }

  @Override
  public void append(long zxid, byte[] txn) {
    events.add("append " + Long.toHexString(zxid));
    log.add(new LogEntry(zxid, txn));
  }

  @Override
  public void sync() {
    events.add("sync");
  }

  @Override
  public List<LogEntry> entriesAfter(long zxid, int maxEntries) {
    if (zxid < baseZxid) {
      return null;
    }
    List<LogEntry> out = new ArrayList<>();
    for (LogEntry e : log) {
      if (e.zxid() > zxid && out.size() < maxEntries) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public void truncateAfter(long zxid) {
    events.add("truncate " + Long.toHexString(zxid));
    log.removeIf(e -> e.zxid() > zxid);
  }

  @Override
  public long lastAppliedZxid() {
    return applied;
  }

  @Override
  public void apply(long zxid, byte[] txn) {
    events.add("apply " + Long.toHexString(zxid));
    applied = zxid;
  }

  @Override
  public byte[] snapshot() {
    return new byte[] {(byte) applied};
  }

  @Override
  public void installSnapshot(long zxid, byte[] snapshot) {
    events.add("snapshot " + Long.toHexString(zxid));
    log.clear();
    baseZxid = zxid;
    applied = zxid;
  }

  /** Compaction: the log keeps only txns after {@code zxid}, which must be applied. */
  void compactTo(long zxid) {
    baseZxid = zxid;
    log.removeIf(e -> e.zxid() <= zxid);
  }
}
