package io.paddock.recipes.barriers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryOneTime;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** DistributedDoubleBarrier: N members in N clients, over-subscription, timeouts, a dead member. */
class DistributedDoubleBarrierTest extends RecipeTestBase {
  private static final long SHORT_MS = 300;

  private ExecutorService threads() {
    ExecutorService pool = Executors.newCachedThreadPool();
    closeAfter(pool::shutdownNow);
    return pool;
  }

  @Test
  void nobodyEntersBeforeAllArriveNorLeavesBeforeAllLeft() throws Exception {
    runRound("/dbr/exact", 3, 3);
  }

  @Test
  void moreMembersThanTheThresholdAlsoPass() throws Exception {
    runRound("/dbr/over", 3, 4);
  }

  /** {@code members} members of a barrier for {@code qty} enter and leave together. */
  private void runRound(String path, int qty, int members) throws Exception {
    ExecutorService pool = threads();
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger leaving = new AtomicInteger();
    // over-subscribed, a late member could find the round over; nobody leaves before all entered
    CountDownLatch allEntered = new CountDownLatch(members);
    List<Future<int[]>> runs = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      DistributedDoubleBarrier member = new DistributedDoubleBarrier(newFramework(), path, qty);
      runs.add(
          pool.submit(
              () -> {
                arrived.incrementAndGet();
                assertTrue(member.enter(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                int seenAtEnter = arrived.get();
                allEntered.countDown();
                assertTrue(allEntered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                leaving.incrementAndGet();
                assertTrue(member.leave(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                return new int[] {seenAtEnter, leaving.get()};
              }));
    }
    for (Future<int[]> run : runs) {
      int[] seen = run.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
      assertTrue(seen[0] >= qty, "a member passed enter with only " + seen[0] + " arrived");
      assertEquals(members, seen[1], "a member passed leave before all started leaving");
    }
    PaddockFramework fw = newFramework();
    await().atMost(WAIT).until(() -> fw.checkExists().forPath(path) == null);
  }

  @Test
  void aLonelyEnterTimesOutAndWithdrawsItsNode() throws Exception {
    PaddockFramework fw = newFramework();
    DistributedDoubleBarrier member = new DistributedDoubleBarrier(fw, "/dbr/alone", 2);
    assertFalse(member.enter(SHORT_MS, TimeUnit.MILLISECONDS));
    await().atMost(WAIT).until(() -> fw.checkExists().forPath(member.ourPath()) == null);
    assertThrows(IllegalStateException.class, member::leave, "it never entered");
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/dbr/alone") == null);
    assertFalse(
        hasWatch(fw, "/dbr/alone/" + DistributedDoubleBarrier.READY_NODE, WatcherType.DATA));
  }

  @Test
  void aMemberThatDiesDoesNotHoldTheOthersInLeave() throws Exception {
    ExecutorService pool = threads();
    PaddockFramework doomed = frameworkBuilder().build();
    started(doomed);
    List<DistributedDoubleBarrier> members = new ArrayList<>();
    members.add(new DistributedDoubleBarrier(newFramework(), "/dbr/dies", 3));
    members.add(new DistributedDoubleBarrier(newFramework(), "/dbr/dies", 3));
    members.add(new DistributedDoubleBarrier(doomed, "/dbr/dies", 3));
    List<Future<Boolean>> enters = new ArrayList<>();
    for (DistributedDoubleBarrier m : members) {
      enters.add(pool.submit(() -> m.enter(WAIT.toMillis(), TimeUnit.MILLISECONDS)));
    }
    for (Future<Boolean> e : enters) {
      assertTrue(e.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }
    List<Future<Boolean>> leaves = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      DistributedDoubleBarrier m = members.get(i);
      leaves.add(pool.submit(() -> m.leave(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS)));
    }
    assertThrows(
        TimeoutException.class,
        () -> leaves.get(0).get(SHORT_MS, TimeUnit.MILLISECONDS),
        "the third member has not left yet");
    assertFalse(leaves.get(1).isDone(), "the third member has not left yet");
    doomed.close(); // its process dies: the ephemeral node goes with the session
    for (Future<Boolean> l : leaves) {
      assertTrue(l.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS));
    }
    PaddockFramework fw = newFramework();
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/dbr/dies") == null);
    assertNull(fw.checkExists().forPath("/dbr/dies/" + DistributedDoubleBarrier.READY_NODE));
  }

  @Test
  void aServerCrashDuringEnterFailsWithConnectionLossAndWithdrawsOurNode() throws Exception {
    PaddockFramework fw =
        started(
            frameworkBuilder().connectionTimeoutMs(500).retryPolicy(new RetryOneTime(10)).build());
    DistributedDoubleBarrier member = new DistributedDoubleBarrier(fw, "/dbr/crash", 2);
    Future<Void> enter =
        threads()
            .submit(
                () -> {
                  member.enter();
                  return null;
                });
    await().atMost(WAIT).until(() -> fw.checkExists().forPath(member.ourPath()) != null);
    core().stop();
    try {
      ExecutionException failed =
          assertThrows(
              ExecutionException.class, () -> enter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      assertInstanceOf(PaddockException.ConnectionLossException.class, failed.getCause());
    } finally {
      core().start();
    }
    assertTrue(fw.blockUntilConnected(WAIT));
    await().atMost(WAIT).until(() -> fw.checkExists().forPath(member.ourPath()) == null);
  }
}
