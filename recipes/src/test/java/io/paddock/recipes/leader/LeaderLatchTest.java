package io.paddock.recipes.leader;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.SessionConnectionStateErrorPolicy;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Leader latches: one leader, failover, correct watching, expiry, policies, cleanup. */
class LeaderLatchTest extends RecipeTestBase {

  private List<LeaderLatch> latches(String path, int n) throws Exception {
    List<LeaderLatch> latches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PaddockFramework fw = newFramework();
      LeaderLatch latch = closeAfter(new LeaderLatch(fw, path, "c" + i));
      latch.start();
      latches.add(latch);
      int joined = i + 1;
      await().atMost(WAIT).until(() -> latch.getParticipants().size() == joined);
    }
    return latches;
  }

  private static long leaders(List<LeaderLatch> latches) {
    return latches.stream().filter(LeaderLatch::hasLeadership).count();
  }

  @Test
  void exactlyOneLeaderAndClosingItElectsExactlyOneSuccessor() throws Exception {
    List<LeaderLatch> latches = latches("/ll/basic", 3);
    await().atMost(WAIT).until(() -> leaders(latches) == 1);
    LeaderLatch first = latches.get(0);
    assertTrue(first.hasLeadership(), "the first to join leads");
    assertEquals("c0", first.getLeader().orElseThrow().id());
    long firstToken = first.leadershipGrant().orElseThrow().token();
    first.close();
    await().atMost(WAIT).until(() -> latches.get(1).hasLeadership());
    assertEquals(1, leaders(latches));
    assertTrue(latches.get(1).leadershipGrant().orElseThrow().token() > firstToken);
    assertThrows(EOFException.class, first::await, "a closed latch does not wait");
    assertFalse(latches.get(2).await(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void closingAMiddleCandidateDoesNotPromoteTheLast() throws Exception {
    List<LeaderLatch> latches = latches("/ll/middle", 3);
    await().atMost(WAIT).until(() -> latches.get(0).hasLeadership());
    latches.get(1).close();
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> !latches.get(2).hasLeadership() && latches.get(0).hasLeadership());
    latches.get(0).close();
    await().atMost(WAIT).until(() -> latches.get(2).hasLeadership());
  }

  @Test
  void eachCandidateWatchesOnlyItsPredecessor() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    PaddockFramework c = newFramework();
    LeaderLatch la = closeAfter(new LeaderLatch(a, "/ll/watch", "a"));
    LeaderLatch lb = closeAfter(new LeaderLatch(b, "/ll/watch", "b"));
    LeaderLatch lc = closeAfter(new LeaderLatch(c, "/ll/watch", "c"));
    la.start();
    la.await();
    lb.start();
    await().atMost(WAIT).until(() -> lb.getOurPath() != null);
    lc.start();
    await().atMost(WAIT).until(() -> lc.getOurPath() != null);
    await()
        .atMost(WAIT)
        .until(
            () ->
                hasWatch(b, la.getOurPath(), WatcherType.DATA)
                    && hasWatch(c, lb.getOurPath(), WatcherType.DATA));
    assertFalse(hasWatch(c, la.getOurPath(), WatcherType.DATA), "no watch on the leader: no herd");
  }

  @Test
  void aLeaderWhoseSessionExpiresIsToldAndNeverLeadsOnItsStaleNode() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    LeaderLatch la = closeAfter(new LeaderLatch(a, "/ll/expiry", "a"));
    List<String> events = new CopyOnWriteArrayList<>();
    la.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            events.add("leader");
          }

          @Override
          public void notLeader() {
            events.add("not");
          }
        });
    la.start();
    la.await();
    String staleNode = la.getOurPath();
    LeaderLatch lb = closeAfter(new LeaderLatch(b, "/ll/expiry", "b"));
    lb.start();
    await().atMost(WAIT).until(() -> lb.getParticipants().size() == 2);
    expireSession(a);
    await().atMost(WAIT).until(lb::hasLeadership);
    await().atMost(WAIT).until(() -> events.contains("not"));
    await().atMost(WAIT).until(() -> la.getOurPath() != null && !la.getOurPath().equals(staleNode));
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !la.hasLeadership());
    assertEquals(2, lb.getParticipants().size(), "the expired latch joined again, once");
    assertEquals("b", lb.getLeader().orElseThrow().id());
  }

  @Test
  void theStandardPolicyDropsLeadershipWhenSuspendedTheSessionPolicyKeepsIt() throws Exception {
    PaddockFramework standard = newFramework();
    PaddockFramework session =
        started(
            frameworkBuilder()
                .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
                .build());
    LeaderLatch ls = closeAfter(new LeaderLatch(standard, "/ll/policy-std", "s"));
    LeaderLatch lp = closeAfter(new LeaderLatch(session, "/ll/policy-ses", "p"));
    List<String> sessionEvents = new CopyOnWriteArrayList<>();
    lp.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            sessionEvents.add("leader");
          }

          @Override
          public void notLeader() {
            sessionEvents.add("not");
          }
        });
    ls.start();
    lp.start();
    ls.await();
    lp.await();
    core().stop();
    try {
      await().atMost(WAIT).until(() -> !ls.hasLeadership());
      assertTrue(lp.hasLeadership(), "the session policy keeps leadership while suspended");
    } finally {
      core().start();
    }
    await().atMost(WAIT).until(ls::hasLeadership);
    assertTrue(lp.hasLeadership());
    assertFalse(sessionEvents.contains("not"));
  }

  @Test
  void closeLeavesNoNodeAndNoWatchAndNotifiesWhenAsked() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    LeaderLatch la =
        closeAfter(new LeaderLatch(a, "/ll/close", "a", LeaderLatch.CloseMode.NOTIFY_LEADER));
    List<String> events = new CopyOnWriteArrayList<>();
    la.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            events.add("leader");
          }

          @Override
          public void notLeader() {
            events.add("not");
          }
        });
    la.start();
    la.await();
    Grant grant = la.leadershipGrant().orElseThrow();
    a.create().forPath("/ll-resource");
    a.transaction().add(grant.guard()).setData("/ll-resource", new byte[] {1}).commit();
    LeaderLatch lb = closeAfter(new LeaderLatch(b, "/ll/close", "b"));
    lb.start();
    await().atMost(WAIT).until(() -> lb.getOurPath() != null);
    String bNode = lb.getOurPath();
    await().atMost(WAIT).until(() -> hasWatch(b, grant.path(), WatcherType.DATA));
    la.close();
    await().atMost(WAIT).until(() -> events.equals(List.of("leader", "not")));
    PaddockException e =
        assertThrows(
            PaddockException.class,
            () ->
                a.transaction()
                    .add(grant.guard())
                    .setData("/ll-resource", new byte[] {2})
                    .commit());
    assertInstanceOf(PaddockException.NoNodeException.class, e, "a former leader is fenced");
    lb.await();
    lb.close();
    await().atMost(WAIT).until(() -> a.checkExists().forPath("/ll/close") == null);
    assertFalse(hasWatch(b, bNode, WatcherType.ANY));
    assertFalse(hasWatch(b, grant.path(), WatcherType.ANY));
    assertFalse(hasWatch(a, grant.path(), WatcherType.ANY));
  }

  @Test
  void withTheServiceDownNobodyLeadsAndAfterItExactlyOneDoes() throws Exception {
    List<LeaderLatch> latches = latches("/ll/down", 2);
    await().atMost(WAIT).until(() -> leaders(latches) == 1);
    core().stop();
    try {
      await().atMost(WAIT).until(() -> leaders(latches) == 0);
    } finally {
      core().start();
    }
    await().atMost(WAIT).until(() -> leaders(latches) == 1);
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> leaders(latches) == 1);
  }

  /**
   * After a reconnect a waiting latch restarts its wait on the same predecessor; the old wait's
   * watch removal must not take the new wait's watch with it on the server (it holds one watch per
   * session and node), or the waiter never learns that the leader left. Found by the demo tour;
   * several rounds, since the removal races the new watch.
   */
  @Test
  void aWaiterStillTakesOverAfterAServerRestart() throws Exception {
    for (int round = 0; round < 6; round++) {
      List<LeaderLatch> latches = latches("/ll/restart" + round, 2);
      await().atMost(WAIT).until(() -> leaders(latches) == 1);
      core().stop();
      core().start();
      await().atMost(WAIT).until(() -> leaders(latches) == 1);
      LeaderLatch leader = latches.stream().filter(LeaderLatch::hasLeadership).findFirst().get();
      LeaderLatch waiter = latches.stream().filter(l -> l != leader).findFirst().get();
      leader.close();
      int r = round;
      await()
          .atMost(WAIT)
          .alias("round " + r + ": the waiter takes over")
          .until(waiter::hasLeadership);
      waiter.close();
    }
  }

  @Test
  void aLatchStartedWithoutAServerLeadsOnceOneAnswers() throws Exception {
    core().stop();
    PaddockFramework fw;
    LeaderLatch latch;
    try {
      fw = closeAfter(frameworkBuilder().build());
      fw.start();
      latch = closeAfter(new LeaderLatch(fw, "/ll/late", "late"));
      latch.start();
      assertFalse(latch.await(200, TimeUnit.MILLISECONDS));
    } finally {
      core().start();
    }
    assertTrue(latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
  }
}
