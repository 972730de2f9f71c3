package io.paddock.recipes.locks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The herd-free reentrant mutex: exclusion, herd-freedom, reentrancy, expiry, fencing. */
class InterProcessMutexTest extends RecipeTestBase {
  private static final int CLIENTS = 3;
  private static final int THREADS_PER_CLIENT = 2;
  private static final int ROUNDS = 4;

  private ExecutorService threads() {
    ExecutorService pool = Executors.newCachedThreadPool();
    closeAfter(pool::shutdownNow);
    return pool;
  }

  @Test
  void atMostOneHolderUnderContention() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger entries = new AtomicInteger();
    ExecutorService pool = threads();
    List<Future<?>> tasks = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      PaddockFramework fw = newFramework();
      InterProcessMutex mutex = new InterProcessMutex(fw, "/mx/contended");
      for (int t = 0; t < THREADS_PER_CLIENT; t++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < ROUNDS; r++) {
                    assertTrue(mutex.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                    try {
                      maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                      entries.incrementAndGet();
                      Thread.yield();
                      inside.decrementAndGet();
                    } finally {
                      mutex.release();
                    }
                  }
                  return null;
                }));
      }
    }
    for (Future<?> f : tasks) {
      f.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
    }
    assertEquals(1, maxInside.get(), "never two holders at once");
    assertEquals(CLIENTS * THREADS_PER_CLIENT * ROUNDS, entries.get());
  }

  @Test
  void eachWaiterWatchesOnlyItsPredecessorAndAReleaseWakesOne() throws Exception {
    int waiters = 3;
    PaddockFramework holderFw = newFramework();
    InterProcessMutex holder = new InterProcessMutex(holderFw, "/mx/herd");
    holder.acquire();
    List<PaddockFramework> fws = new ArrayList<>();
    List<Future<Boolean>> acquired = new ArrayList<>();
    List<InterProcessMutex> mutexes = new ArrayList<>();
    ExecutorService pool = threads();
    for (int i = 0; i < waiters; i++) {
      PaddockFramework fw = newFramework();
      InterProcessMutex m = new InterProcessMutex(fw, "/mx/herd");
      fws.add(fw);
      mutexes.add(m);
      int expected = i + 2;
      CountDownLatch releaseSignal = new CountDownLatch(1);
      acquired.add(
          pool.submit(
              () -> {
                boolean got = m.acquire(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
                if (got) {
                  m.release();
                }
                return got;
              }));
      await().atMost(WAIT).until(() -> holder.getParticipantNodes().size() == expected);
      releaseSignal.countDown();
    }
    List<String> queue = holder.getParticipantNodes();
    for (int i = 0; i < waiters; i++) {
      PaddockFramework fw = fws.get(i);
      String predecessor = queue.get(i);
      await().atMost(WAIT).until(() -> hasWatch(fw, predecessor, WatcherType.DATA));
      for (int j = 0; j < queue.size(); j++) {
        if (j != i && j != i + 1) { // its predecessor, and its own node (to learn it is gone)
          assertFalse(
              hasWatch(fw, queue.get(j), WatcherType.DATA),
              "waiter " + i + " watches only its predecessor and its own node, not node " + j);
        }
      }
      assertFalse(hasWatch(fw, "/mx/herd", WatcherType.CHILDREN), "no child watch: no herd");
    }
    holder.release();
    for (Future<Boolean> f : acquired) {
      assertTrue(f.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS));
    }
    await().atMost(WAIT).until(() -> holderFw.checkExists().forPath("/mx/herd") == null);
    for (PaddockFramework fw : fws) {
      for (String node : queue) {
        assertFalse(hasWatch(fw, node, WatcherType.ANY), "no watch left after release");
      }
    }
  }

  @Test
  void reentrantPerThreadAndOnlyTheOwnerReleases() throws Exception {
    PaddockFramework fw = newFramework();
    InterProcessMutex mutex = new InterProcessMutex(fw, "/mx/reentrant");
    mutex.acquire();
    assertTrue(mutex.acquire(0, TimeUnit.MILLISECONDS), "the owner re-enters at once");
    Grant grant = mutex.grant();
    ExecutorService pool = threads();
    assertFalse(
        pool.submit(() -> mutex.acquire(200, TimeUnit.MILLISECONDS)).get(),
        "another thread of the process waits");
    ExecutionException notOwner =
        assertThrows(
            ExecutionException.class,
            () ->
                pool.submit(
                        () -> {
                          mutex.release();
                          return null;
                        })
                    .get());
    assertInstanceOf(IllegalMonitorStateException.class, notOwner.getCause());
    mutex.release();
    assertTrue(mutex.isOwnedByCurrentThread(), "one release of two keeps the lock");
    assertEquals(grant, mutex.grant(), "a reentrant hold is the same grant");
    mutex.release();
    assertFalse(mutex.isAcquiredInThisProcess());
    assertTrue(
        pool.submit(
                () -> {
                  boolean got = mutex.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                  mutex.release();
                  return got;
                })
            .get());
  }

  @Test
  void aHolderWhoseSessionExpiresLosesTheLockToAWaiter() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex lockA = new InterProcessMutex(a, "/mx/expiry");
    InterProcessMutex lockB = new InterProcessMutex(b, "/mx/expiry");
    lockA.acquire();
    Future<Boolean> waiter =
        threads().submit(() -> lockB.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    await().atMost(WAIT).until(() -> lockA.getParticipantNodes().size() == 2);
    expireSession(a);
    assertTrue(waiter.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS));
  }

  @Test
  void tokensGrowWithEveryGrantAndAFencedHolderIsRejected() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex lockA = new InterProcessMutex(a, "/mx/fence");
    InterProcessMutex lockB = new InterProcessMutex(b, "/mx/fence");
    a.create().forPath("/mx-resource");
    long last = 0;
    for (int round = 0; round < 3; round++) {
      InterProcessMutex m = round % 2 == 0 ? lockA : lockB;
      m.acquire();
      long token = m.grant().token();
      assertTrue(token > last, "round " + round + ": " + token + " after " + last);
      last = token;
      m.release();
    }
    lockA.acquire();
    Grant old = lockA.grant();
    a.transaction().add(old.guard()).setData("/mx-resource", new byte[] {1}).commit();

    Future<Grant> waiter =
        threads()
            .submit(
                () -> {
                  assertTrue(lockB.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS));
                  Grant g = lockB.grant();
                  lockB.release();
                  return g;
                });
    long oldSession = a.client().sessionId();
    expireSession(a);
    await().atMost(WAIT).until(() -> a.isConnected() && a.client().sessionId() != oldSession);
    Grant newer = waiter.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
    assertTrue(newer.token() > old.token(), "the new holder's token is larger");
    PaddockException fenced =
        assertThrows(
            PaddockException.class,
            () ->
                a.transaction().add(old.guard()).setData("/mx-resource", new byte[] {2}).commit());
    assertInstanceOf(PaddockException.NoNodeException.class, fenced, "the old holder is fenced");
    assertEquals(1, a.getData().forPath("/mx-resource")[0], "its write did not happen");
  }

  @Test
  void aTimedOutOrInterruptedAcquireLeavesNoNode() throws Exception {
    PaddockFramework fw = newFramework();
    InterProcessMutex holder = new InterProcessMutex(fw, "/mx/timeout");
    holder.acquire();
    PaddockFramework other = newFramework();
    InterProcessMutex waiter = new InterProcessMutex(other, "/mx/timeout");
    ExecutorService pool = threads();
    assertFalse(pool.submit(() -> waiter.acquire(0, TimeUnit.MILLISECONDS)).get());
    assertFalse(pool.submit(() -> waiter.acquire(300, TimeUnit.MILLISECONDS)).get());
    Future<Boolean> blocked =
        pool.submit(() -> waiter.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    await().atMost(WAIT).until(() -> holder.getParticipantNodes().size() == 2);
    blocked.cancel(true);
    await().atMost(WAIT).until(() -> holder.getParticipantNodes().size() == 1);
    String holderNode = holder.getParticipantNodes().get(0);
    await().atMost(WAIT).until(() -> !hasWatch(other, holderNode, WatcherType.DATA));
    holder.release();
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/mx/timeout") == null);
  }

  @Test
  void revocationAsksTheHolderWhoReleases() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex lockA = new InterProcessMutex(a, "/mx/revoke");
    CountDownLatch asked = new CountDownLatch(1);
    lockA.makeRevocable(lock -> asked.countDown());
    lockA.acquire();
    Grant grant = lockA.grant();
    InterProcessMutex lockB = new InterProcessMutex(b, "/mx/revoke");
    Future<Boolean> waiter =
        threads().submit(() -> lockB.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    Revoker.attemptRevoke(b, lockA.getParticipantNodes().get(0));
    assertTrue(asked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "the listener was called");
    PaddockException e =
        assertThrows(
            PaddockException.class,
            () -> a.transaction().add(grant.guard()).create("/mx-revoked", null).commit());
    assertInstanceOf(PaddockException.BadVersionException.class, e, "a revoked guard fails");
    lockA.release();
    assertTrue(waiter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertNull(a.checkExists().forPath("/mx-revoked"));
    assertFalse(hasWatch(a, grant.path(), WatcherType.DATA), "the revocation watch is gone");
  }

  @Test
  void aWaiterAcrossAServerRestartAcquiresOrFailsCleanlyAndLeavesNoOrphan() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex lockA = new InterProcessMutex(a, "/mx/restart");
    InterProcessMutex lockB = new InterProcessMutex(b, "/mx/restart");
    lockA.acquire();
    Future<Boolean> waiter =
        threads()
            .submit(
                () -> {
                  try {
                    boolean got = lockB.acquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    if (got) {
                      lockB.release();
                    }
                    return got;
                  } catch (PaddockException failedCleanly) {
                    return false;
                  }
                });
    await().atMost(WAIT).until(() -> lockA.getParticipantNodes().size() == 2);
    core().stop();
    core().start();
    await().atMost(WAIT).until(a::isConnected);
    lockA.release();
    waiter.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
    await().atMost(WAIT).until(() -> a.checkExists().forPath("/mx/restart") == null);
  }

  @Test
  void aNamespacedLockUsesNamespacedPaths() throws Exception {
    PaddockFramework fw = started(frameworkBuilder().namespace("locks-ns").build());
    InterProcessMutex mutex = new InterProcessMutex(fw, "/mx/ns");
    mutex.acquire();
    String node = mutex.getParticipantNodes().get(0);
    assertEquals("/mx/ns", ZnodePaths.parent(node));
    assertTrue(fw.client().blocking().exists("/locks-ns/mx/ns") != null);
    mutex.release();
  }
}
