package io.paddock.server.zab;

import java.util.List;

/**
 * The peer's view of its {@link ReplicaStore}: which logged txns are durable (synced), which are
 * known committed, and the always-checked rules between them. Applies committed txns in zxid order,
 * each once, and only when they are synced. Kept across roles: a peer going back to election keeps
 * its log (and any unsynced tail, which a crash would lose).
 */
final class ReplicaLog {

  /** How many entries one read of the store returns while applying. */
  static final int APPLY_BATCH_MAX = 1024;

  private final ReplicaStore store;
  private long syncedZxid;
  private long commitPoint;

  ReplicaLog(ReplicaStore store) {
    this.store = store;
    // Whatever a freshly opened store holds survived a restart, so it is durable.
    this.syncedZxid = store.lastLoggedZxid();
    this.commitPoint = store.lastAppliedZxid();
  }

  ReplicaStore store() {
    return store;
  }

  long lastLogged() {
    return store.lastLoggedZxid();
  }

  long synced() {
    return syncedZxid;
  }

  long commitPoint() {
    return commitPoint;
  }

  boolean hasUnsynced() {
    return syncedZxid < store.lastLoggedZxid();
  }

  /** A new role starts: what is applied is the only commit point known for sure. */
  void resetCommitPoint() {
    commitPoint = store.lastAppliedZxid();
  }

  /** Appends, checking the log's zxids stay strictly increasing. */
  void append(long zxid, byte[] txn) {
    long last = store.lastLoggedZxid();
    if (zxid <= last) {
      throw new IllegalStateException(
          "log zxids must increase: 0x"
              + Long.toHexString(zxid)
              + " after 0x"
              + Long.toHexString(last));
    }
    store.append(zxid, txn);
  }

  /** One fsync for every append so far. */
  void sync() {
    store.sync();
    syncedZxid = store.lastLoggedZxid();
  }

  /** TRUNC: the store drops everything after {@code zxid}, durably. */
  void truncateAfter(long zxid) {
    if (zxid < store.lastAppliedZxid()) {
      throw new IllegalStateException(
          "TRUNC to 0x"
              + Long.toHexString(zxid)
              + " would drop applied (committed) txns up to 0x"
              + Long.toHexString(store.lastAppliedZxid()));
    }
    store.truncateAfter(zxid);
    syncedZxid = Math.min(syncedZxid, store.lastLoggedZxid());
    commitPoint = Math.min(commitPoint, zxid);
  }

  /** SNAP: the store is replaced by {@code snapshot} at {@code zxid}, durably. */
  void installSnapshot(long zxid, byte[] snapshot) {
    store.installSnapshot(zxid, snapshot);
    syncedZxid = zxid;
    commitPoint = zxid;
  }

  /**
   * Everything up to {@code zxid} is committed (commits are cumulative: the leader commits in zxid
   * order). The commit point never moves back, and never beyond what is logged.
   */
  void commitUpTo(long zxid) {
    if (zxid > store.lastLoggedZxid()) {
      throw new IllegalStateException(
          "commit of 0x"
              + Long.toHexString(zxid)
              + " beyond the log end 0x"
              + Long.toHexString(store.lastLoggedZxid()));
    }
    commitPoint = Math.max(commitPoint, zxid);
  }

  /** Applies every committed and synced txn not applied yet, in zxid order, each once. */
  void applyCommitted() {
    long target = Math.min(commitPoint, syncedZxid);
    for (int round = 0; store.lastAppliedZxid() < target; round++) {
      long applied = store.lastAppliedZxid();
      List<LogEntry> entries = store.entriesAfter(applied, APPLY_BATCH_MAX);
      if (entries == null || entries.isEmpty()) {
        throw new IllegalStateException(
            "committed txns after 0x" + Long.toHexString(applied) + " are missing from the log");
      }
      for (LogEntry e : entries) {
        if (e.zxid() > target) {
          return;
        }
        if (e.zxid() <= store.lastAppliedZxid()) {
          throw new IllegalStateException("txn 0x" + Long.toHexString(e.zxid()) + " applied twice");
        }
        store.apply(e.zxid(), e.txn());
      }
      if (round > Integer.MAX_VALUE / 2) {
        throw new IllegalStateException("apply loop does not end");
      }
    }
  }
}
