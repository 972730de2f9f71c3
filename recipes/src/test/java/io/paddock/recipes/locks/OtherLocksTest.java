package io.paddock.recipes.locks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.SharedCountNode;
import io.paddock.recipes.testing.RecipeTestBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The handle lock, the read-write lock, the semaphore and the multi-lock. */
class OtherLocksTest extends RecipeTestBase {
  private static final long SHORT_MS = 300;

  private ExecutorService threads() {
    ExecutorService pool = Executors.newCachedThreadPool();
    closeAfter(pool::shutdownNow);
    return pool;
  }

  @Test
  void theHandleLockIsNotReentrantAndAnyThreadMayRelease() throws Exception {
    PaddockFramework fw = newFramework();
    InterProcessSemaphoreMutex lock = new InterProcessSemaphoreMutex(fw, "/ol/handle");
    LockHandle handle = lock.acquireHandle();
    assertTrue(
        lock.tryAcquireHandle(SHORT_MS, TimeUnit.MILLISECONDS).isEmpty(),
        "a second acquire on the same thread waits: not reentrant");
    threads()
        .submit(
            () -> {
              handle.release();
              return null;
            })
        .get();
    assertFalse(handle.isHeld());
    assertThrows(IllegalStateException.class, handle::release, "released once only");
    Optional<LockHandle> again = lock.tryAcquireHandle(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertTrue(again.isPresent());
    assertTrue(again.get().grant().token() > handle.grant().token());
    again.get().close();
    assertTrue(lock.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    threads()
        .submit(
            () -> {
              lock.release();
              return null;
            })
        .get();
    assertFalse(lock.isAcquiredInThisProcess());
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/ol/handle") == null);
  }

  @Test
  void readersShareWritersExclude() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessReadWriteLock rwA = new InterProcessReadWriteLock(a, "/ol/rw");
    InterProcessReadWriteLock rwB = new InterProcessReadWriteLock(b, "/ol/rw");
    ExecutorService pool = threads();
    rwA.readLock().acquire();
    assertTrue(
        pool.submit(
                () -> {
                  boolean got = rwB.readLock().acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                  rwB.readLock().release();
                  return got;
                })
            .get(),
        "two readers at once");
    assertFalse(
        pool.submit(() -> rwB.writeLock().acquire(SHORT_MS, TimeUnit.MILLISECONDS)).get(),
        "a writer waits for the reader");
    rwA.readLock().release();
    rwA.writeLock().acquire();
    assertFalse(
        pool.submit(() -> rwB.readLock().acquire(SHORT_MS, TimeUnit.MILLISECONDS)).get(),
        "a reader waits for the writer");
    rwA.writeLock().release();
    await().atMost(WAIT).until(() -> a.checkExists().forPath("/ol/rw") == null);
  }

  @Test
  void aWriterMayDowngradeAndAQueuedWriterStaysOut() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessReadWriteLock rwA = new InterProcessReadWriteLock(a, "/ol/downgrade");
    InterProcessReadWriteLock rwB = new InterProcessReadWriteLock(b, "/ol/downgrade");
    rwA.writeLock().acquire();
    Future<Boolean> queuedWriter =
        threads()
            .submit(
                () -> {
                  boolean got = rwB.writeLock().acquire(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
                  if (got) {
                    rwB.writeLock().release();
                  }
                  return got;
                });
    await().atMost(WAIT).until(() -> rwA.writeLock().getParticipantNodes().size() == 2);
    assertTrue(rwA.readLock().acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS), "downgrade");
    rwA.writeLock().release();
    assertFalse(queuedWriter.isDone());
    assertFalse(
        queuedWriter.isDone() || awaitDone(queuedWriter, SHORT_MS),
        "the queued writer waits for the downgraded reader");
    rwA.readLock().release();
    assertTrue(queuedWriter.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS));
  }

  private static boolean awaitDone(Future<?> f, long ms) throws InterruptedException {
    try {
      f.get(ms, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  @Test
  void aReaderCanNeverUpgrade() throws Exception {
    PaddockFramework fw = newFramework();
    InterProcessReadWriteLock rw = new InterProcessReadWriteLock(fw, "/ol/upgrade");
    rw.readLock().acquire();
    assertFalse(rw.writeLock().acquire(SHORT_MS, TimeUnit.MILLISECONDS), "upgrade never succeeds");
    rw.readLock().release();
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/ol/upgrade") == null);
  }

  @Test
  void aSemaphoreNeverHandsOutMoreThanItsLeases() throws Exception {
    int max = 2;
    int clients = 3;
    int rounds = 3;
    AtomicInteger out = new AtomicInteger();
    AtomicInteger maxOut = new AtomicInteger();
    List<Future<?>> tasks = new ArrayList<>();
    ExecutorService pool = threads();
    for (int c = 0; c < clients; c++) {
      PaddockFramework fw = newFramework();
      InterProcessSemaphoreV2 semaphore =
          closeAfter(new InterProcessSemaphoreV2(fw, "/ol/sem", max));
      for (int t = 0; t < 2; t++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < rounds; r++) {
                    Lease lease = semaphore.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    assertNotNull(lease);
                    try {
                      maxOut.accumulateAndGet(out.incrementAndGet(), Math::max);
                      Thread.yield();
                      out.decrementAndGet();
                    } finally {
                      lease.close();
                    }
                  }
                  return null;
                }));
      }
    }
    for (Future<?> f : tasks) {
      f.get(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
    }
    assertTrue(maxOut.get() <= max, "at most " + max + " leases out: " + maxOut.get());
  }

  @Test
  void aMultiLeaseAcquireIsAllOrNothingAndAClosedClientFreesItsLeases() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessSemaphoreV2 semA = closeAfter(new InterProcessSemaphoreV2(a, "/ol/sem2", 3));
    InterProcessSemaphoreV2 semB = closeAfter(new InterProcessSemaphoreV2(b, "/ol/sem2", 3));
    Collection<Lease> two = semA.acquire(2);
    assertEquals(2, two.size());
    assertNull(semB.acquire(2, SHORT_MS, TimeUnit.MILLISECONDS), "two more do not fit");
    assertEquals(2, semB.getParticipantNodes().size(), "the partial lease was returned");
    Lease one = semB.acquire(SHORT_MS, TimeUnit.MILLISECONDS);
    assertNotNull(one, "one more fits");
    assertTrue(one.grant().token() > two.iterator().next().grant().token());
    a.close();
    await().atMost(WAIT).until(() -> semB.getParticipantNodes().size() == 1);
    Collection<Lease> more = semB.acquire(2, WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(more, "the closed client's leases are free");
    semB.returnAll(more);
    one.close();
    semB.close();
    await().atMost(WAIT).until(() -> b.checkExists().forPath("/ol/sem2") == null);
    assertFalse(
        hasWatch(b, "/ol/sem2/leases", io.paddock.store.model.WatcherType.ANY),
        "a closed semaphore leaves no watch");
  }

  @Test
  void raisingTheSharedCountAdmitsAWaiter() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessSemaphoreV2 semA =
        closeAfter(InterProcessSemaphoreV2.withSharedCount(a, "/ol/sem3", "/ol/sem3-max", 1));
    InterProcessSemaphoreV2 semB =
        closeAfter(InterProcessSemaphoreV2.withSharedCount(b, "/ol/sem3", "/ol/sem3-max", 5));
    assertEquals(1, semB.maxLeases(), "the first seed wins");
    Lease held = semA.acquire();
    Future<Lease> waiter =
        threads().submit(() -> semB.acquire(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS));
    assertFalse(awaitDone(waiter, SHORT_MS), "the maximum is 1");
    a.setData().forPath("/ol/sem3-max", SharedCountNode.encode(2));
    Lease second = waiter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(second, "the raised maximum admits the waiter");
    second.close();
    held.close();
  }

  @Test
  void aMultiLockReleasesWhatItTookWhenOneLockIsBusy() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex busy = new InterProcessMutex(b, "/ol/multi-2");
    busy.acquire();
    InterProcessMutex first = new InterProcessMutex(a, "/ol/multi-1");
    InterProcessMultiLock multi =
        new InterProcessMultiLock(List.of(first, new InterProcessMutex(a, "/ol/multi-2")));
    assertFalse(multi.acquire(SHORT_MS, TimeUnit.MILLISECONDS));
    assertFalse(first.isAcquiredInThisProcess(), "the first lock was given back");
    assertTrue(first.getParticipantNodes().isEmpty());
    busy.release();
    assertTrue(multi.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertTrue(multi.isAcquiredInThisProcess());
    multi.release();
    assertFalse(multi.isAcquiredInThisProcess());
    InterProcessMultiLock byPaths = new InterProcessMultiLock(a, List.of("/ol/m-a", "/ol/m-b"));
    byPaths.acquire();
    byPaths.release();
  }
}
