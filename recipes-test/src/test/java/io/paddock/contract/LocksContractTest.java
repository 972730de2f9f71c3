package io.paddock.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.internal.SharedCountNode;
import io.paddock.recipes.locks.InterProcessMultiLock;
import io.paddock.recipes.locks.InterProcessMutex;
import io.paddock.recipes.locks.InterProcessReadWriteLock;
import io.paddock.recipes.locks.InterProcessSemaphoreMutex;
import io.paddock.recipes.locks.InterProcessSemaphoreV2;
import io.paddock.recipes.locks.Lease;
import io.paddock.recipes.locks.LockHandle;
import io.paddock.recipes.locks.Revoker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Locks on every core (RECIPES.md 3.2, scenarios 1–2, 4–6, 10–11, 13–16, and fencing from 5.7):
 * mutual exclusion, herd-freedom, reentrancy, release on the holder's session expiry, growing
 * fencing tokens and guarded writes, read-write rules, semaphore leases, multi-lock, revocation,
 * and on the ensemble a lock that stays exclusive while the ensemble's leader dies. Every test ends
 * with the clean-state audit.
 */
class LocksContractTest extends ContractTestBase {
  private static final int CLIENTS = 3;
  private static final int THREADS_PER_CLIENT = 2;
  private static final int ROUNDS = 3;
  private static final long SHORT_MS = 300;
  private static final Duration QUIET = Duration.ofMillis(500);

  private static long waitMs() {
    return WAIT.toMillis();
  }

  /** Acquires on a pool thread, holds until {@code mayRelease}, releases; true if it held. */
  private static Future<Boolean> holdInBackground(
      ExecutorService pool,
      InterProcessMutex mutex,
      CountDownLatch mayRelease,
      AtomicInteger inside,
      AtomicInteger maxInside) {
    return pool.submit(
        () -> {
          if (!mutex.acquire(waitMs() * 2, TimeUnit.MILLISECONDS)) {
            return false;
          }
          try {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            boolean released = mayRelease.await(waitMs() * 2, TimeUnit.MILLISECONDS);
            inside.decrementAndGet();
            return released;
          } finally {
            mutex.release();
          }
        });
  }

  private static boolean doneWithin(Future<?> f, long ms) throws InterruptedException {
    try {
      f.get(ms, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  @ContractTest
  void atMostOneHolderAmongManyClientsAndThreads(CoreKind core) throws Exception {
    String lockPath = path("mutex");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger entries = new AtomicInteger();
    ExecutorService pool = threads();
    List<PaddockFramework> fws = new ArrayList<>();
    List<Future<?>> tasks = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      PaddockFramework fw = newFramework();
      fws.add(fw);
      InterProcessMutex mutex = new InterProcessMutex(fw, lockPath);
      for (int t = 0; t < THREADS_PER_CLIENT; t++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < ROUNDS; r++) {
                    assertTrue(mutex.acquire(waitMs(), TimeUnit.MILLISECONDS));
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
      f.get(waitMs() * 3, TimeUnit.MILLISECONDS);
    }
    assertEquals(1, maxInside.get(), "never two holders at once");
    assertEquals(CLIENTS * THREADS_PER_CLIENT * ROUNDS, entries.get());
    assertCleanAfterClose(lockPath, fws.toArray(PaddockFramework[]::new));
  }

  @ContractTest
  void eachWaiterWatchesOnlyItsPredecessorAndAReleaseWakesExactlyOne(CoreKind core)
      throws Exception {
    String lockPath = path("herd");
    int waiters = 3;
    PaddockFramework holderFw = newFramework();
    InterProcessMutex holder = new InterProcessMutex(holderFw, lockPath);
    holder.acquire();
    ExecutorService pool = threads();
    AtomicInteger inside = new AtomicInteger(1);
    AtomicInteger maxInside = new AtomicInteger(1);
    List<PaddockFramework> fws = new ArrayList<>();
    List<CountDownLatch> mayRelease = new ArrayList<>();
    List<Future<Boolean>> held = new ArrayList<>();
    for (int i = 0; i < waiters; i++) {
      PaddockFramework fw = newFramework();
      fws.add(fw);
      CountDownLatch release = new CountDownLatch(1);
      mayRelease.add(release);
      held.add(
          holdInBackground(pool, new InterProcessMutex(fw, lockPath), release, inside, maxInside));
      int queued = i + 2;
      await().atMost(WAIT).until(() -> holder.getParticipantNodes().size() == queued);
    }
    List<String> queue = holder.getParticipantNodes();
    for (int i = 0; i < waiters; i++) {
      long session = fws.get(i).client().sessionId();
      // its predecessor, and its own node (so it learns in order if its node is deleted)
      java.util.Set<String> expected = java.util.Set.of(queue.get(i), queue.get(i + 1));
      await()
          .atMost(WAIT)
          .alias("waiter " + i + " watches exactly its predecessor and its own node")
          .until(() -> java.util.Set.copyOf(core().watchesOf(session)), expected::equals);
    }
    assertTrue(
        core().watchesOf(holderFw.client().sessionId()).isEmpty(), "the holder watches none");

    inside.decrementAndGet();
    holder.release();
    await().atMost(WAIT).until(() -> inside.get() == 1);
    await()
        .during(QUIET)
        .atMost(WAIT)
        .until(() -> inside.get() == 1 && !held.get(1).isDone() && !held.get(2).isDone());
    for (int i = 1; i < waiters; i++) {
      assertEquals(
          java.util.Set.of(queue.get(i), queue.get(i + 1)),
          java.util.Set.copyOf(core().watchesOf(fws.get(i).client().sessionId())),
          "waiter " + i + " was not woken: it still watches its predecessor and its own node");
    }
    for (int i = 0; i < waiters; i++) {
      mayRelease.get(i).countDown();
      assertTrue(held.get(i).get(waitMs() * 2, TimeUnit.MILLISECONDS), "waiter " + i + " held");
    }
    assertEquals(1, maxInside.get(), "one holder at a time");
    List<PaddockFramework> all = new ArrayList<>(fws);
    all.add(holderFw);
    assertCleanAfterClose(lockPath, all.toArray(PaddockFramework[]::new));
  }

  @ContractTest
  void reentrantPerThreadAndOnlyTheOwnerMayRelease(CoreKind core) throws Exception {
    String lockPath = path("reentrant");
    PaddockFramework fw = newFramework();
    InterProcessMutex mutex = new InterProcessMutex(fw, lockPath);
    mutex.acquire();
    assertTrue(mutex.acquire(0, TimeUnit.MILLISECONDS), "the owner re-enters at once");
    Grant grant = mutex.grant();
    ExecutorService pool = threads();
    assertFalse(
        pool.submit(() -> mutex.acquire(SHORT_MS, TimeUnit.MILLISECONDS)).get(),
        "another thread of the same process waits");
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
    assertTrue(mutex.isAcquiredInThisProcess(), "a refused release leaves the lock held");
    mutex.release();
    assertTrue(mutex.isOwnedByCurrentThread(), "one release of two keeps the lock");
    assertEquals(grant, mutex.grant(), "a reentrant hold is the same grant");
    mutex.release();
    assertFalse(mutex.isAcquiredInThisProcess());
    assertCleanAfterClose(lockPath, fw);
  }

  @ContractTest
  void theHandleLockIsNotReentrantAndAnyThreadMayReleaseIt(CoreKind core) throws Exception {
    String lockPath = path("handle");
    PaddockFramework fw = newFramework();
    InterProcessSemaphoreMutex lock = new InterProcessSemaphoreMutex(fw, lockPath);
    LockHandle handle = lock.acquireHandle();
    assertTrue(
        lock.tryAcquireHandle(SHORT_MS, TimeUnit.MILLISECONDS).isEmpty(),
        "a second acquire by the same thread waits: not reentrant");
    threads()
        .submit(
            () -> {
              handle.release();
              return null;
            })
        .get();
    assertFalse(handle.isHeld(), "another thread released it");
    Optional<LockHandle> again = lock.tryAcquireHandle(waitMs(), TimeUnit.MILLISECONDS);
    assertTrue(again.isPresent());
    assertTrue(again.get().grant().token() > handle.grant().token(), "a new grant, a new token");
    again.get().close();
    assertCleanAfterClose(lockPath, fw);
  }

  @ContractTest
  void anAcquireWhoseCreateReplyIsLostHoldsExactlyOneNode(CoreKind core) throws Exception {
    String lockPath = path("lost-reply");
    FaultProxy proxy = newProxy();
    PaddockFramework fw =
        started(
            frameworkBuilder()
                .connectString(proxy.connectString())
                .retryPolicy(new RetryNTimes(10, 100))
                .build());
    PaddockFramework other = newFramework();
    InterProcessMutex mutex = new InterProcessMutex(fw, lockPath);
    InterProcessMutex rival = new InterProcessMutex(other, lockPath);
    rival.acquire(); // the lock path exists, so the next create is the contender's own node
    proxy.dropAfterNext(FaultProxy.CREATE_OPS);
    AtomicInteger inside = new AtomicInteger(1);
    AtomicInteger maxInside = new AtomicInteger(1);
    CountDownLatch mayRelease = new CountDownLatch(1);
    Future<Boolean> contender = holdInBackground(threads(), mutex, mayRelease, inside, maxInside);
    await().atMost(WAIT).until(() -> !proxy.dropPending());
    await()
        .during(QUIET)
        .atMost(WAIT)
        .until(() -> rival.getParticipantNodes().size() == 2 && inside.get() == 1);
    inside.decrementAndGet();
    rival.release();
    await().atMost(WAIT).until(() -> inside.get() == 1);
    assertEquals(1, rival.getParticipantNodes().size(), "one node for the contender: adopted");
    mayRelease.countDown();
    assertTrue(contender.get(waitMs(), TimeUnit.MILLISECONDS));
    assertEquals(1, maxInside.get());
    assertCleanAfterClose(lockPath, fw, other);
    assertTrue(rival.acquire(waitMs(), TimeUnit.MILLISECONDS), "a reaped lock path is recreated");
    rival.release();
    assertCleanAfterClose(lockPath, fw, other);
  }

  @ContractTest
  void aHolderWhoseSessionExpiresLosesTheLockToAWaiterAndIsFencedOff(CoreKind core)
      throws Exception {
    String lockPath = path("fenced");
    String resource = path("resource");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex lockA = new InterProcessMutex(a, lockPath);
    InterProcessMutex lockB = new InterProcessMutex(b, lockPath);
    a.create().creatingParentContainersIfNeeded().forPath(resource);
    long last = 0;
    for (int round = 0; round < 3; round++) {
      InterProcessMutex m = round % 2 == 0 ? lockA : lockB;
      m.acquire();
      long token = m.grant().token();
      assertTrue(token > last, "tokens grow with every grant: " + token + " after " + last);
      last = token;
      m.release();
    }
    lockA.acquire();
    Grant old = lockA.grant();
    a.transaction().add(old.guard()).setData(resource, new byte[] {1}).commit();
    Future<Grant> waiter =
        threads()
            .submit(
                () -> {
                  assertTrue(lockB.acquire(waitMs(), TimeUnit.MILLISECONDS));
                  Grant g = lockB.grant();
                  lockB.release();
                  return g;
                });
    await().atMost(WAIT).until(() -> lockA.getParticipantNodes().size() == 2);
    long oldSession = a.client().sessionId();
    expireSession(a);
    Grant newer = waiter.get(waitMs() * 2, TimeUnit.MILLISECONDS);
    assertTrue(newer.token() > old.token(), "the next holder's token is larger");
    await().atMost(WAIT).until(() -> a.isConnected() && a.client().sessionId() != oldSession);
    PaddockException fenced =
        assertThrows(
            PaddockException.class,
            () -> a.transaction().add(old.guard()).setData(resource, new byte[] {2}).commit());
    assertInstanceOf(PaddockException.NoNodeException.class, fenced, "the old holder is fenced");
    assertEquals(1, a.getData().forPath(resource)[0], "its write did not happen");
    lockA.release(); // forgets the lost hold; its node went with the session
    assertFalse(lockA.isAcquiredInThisProcess());
    assertCleanAfterClose(lockPath, a, b);
  }

  @ContractTest
  void timedOutAndInterruptedAcquiresLeaveNoNode(CoreKind core) throws Exception {
    String lockPath = path("timeout");
    PaddockFramework fw = newFramework();
    PaddockFramework other = newFramework();
    InterProcessMutex holder = new InterProcessMutex(fw, lockPath);
    InterProcessMutex waiter = new InterProcessMutex(other, lockPath);
    holder.acquire();
    ExecutorService pool = threads();
    assertFalse(pool.submit(() -> waiter.acquire(0, TimeUnit.MILLISECONDS)).get());
    assertFalse(pool.submit(() -> waiter.acquire(SHORT_MS, TimeUnit.MILLISECONDS)).get());
    Future<Boolean> blocked = pool.submit(() -> waiter.acquire(waitMs(), TimeUnit.MILLISECONDS));
    await().atMost(WAIT).until(() -> holder.getParticipantNodes().size() == 2);
    blocked.cancel(true);
    await().atMost(WAIT).until(() -> holder.getParticipantNodes().size() == 1);
    holder.release();
    assertCleanAfterClose(lockPath, fw, other);
  }

  @ContractTest
  void aWaiterAcrossAServerRestartAcquiresOrFailsCleanly(CoreKind core) throws Exception {
    String lockPath = path("restart");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex lockA = new InterProcessMutex(a, lockPath);
    InterProcessMutex lockB = new InterProcessMutex(b, lockPath);
    lockA.acquire();
    Future<Boolean> waiter =
        threads()
            .submit(
                () -> {
                  try {
                    boolean got = lockB.acquire(waitMs(), TimeUnit.MILLISECONDS);
                    if (got) {
                      lockB.release();
                    }
                    return got;
                  } catch (PaddockException failedCleanly) {
                    return false;
                  }
                });
    await().atMost(WAIT).until(() -> lockA.getParticipantNodes().size() == 2);
    restartServer();
    await().atMost(WAIT).until(a::isConnected);
    lockA.release();
    waiter.get(waitMs() * 2, TimeUnit.MILLISECONDS);
    assertCleanAfterClose(lockPath, a, b);
  }

  @ContractTest
  void readersShareWritersExcludeDowngradeWorksUpgradeNever(CoreKind core) throws Exception {
    String lockPath = path("rw");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessReadWriteLock rwA = new InterProcessReadWriteLock(a, lockPath);
    InterProcessReadWriteLock rwB = new InterProcessReadWriteLock(b, lockPath);
    ExecutorService pool = threads();
    rwA.readLock().acquire();
    assertTrue(
        pool.submit(
                () -> {
                  boolean got = rwB.readLock().acquire(waitMs(), TimeUnit.MILLISECONDS);
                  rwB.readLock().release();
                  return got;
                })
            .get(),
        "two readers at once");
    assertFalse(
        pool.submit(() -> rwB.writeLock().acquire(SHORT_MS, TimeUnit.MILLISECONDS)).get(),
        "a writer waits for a reader");
    assertFalse(rwA.writeLock().acquire(SHORT_MS, TimeUnit.MILLISECONDS), "no upgrade, ever");
    rwA.readLock().release();

    rwA.writeLock().acquire();
    assertFalse(
        pool.submit(() -> rwB.readLock().acquire(SHORT_MS, TimeUnit.MILLISECONDS)).get(),
        "a reader waits for a writer");
    Future<Boolean> queuedWriter =
        pool.submit(
            () -> {
              boolean got = rwB.writeLock().acquire(waitMs() * 2, TimeUnit.MILLISECONDS);
              if (got) {
                rwB.writeLock().release();
              }
              return got;
            });
    await().atMost(WAIT).until(() -> rwA.writeLock().getParticipantNodes().size() == 2);
    assertTrue(rwA.readLock().acquire(waitMs(), TimeUnit.MILLISECONDS), "write to read downgrade");
    rwA.writeLock().release();
    assertFalse(doneWithin(queuedWriter, SHORT_MS), "the queued writer waits for the reader");
    rwA.readLock().release();
    assertTrue(queuedWriter.get(waitMs() * 2, TimeUnit.MILLISECONDS));
    assertCleanAfterClose(lockPath, a, b);
  }

  @ContractTest
  void aSemaphoreNeverHandsOutMoreThanItsLeasesAndAClosedClientFreesThem(CoreKind core)
      throws Exception {
    String semPath = path("semaphore");
    int max = 2;
    AtomicInteger out = new AtomicInteger();
    AtomicInteger maxOut = new AtomicInteger();
    ExecutorService pool = threads();
    List<Future<?>> tasks = new ArrayList<>();
    List<PaddockFramework> fws = new ArrayList<>();
    List<InterProcessSemaphoreV2> semaphores = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      PaddockFramework fw = newFramework();
      fws.add(fw);
      InterProcessSemaphoreV2 semaphore = closeAfter(new InterProcessSemaphoreV2(fw, semPath, max));
      semaphores.add(semaphore);
      tasks.add(
          pool.submit(
              () -> {
                for (int r = 0; r < ROUNDS; r++) {
                  Lease lease = semaphore.acquire(waitMs(), TimeUnit.MILLISECONDS);
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
    for (Future<?> f : tasks) {
      f.get(waitMs() * 3, TimeUnit.MILLISECONDS);
    }
    assertTrue(maxOut.get() <= max, "at most " + max + " leases out: " + maxOut.get());

    Collection<Lease> two = semaphores.get(0).acquire(2);
    assertNull(semaphores.get(1).acquire(SHORT_MS, TimeUnit.MILLISECONDS), "all leases are out");
    fws.get(0).close();
    Lease freed = semaphores.get(1).acquire(waitMs(), TimeUnit.MILLISECONDS);
    assertNotNull(freed, "a closed client's leases are free");
    assertTrue(freed.grant().token() > two.iterator().next().grant().token());
    freed.close();
    for (InterProcessSemaphoreV2 s : semaphores) {
      s.close();
    }
    assertCleanAfterClose(semPath, fws.get(1), fws.get(2));
  }

  @ContractTest
  void raisingTheSharedCountAdmitsAWaiter(CoreKind core) throws Exception {
    String semPath = path("counted");
    String countPath = path("counted-max");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessSemaphoreV2 semA =
        closeAfter(InterProcessSemaphoreV2.withSharedCount(a, semPath, countPath, 1));
    InterProcessSemaphoreV2 semB =
        closeAfter(InterProcessSemaphoreV2.withSharedCount(b, semPath, countPath, 5));
    assertEquals(1, semB.maxLeases(), "the first seed wins");
    Lease held = semA.acquire();
    Future<Lease> waiter =
        threads().submit(() -> semB.acquire(waitMs() * 2, TimeUnit.MILLISECONDS));
    assertFalse(doneWithin(waiter, SHORT_MS), "the maximum is 1");
    a.setData().forPath(countPath, SharedCountNode.encode(2));
    Lease second = waiter.get(waitMs(), TimeUnit.MILLISECONDS);
    assertNotNull(second, "the raised maximum admits the waiter");
    second.close();
    held.close();
    semA.close();
    semB.close();
    a.delete().forPath(countPath); // the shared count is the point: it outlives the semaphores
    assertCleanAfterClose(semPath, a, b);
  }

  @ContractTest
  void aMultiLockGivesBackWhatItTookWhenOneLockIsBusy(CoreKind core) throws Exception {
    String first = path("multi-1");
    String second = path("multi-2");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex busy = new InterProcessMutex(b, second);
    busy.acquire();
    InterProcessMutex firstLock = new InterProcessMutex(a, first);
    InterProcessMultiLock multi =
        new InterProcessMultiLock(List.of(firstLock, new InterProcessMutex(a, second)));
    assertFalse(multi.acquire(SHORT_MS, TimeUnit.MILLISECONDS));
    assertFalse(firstLock.isAcquiredInThisProcess(), "the first lock was given back");
    assertTrue(firstLock.getParticipantNodes().isEmpty(), "and its node deleted");
    busy.release();
    assertTrue(multi.acquire(waitMs(), TimeUnit.MILLISECONDS));
    assertTrue(multi.isAcquiredInThisProcess());
    multi.release();
    assertFalse(multi.isAcquiredInThisProcess());
    assertNoNodesUnder(first);
    assertCleanAfterClose(second, a, b);
  }

  @ContractTest
  void revocationAsksTheHolderWhoReleasesToTheWaiter(CoreKind core) throws Exception {
    String lockPath = path("revoke");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    InterProcessMutex lockA = new InterProcessMutex(a, lockPath);
    CountDownLatch asked = new CountDownLatch(1);
    lockA.makeRevocable(lock -> asked.countDown());
    lockA.acquire();
    Grant grant = lockA.grant();
    InterProcessMutex lockB = new InterProcessMutex(b, lockPath);
    Future<Boolean> waiter =
        threads()
            .submit(
                () -> {
                  boolean got = lockB.acquire(waitMs(), TimeUnit.MILLISECONDS);
                  if (got) {
                    lockB.release();
                  }
                  return got;
                });
    Revoker.attemptRevoke(b, lockA.getParticipantNodes().get(0));
    assertTrue(asked.await(waitMs(), TimeUnit.MILLISECONDS), "the holder's listener was called");
    PaddockException e =
        assertThrows(
            PaddockException.class,
            () -> a.transaction().add(grant.guard()).create(path("revoked"), null).commit());
    assertInstanceOf(PaddockException.BadVersionException.class, e, "a revoked guard fails");
    lockA.release();
    assertTrue(waiter.get(waitMs(), TimeUnit.MILLISECONDS), "the waiter got the lock");
    assertCleanAfterClose(lockPath, a, b);
  }

  @ContractTest
  void theLockStaysExclusiveAndIsHandedOverWhileTheEnsemblesLeaderDies(CoreKind core)
      throws Exception {
    assumeTrue(core().hasLeader(), "only an ensemble has a leader to kill");
    String lockPath = path("leader-death");
    PaddockFramework holderFw = newFramework();
    InterProcessMutex holder = new InterProcessMutex(holderFw, lockPath);
    holder.acquire();
    long holderSession = holderFw.client().sessionId();
    AtomicInteger inside = new AtomicInteger(1);
    AtomicInteger maxInside = new AtomicInteger(1);
    ExecutorService pool = threads();
    List<PaddockFramework> fws = new ArrayList<>();
    List<Future<Boolean>> held = new ArrayList<>();
    CountDownLatch mayRelease = new CountDownLatch(1);
    for (int i = 0; i < 2; i++) {
      PaddockFramework fw = newFramework();
      fws.add(fw);
      held.add(
          holdInBackground(
              pool, new InterProcessMutex(fw, lockPath), mayRelease, inside, maxInside));
      int queued = i + 2;
      await().atMost(WAIT).until(() -> holder.getParticipantNodes().size() == queued);
    }
    killLeader();
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> holder.getParticipantNodes().size() == 3 && holderFw.isConnected());
    assertEquals(holderSession, holderFw.client().sessionId(), "the holder's session survived");
    await()
        .during(QUIET)
        .atMost(WAIT)
        .until(() -> inside.get() == 1 && held.stream().noneMatch(Future::isDone));
    assertTrue(holder.isOwnedByCurrentThread(), "the holder still holds");
    inside.decrementAndGet();
    mayRelease.countDown();
    holder.release();
    for (Future<Boolean> f : held) {
      assertTrue(f.get(waitMs() * 2, TimeUnit.MILLISECONDS), "every waiter got the lock in turn");
    }
    assertEquals(1, maxInside.get(), "never two holders, before, during or after the failover");
    fws.add(holderFw);
    assertCleanAfterClose(lockPath, fws.toArray(PaddockFramework[]::new));
  }
}
