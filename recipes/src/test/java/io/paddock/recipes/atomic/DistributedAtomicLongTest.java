package io.paddock.recipes.atomic;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.testing.RecipeTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** DistributedAtomicLong: arithmetic, compare-and-set, contention across clients, bad bytes. */
class DistributedAtomicLongTest extends RecipeTestBase {
  private static final int CLIENTS = 3;
  private static final int THREADS_PER_CLIENT = 2;
  private static final int INCREMENTS_PER_THREAD = 15;

  @Test
  void arithmeticOnAMissingNodeStartsFromZero() throws Exception {
    PaddockFramework fw = newFramework();
    DistributedAtomicLong counter =
        new DistributedAtomicLong(fw, "/al/basic/n", new RetryNTimes(3, 10));
    assertEquals(0L, counter.get().postValue());
    AtomicValue<Long> inc = counter.increment();
    assertTrue(inc.succeeded());
    assertEquals(0L, inc.preValue());
    assertEquals(1L, inc.postValue());
    assertEquals(11L, counter.add(10).postValue());
    assertEquals(8L, counter.subtract(3).postValue());
    assertEquals(7L, counter.decrement().postValue());
    assertEquals(7L, counter.get().postValue());
    assertTrue(counter.get().getStats().getOptimisticTries() == 0, "a read makes no write");
    assertEquals(1, inc.getStats().getOptimisticTries());
  }

  @Test
  void compareAndSetWritesOnlyOverTheExpectedValue() throws Exception {
    PaddockFramework fw = newFramework();
    DistributedAtomicLong counter =
        new DistributedAtomicLong(fw, "/al/cas/n", new RetryNTimes(3, 10));
    assertTrue(counter.compareAndSet(0, 5).succeeded(), "a missing node counts as 0");
    AtomicValue<Long> stale = counter.compareAndSet(0, 6);
    assertFalse(stale.succeeded());
    assertEquals(5L, stale.preValue(), "a failed compare-and-set reports the value it saw");
    DistributedAtomicLong fresh =
        new DistributedAtomicLong(newFramework(), "/al/cas/n", new RetryNTimes(3, 10));
    assertTrue(fresh.compareAndSet(5, 6).succeeded(), "another instance sees the same value");
    assertEquals(6L, counter.get().postValue());
    assertTrue(counter.trySet(40).succeeded());
    counter.forceSet(41);
    assertEquals(41L, fresh.get().postValue());
    assertFalse(counter.initialize(1), "initialize keeps an existing value");
    assertEquals(41L, counter.get().postValue());
    DistributedAtomicLong other =
        new DistributedAtomicLong(fw, "/al/cas/other", new RetryNTimes(3, 10));
    assertTrue(other.initialize(100));
    assertEquals(100L, other.get().postValue());
  }

  @Test
  void corruptBytesAreAnExplicitError() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().creatingParentsIfNeeded().forPath("/al/corrupt", new byte[] {1, 2, 3});
    DistributedAtomicLong counter =
        new DistributedAtomicLong(fw, "/al/corrupt", new RetryNTimes(3, 10));
    assertThrows(IllegalStateException.class, counter::get);
    assertThrows(IllegalStateException.class, counter::increment);
  }

  @Test
  void optimisticOnlyTheValueEqualsTheSucceededIncrements() throws Exception {
    int succeeded = contend("/al/optimistic/n", new RetryNTimes(1, 1), null);
    DistributedAtomicLong reader =
        new DistributedAtomicLong(newFramework(), "/al/optimistic/n", new RetryNTimes(1, 1));
    assertEquals((long) succeeded, reader.get().postValue(), "no increment lost or invented");
    assertTrue(succeeded > 0);
  }

  @Test
  void promotedToALockNoIncrementIsLost() throws Exception {
    PromotedToLock promotion =
        new PromotedToLock("/al/promoted/lock", WAIT.toMillis(), new RetryNTimes(200, 5));
    int succeeded = contend("/al/promoted/n", new RetryNTimes(1, 1), promotion);
    int total = CLIENTS * THREADS_PER_CLIENT * INCREMENTS_PER_THREAD;
    assertEquals(total, succeeded, "with promotion every increment succeeds");
    PaddockFramework fw = newFramework();
    assertEquals(
        (long) total,
        new DistributedAtomicLong(fw, "/al/promoted/n", new RetryNTimes(1, 1)).get().postValue());
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/al/promoted/lock") == null);
  }

  /** Increments from several clients and threads at once; returns how many succeeded. */
  private int contend(String path, RetryNTimes policy, PromotedToLock promotion) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS * THREADS_PER_CLIENT);
    closeAfter(pool::shutdownNow);
    AtomicInteger succeeded = new AtomicInteger();
    List<Future<?>> runs = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      DistributedAtomicLong counter =
          new DistributedAtomicLong(newFramework(), path, policy, promotion);
      for (int t = 0; t < THREADS_PER_CLIENT; t++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    if (counter.increment().succeeded()) {
                      succeeded.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
    }
    for (Future<?> run : runs) {
      run.get(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
    }
    return succeeded.get();
  }
}
