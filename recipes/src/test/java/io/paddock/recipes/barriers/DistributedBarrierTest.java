package io.paddock.recipes.barriers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.junit.jupiter.api.Test;

/** DistributedBarrier: release, timeouts, no barrier, a server crash, clean watches. */
class DistributedBarrierTest extends RecipeTestBase {
  private static final long SHORT_MS = 300;

  private ExecutorService threads() {
    ExecutorService pool = Executors.newCachedThreadPool();
    closeAfter(pool::shutdownNow);
    return pool;
  }

  @Test
  void waitersOfSeveralClientsPassOnlyOnceTheBarrierIsRemoved() throws Exception {
    PaddockFramework setter = newFramework();
    DistributedBarrier barrier = new DistributedBarrier(setter, "/br/basic");
    barrier.setBarrier();
    barrier.setBarrier(); // raising twice is the same barrier
    ExecutorService pool = threads();
    List<Future<Boolean>> waits = new ArrayList<>();
    CountDownLatch waiting = new CountDownLatch(3);
    for (int i = 0; i < 3; i++) {
      PaddockFramework fw = newFramework();
      DistributedBarrier mine = new DistributedBarrier(fw, "/br/basic");
      waits.add(
          pool.submit(
              () -> {
                waiting.countDown();
                return mine.waitOnBarrier(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
              }));
      await().atMost(WAIT).until(() -> hasWatch(fw, "/br/basic", WatcherType.DATA));
    }
    assertTrue(waiting.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    for (Future<Boolean> wait : waits) {
      assertFalse(wait.isDone(), "nobody passes a raised barrier");
    }
    barrier.removeBarrier();
    for (Future<Boolean> wait : waits) {
      assertTrue(wait.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  @Test
  void aTimedWaitReturnsFalseAndLeavesNoWatch() throws Exception {
    PaddockFramework fw = newFramework();
    DistributedBarrier barrier = new DistributedBarrier(fw, "/br/timeout");
    barrier.setBarrier();
    assertFalse(barrier.waitOnBarrier(SHORT_MS, TimeUnit.MILLISECONDS));
    await().atMost(WAIT).until(() -> !hasWatch(fw, "/br/timeout", WatcherType.DATA));
    barrier.removeBarrier();
    barrier.removeBarrier(); // removing twice is fine
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/br") == null);
  }

  @Test
  void withoutABarrierAWaitReturnsAtOnce() throws Exception {
    DistributedBarrier barrier = new DistributedBarrier(newFramework(), "/br/none");
    assertTrue(barrier.waitOnBarrier(0, TimeUnit.MILLISECONDS));
    barrier.waitOnBarrier();
  }

  @Test
  void aServerCrashFailsTheWaitInsteadOfHanging() throws Exception {
    PaddockFramework fw =
        started(
            frameworkBuilder().connectionTimeoutMs(500).retryPolicy(new RetryOneTime(10)).build());
    DistributedBarrier barrier = new DistributedBarrier(fw, "/br/crash");
    barrier.setBarrier();
    Future<Void> wait =
        threads()
            .submit(
                () -> {
                  barrier.waitOnBarrier();
                  return null;
                });
    await().atMost(WAIT).until(() -> hasWatch(fw, "/br/crash", WatcherType.DATA));
    core().stop();
    try {
      ExecutionException failed =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class, () -> wait.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      assertInstanceOf(PaddockException.class, failed.getCause());
    } finally {
      core().start();
    }
    assertTrue(fw.blockUntilConnected(WAIT));
    barrier.removeBarrier();
  }
}
