package io.paddock.server.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.zab.ZabMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault scenarios of RELIABILITY.md B4 that concern the protocol core, each scripted (crash
 * points chosen by message, not by chance) and each ending with healing and every checker.
 */
class FaultScenariosTest {

  private static final int[][] ORDERS = {
    {1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}
  };

  /**
   * Sets up ZOOKEEPER-1154/2832: the leader logs (and syncs) a proposal nobody else logged, then
   * the whole ensemble crashes. Returns the script and the proposal's zxid.
   */
  private static Object[] leaderLogsAloneThenEveryoneCrashes(long seed) {
    Script s = new Script(seed, 3, 0);
    s.sim.startAll();
    s.commitSome(3, "/a");
    int leader = s.awaitLeader().id;
    s.isolate(leader);
    ClientOp lonely = s.writeAt(leader, "/a0", 99);
    s.sim.tick(); // the leader flushes its proposal; nobody else can receive it
    long zxid = s.sim.recorder.proposals.get(s.sim.recorder.proposals.size() - 1).zxid();
    s.crashAll();
    s.sim.net.healAll();
    return new Object[] {s, leader, zxid, lonely};
  }

  @Test
  void uncommittedProposalIsTruncatedWhenItsHolderMissesTheFirstElection() {
    Object[] setup = leaderLogsAloneThenEveryoneCrashes(11);
    Script s = (Script) setup[0];
    int holder = (int) setup[1];
    long zxid = (long) setup[2];
    for (int id = 1; id <= 3; id++) {
      if (id != holder) {
        s.sim.start(id);
      }
    }
    s.commitSome(2, "/b");
    s.sim.start(holder);
    s.awaitConverged();
    assertFalse(s.committed(zxid), "the lonely proposal must never commit");
    assertTrue(s.syncs().contains(holder + ":TRUNC"), s.syncs()::toString);
    s.finishAndCheck();
  }

  @Test
  void wholeEnsembleCrashAfterALonelyProposalRestartsInEveryOrder() {
    for (int[] order : ORDERS) {
      Object[] setup = leaderLogsAloneThenEveryoneCrashes(20 + order[0] * 3 + order[1]);
      Script s = (Script) setup[0];
      for (int id : order) {
        s.sim.start(id);
        s.sim.runTicks(30);
      }
      s.finishAndCheck();
    }
  }

  @Test
  void leaderCrashesAfterAQuorumAckedButBeforeItsCommitWentOut() {
    Script s = new Script(31, 3, 0);
    s.sim.startAll();
    s.commitSome(2, "/a");
    int leader = s.awaitLeader().id;
    long next = s.sim.member(leader).store.lastLoggedZxid() + 1;
    s.crashBefore(leader, m -> m instanceof ZabMessage.Ack a && a.zxid() >= next);
    ClientOp op = s.writeAt(leader, "/a0", 7);
    assertTrue(s.sim.runUntil(() -> !s.sim.member(leader).alive(), Script.WAIT_TICKS));
    long zxid = s.sim.recorder.proposals.get(s.sim.recorder.proposals.size() - 1).zxid();
    assertFalse(op.completed());
    s.awaitLeader();
    s.commitSome(1, "/b");
    assertTrue(s.committed(zxid), "a txn logged by a quorum must be committed by the next leader");
    s.finishAndCheck();
  }

  @Test
  void newLeaderCommitsProposalsOfAnOlderEpoch() {
    Script s = new Script(41, 3, 0);
    s.sim.startAll();
    s.commitSome(2, "/a");
    int leader = s.awaitLeader().id;
    int lagging = leader % 3 + 1;
    int holder = lagging % 3 + 1;
    s.sim.net.block(leader, lagging); // the proposal reaches only `holder`
    long next = s.sim.member(leader).store.lastLoggedZxid() + 1;
    s.crashBefore(leader, m -> m instanceof ZabMessage.Ack a && a.zxid() >= next);
    s.writeAt(leader, "/a1", 5);
    assertTrue(s.sim.runUntil(() -> !s.sim.member(leader).alive(), Script.WAIT_TICKS));
    long zxid = s.sim.recorder.proposals.get(s.sim.recorder.proposals.size() - 1).zxid();
    s.sim.net.healAll();
    assertEquals(holder, s.awaitLeader().id, "the member holding the newest proposal wins");
    s.commitSome(1, "/b");
    assertTrue(
        s.committed(zxid),
        () ->
            "0x"
                + Long.toHexString(zxid)
                + " "
                + s.sim.committed().keySet().stream().map(Long::toHexString).toList()
                + "\n"
                + s.sim.traceText());
    s.finishAndCheck();
  }

  @Test
  void memberLosesItsUnsyncedTail() {
    Script s = new Script(51, 3, 0);
    s.sim.startAll();
    s.commitSome(2, "/a");
    int leader = s.awaitLeader().id;
    s.sim.member(leader).autoFlush = false; // the leader's disk never syncs: followers commit alone
    List<ClientOp> acked = List.of(s.writeAt(leader, "/a0", 1), s.writeAt(leader, "/a1", 2));
    s.sim.runTicks(20);
    s.sim.crash(leader, false);
    s.awaitLeader();
    s.sim.start(leader);
    s.finishAndCheck();
    for (ClientOp op : acked) {
      assertFalse(op.completed(), "the leader never applied (never synced), so it never replied");
    }
  }

  @Test
  void followerLosesItsUnsyncedTailWithTornWrites() {
    for (long seed = 60; seed < 66; seed++) {
      Script s = new Script(seed, 3, 0);
      s.sim.startAll();
      int leader = s.awaitLeader().id;
      int follower = leader % 3 + 1;
      s.sim.member(follower).flushEveryTicks = 7;
      for (int i = 0; i < 5; i++) {
        s.writeAt(leader, "/t" + i, i);
        s.sim.runTicks(2);
      }
      s.sim.crash(follower, true); // by seed, part of the unsynced tail survives
      s.sim.start(follower);
      s.finishAndCheck();
    }
  }

  @Test
  void acceptedEpochFarAheadOfTheLog() {
    Script s = new Script(71, 3, 0);
    s.sim.startAll();
    s.commitSome(2, "/a");
    s.crashAll();
    s.sim.member(2).store.forceEpochs(9, s.sim.member(2).store.currentEpoch());
    s.sim.startAll();
    s.commitSome(1, "/b");
    assertTrue(
        s.sim.member(s.awaitLeader().id).store.currentEpoch() >= 10,
        "the new epoch is above every accepted one");
    s.finishAndCheck();
  }

  @Test
  void currentEpochBehindTheLog() {
    // A member crashed after syncing a new epoch's txns but before writing currentEpoch.
    Script s = new Script(81, 3, 0);
    s.sim.startAll();
    s.commitSome(3, "/a");
    s.crashAll();
    s.sim.member(3).store.forceEpochs(s.sim.member(3).store.acceptedEpoch(), 0);
    s.sim.startAll();
    s.commitSome(1, "/b");
    s.finishAndCheck();
  }

  private static Script learnerNeedingSnap(long seed) {
    Script s = new Script(seed, 3, 0);
    s.sim.startAll();
    int leader = s.awaitLeader().id;
    int learner = leader % 3 + 1;
    s.sim.crash(learner, false);
    s.commitSome(4, "/a");
    for (int id = 1; id <= 3; id++) {
      s.sim.member(id).store.compact(); // the log no longer reaches back to the learner
    }
    return s;
  }

  @Test
  void snapSyncInterruptedAtEachStep() {
    List<String> steps =
        List.of(
            "afterSnap", "beforeNewLeader", "afterNewLeader", "beforeUpToDate", "afterUpToDate");
    long seed = 90;
    for (String step : steps) {
      Script s = learnerNeedingSnap(seed++);
      int leader = s.awaitLeader().id;
      int learner = leader % 3 + 1;
      switch (step) {
        case "afterSnap" -> s.crashAfter(learner, m -> m instanceof ZabMessage.Snap);
        case "beforeNewLeader" -> s.crashBefore(learner, m -> m instanceof ZabMessage.NewLeader);
        case "afterNewLeader" -> s.crashAfter(learner, m -> m instanceof ZabMessage.NewLeader);
        case "beforeUpToDate" -> s.crashBefore(learner, m -> m instanceof ZabMessage.UpToDate);
        default -> s.crashAfter(learner, m -> m instanceof ZabMessage.UpToDate);
      }
      s.sim.start(learner);
      assertTrue(s.sim.runUntil(() -> !s.sim.member(learner).alive(), Script.WAIT_TICKS), step);
      assertTrue(s.sim.member(learner).store.baseZxid() > 0, step + ": the snapshot was installed");
      s.commitSome(1, "/b");
      s.sim.start(learner);
      s.finishAndCheck();
    }
  }

  @Test
  void wholeQuorumCrashesRightAfterTheLeaderCountsTheNewLeaderAcks() {
    for (long seed = 100; seed < 104; seed++) {
      Script s = new Script(seed, 3, 0);
      s.sim.startAll();
      int leader = s.awaitLeader().id;
      int learner = leader % 3 + 1;
      s.sim.crash(learner, false);
      List<ClientOp> acked = s.commitSome(3, "/a");
      s.sim.crash(leader, false);
      s.sim.start(learner); // learner + the third member: a new leader syncs the learner by DIFF
      int[] crashedAt = {-1};
      s.sim.afterDelivery =
          d -> {
            Simulator.Member to = s.sim.member(d.to());
            if (d.message() instanceof ZabMessage.Ack
                && to.alive()
                && to.peer.canPropose()
                && crashedAt[0] < 0) {
              crashedAt[0] = d.to();
              for (int id = 1; id <= 3; id++) {
                s.sim.crash(id, true);
              }
            }
          };
      assertTrue(s.sim.runUntil(() -> crashedAt[0] > 0, Script.WAIT_TICKS), s.sim::traceText);
      s.finishAndCheck();
      for (ClientOp op : acked) {
        assertTrue(s.committed(op.zxid));
      }
    }
  }

  @Test
  void truncSyncInterrupted() {
    Object[] setup = leaderLogsAloneThenEveryoneCrashes(111);
    Script s = (Script) setup[0];
    int holder = (int) setup[1];
    for (int id = 1; id <= 3; id++) {
      if (id != holder) {
        s.sim.start(id);
      }
    }
    s.commitSome(1, "/b");
    s.crashAfter(holder, m -> m instanceof ZabMessage.Trunc);
    s.sim.start(holder);
    assertTrue(s.sim.runUntil(() -> !s.sim.member(holder).alive(), Script.WAIT_TICKS));
    s.commitSome(1, "/c");
    s.finishAndCheck();
  }

  @Test
  void learnerJustInsideAndJustOutsideTheDiffWindow() {
    for (boolean inside : new boolean[] {true, false}) {
      Script s = new Script(inside ? 123 : 124, 3, 0);
      s.sim.startAll();
      s.commitSome(2, "/a");
      int leader = s.awaitLeader().id;
      int learner = leader % 3 + 1;
      s.sim.crash(learner, false);
      long learnerZxid = s.sim.member(learner).store.lastLoggedZxid();
      if (!inside) {
        s.commitSome(1, "/b"); // the window will start one txn after the learner's last zxid
      }
      for (int id = 1; id <= 3; id++) {
        s.sim.member(id).store.compact();
      }
      long windowStart = s.sim.member(leader).store.baseZxid();
      assertEquals(inside, windowStart == learnerZxid, "window start vs learner");
      s.commitSome(2, "/c");
      s.sim.start(learner);
      s.finishAndCheck();
      String expected = learner + (inside ? ":DIFF" : ":SNAP");
      List<String> mine = s.syncs().stream().filter(k -> k.startsWith(learner + ":")).toList();
      assertEquals(expected, mine.get(mine.size() - 1), mine::toString);
    }
  }

  @Test
  void partitionedOldLeaderKeepsAcceptingProposalsThatNeverCommit() {
    Script s = new Script(131, 5, 1);
    s.sim.startAll();
    s.commitSome(2, "/a");
    int old = s.awaitLeader().id;
    s.isolate(old);
    int before = s.sim.recorder.proposals.size();
    for (int i = 0; i < 3; i++) {
      Simulator.Member m = s.sim.member(old);
      if (m.peer.canPropose()) {
        s.writeAt(old, "/x" + i, i);
      }
    }
    List<Long> stranded =
        s.sim.recorder.proposals.subList(before, s.sim.recorder.proposals.size()).stream()
            .map(Recorder.Proposed::zxid)
            .toList();
    assertFalse(stranded.isEmpty());
    s.sim.runTicks(40);
    assertTrue(
        s.sim.runUntil(
            () -> s.sim.leader() != null && s.sim.leader().id != old, Script.WAIT_TICKS));
    s.commitSome(3, "/b");
    s.finishAndCheck();
    for (long z : stranded) {
      assertFalse(
          s.committed(z),
          "a proposal of the partitioned old leader committed: 0x" + Long.toHexString(z));
    }
  }

  @Test
  void twoMembersRestartWithTheSameLastZxidButDifferentEpochHistories() {
    Script s = new Script(141, 3, 0);
    s.sim.startAll();
    s.commitSome(3, "/a");
    s.crashAll();
    // Both hold the same log; member 1 acknowledged a later NEWLEADER (currentEpoch ahead).
    long epoch = s.sim.member(1).store.currentEpoch();
    s.sim.member(1).store.forceEpochs(epoch + 1, epoch + 1);
    s.sim.member(2).store.forceEpochs(epoch + 1, epoch);
    s.sim.start(1);
    s.sim.start(2);
    assertEquals(1, s.awaitLeader().id, "equal zxids: the higher currentEpoch wins");
    s.sim.start(3);
    s.finishAndCheck();
  }

  @Test
  void leaderChangeDuringAStreamOfCreatesConverges() {
    Script s = new Script(151, 3, 1);
    s.sim.startAll();
    for (int round = 0; round < 3; round++) {
      int leader = s.awaitLeader().id;
      for (int i = 0; i < 6; i++) {
        int at = 1 + (i % 4);
        if (s.sim.member(at).alive() && s.sim.member(at).status().isServing()) {
          Simulator.Client c = s.sim.addClient(at);
          s.sim.write(c, ClientOp.Kind.CREATE, "/eph-" + round + "-" + i, i, -1);
        }
        s.sim.runTicks(1);
        if (i == 3) {
          s.sim.crash(leader, true);
        }
      }
      s.sim.runTicks(10);
      s.sim.start(leader);
    }
    s.finishAndCheck();
  }
}
