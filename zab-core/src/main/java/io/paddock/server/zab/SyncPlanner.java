package io.paddock.server.zab;

import io.paddock.store.model.Zxid;
import java.util.List;

/**
 * Chooses DIFF, TRUNC or SNAP for a learner from its last logged zxid and the leader's store
 * (ZooKeeper's LearnerHandler.syncFollower, with the ZOOKEEPER-1154 and 2832 fixes by design: a
 * learner whose last zxid is not in the leader's history is always truncated to the last common
 * zxid). The leader's history is its whole log, uncommitted-but-logged txns included.
 */
final class SyncPlanner {

  /** A difference longer than this is sent as a snapshot when that does not roll back. */
  static final int DIFF_ENTRIES_MAX = 10_000;

  /** Bound on store reads while looking for the last common zxid; beyond it, SNAP. */
  static final int SCAN_READS_MAX = 64;

  private final ReplicaStore store;

  SyncPlanner(ReplicaStore store) {
    this.store = store;
  }

  SyncPlan plan(long learnerZxid) {
    long common = commonPoint(learnerZxid);
    if (common < 0) {
      return snap();
    }
    List<LogEntry> missing = store.entriesAfter(common, DIFF_ENTRIES_MAX + 1);
    if (missing == null) {
      return snap();
    }
    if (missing.size() > DIFF_ENTRIES_MAX && store.lastAppliedZxid() >= common) {
      return snap();
    }
    if (missing.size() > DIFF_ENTRIES_MAX) {
      missing = store.entriesAfter(common, Integer.MAX_VALUE);
      if (missing == null) {
        return snap();
      }
    }
    SyncPlan.Kind kind = common == learnerZxid ? SyncPlan.Kind.DIFF : SyncPlan.Kind.TRUNC;
    return new SyncPlan(kind, common, null, missing);
  }

  /**
   * The learner's last zxid if the leader's history holds it; else the largest leader zxid below it
   * (the learner's txns after that were never in the leader's history, so never committed); -1 when
   * the leader's log no longer reaches back that far.
   */
  long commonPoint(long learnerZxid) {
    if (learnerZxid == 0) {
      return store.entriesAfter(0, 1) == null ? -1 : 0;
    }
    if (learnerZxid == store.lastLoggedZxid()) {
      return learnerZxid;
    }
    if (store.entriesAfter(learnerZxid, 1) == null) {
      return -1; // the log window starts after the learner's zxid
    }
    List<LogEntry> probe = store.entriesAfter(learnerZxid - 1, 1);
    if (probe == null) {
      return learnerZxid; // the window starts exactly at it: the leader's snapshot point
    }
    if (!probe.isEmpty() && probe.get(0).zxid() == learnerZxid) {
      return learnerZxid;
    }
    // Walk back epoch by epoch to the largest leader zxid below the learner's.
    int reads = 0;
    for (long epoch = Zxid.epoch(learnerZxid); epoch >= 0; epoch--) {
      long from = epoch == 0 ? 0 : Zxid.make(epoch, 0);
      long best = -1;
      while (reads++ < SCAN_READS_MAX) {
        List<LogEntry> page = store.entriesAfter(from, SyncPlanner.DIFF_ENTRIES_MAX);
        if (page == null) {
          return -1;
        }
        boolean passed = page.isEmpty();
        for (LogEntry e : page) {
          if (e.zxid() >= learnerZxid) {
            passed = true;
            break;
          }
          best = e.zxid();
        }
        if (passed || page.size() < SyncPlanner.DIFF_ENTRIES_MAX) {
          break;
        }
        from = page.get(page.size() - 1).zxid();
      }
      if (reads > SCAN_READS_MAX) {
        return -1;
      }
      if (best >= 0) {
        return best;
      }
    }
    return 0;
  }

  private SyncPlan snap() {
    long at = store.lastAppliedZxid();
    byte[] bytes = store.snapshot();
    List<LogEntry> after = store.entriesAfter(at, Integer.MAX_VALUE);
    if (after == null) {
      throw new IllegalStateException(
          "the log does not hold the txns after the applied state 0x" + Long.toHexString(at));
    }
    return new SyncPlan(SyncPlan.Kind.SNAP, at, bytes, after);
  }
}
