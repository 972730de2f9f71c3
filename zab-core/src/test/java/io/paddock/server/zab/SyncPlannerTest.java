package io.paddock.server.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.store.model.Zxid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leader's choice of DIFF, TRUNC or SNAP for a learner's last zxid. */
class SyncPlannerTest {

  private static final long A1 = Zxid.make(1, 1);
  private static final long A2 = Zxid.make(1, 2);
  private static final long A3 = Zxid.make(1, 3);
  private static final long B1 = Zxid.make(2, 1);
  private static final long C1 = Zxid.make(3, 1);

  private static List<Long> zxids(SyncPlan p) {
    return p.entries().stream().map(LogEntry::zxid).toList();
  }

  @Test
  void learnerWithAPrefixGetsTheDifference() {
    MemStore leader = MemStore.withLog(2, 2, A1, A2, B1);
    SyncPlan p = new SyncPlanner(leader).plan(A1);
    assertEquals(SyncPlan.Kind.DIFF, p.kind());
    assertEquals(A1, p.point());
    assertEquals(List.of(A2, B1), zxids(p));
    SyncPlan empty = new SyncPlanner(leader).plan(B1);
    assertEquals(SyncPlan.Kind.DIFF, empty.kind());
    assertEquals(List.of(), zxids(empty));
    assertEquals(SyncPlan.Kind.DIFF, new SyncPlanner(leader).plan(0).kind());
  }

  @Test
  void learnerWithTxnsTheLeaderLacksIsTruncatedToTheLastCommonZxid() {
    // The learner logged A3 (never committed); the leader went on with epoch 2.
    MemStore leader = MemStore.withLog(2, 2, A1, A2, B1);
    SyncPlan p = new SyncPlanner(leader).plan(A3);
    assertEquals(SyncPlan.Kind.TRUNC, p.kind());
    assertEquals(A2, p.point());
    assertEquals(List.of(B1), zxids(p));
    // Ahead of the leader's whole log: truncated to its end, nothing to add.
    SyncPlan ahead = new SyncPlanner(leader).plan(C1);
    assertEquals(SyncPlan.Kind.TRUNC, ahead.kind());
    assertEquals(B1, ahead.point());
    // Diverged in an epoch the leader has no txn of: back to the leader's last txn before it.
    MemStore older = MemStore.withLog(3, 3, A1, C1);
    SyncPlan back = new SyncPlanner(older).plan(B1);
    assertEquals(SyncPlan.Kind.TRUNC, back.kind());
    assertEquals(A1, back.point());
    assertEquals(List.of(C1), zxids(back));
  }

  @Test
  void learnerBehindTheLogWindowGetsASnapshotThenTheRest() {
    MemStore leader = MemStore.withLog(2, 2, A1, A2, A3, B1);
    leader.applied = A2;
    leader.compactTo(A2);
    SyncPlan p = new SyncPlanner(leader).plan(A1);
    assertEquals(SyncPlan.Kind.SNAP, p.kind());
    assertEquals(A2, p.point());
    assertEquals(List.of(A3, B1), zxids(p));
    // Exactly at the window start: still a DIFF.
    assertEquals(SyncPlan.Kind.DIFF, new SyncPlanner(leader).plan(A2).kind());
  }

  @Test
  void aVeryLongDifferenceIsASnapshotUnlessThatWouldRollTheLearnerBack() {
    long[] many = new long[SyncPlanner.DIFF_ENTRIES_MAX + 5];
    for (int i = 0; i < many.length; i++) {
      many[i] = Zxid.make(1, i + 1);
    }
    MemStore leader = MemStore.withLog(1, 1, many);
    leader.applied = many[many.length - 1];
    assertEquals(SyncPlan.Kind.SNAP, new SyncPlanner(leader).plan(many[0]).kind());
    leader.applied = 0; // the leader applied nothing yet: a snapshot would undo the learner's log
    SyncPlan p = new SyncPlanner(leader).plan(many[0]);
    assertEquals(SyncPlan.Kind.DIFF, p.kind());
    assertEquals(many.length - 1, p.entries().size());
  }
}
