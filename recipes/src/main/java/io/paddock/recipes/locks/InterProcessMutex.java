package io.paddock.recipes.locks;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A herd-free, fair, reentrant mutex (Curator's InterProcessMutex). Waiters queue by sequence and
 * each watches only its predecessor's node, so a release wakes exactly one waiter.
 *
 * <p>Reentrant per thread: a thread that holds the lock may acquire it again; each acquire needs a
 * release, and only the holding thread may release ({@link IllegalMonitorStateException}
 * otherwise). Another thread of the same process waits like any other process. For a lock not bound
 * to a thread, use {@link InterProcessSemaphoreMutex}.
 *
 * <p>Nodes: {@code <path>/_c_<uuid>-lock-<seq>}, ephemeral; the path is a container, gone once the
 * last node is. Every grant carries a {@link Grant}: its token (the node's czxid) grows with every
 * grant on the path, and its guard makes a transaction fail once the lock is lost. Thread-safe.
 */
public class InterProcessMutex implements InterProcessLock, Revocable<InterProcessMutex> {
  /** The name of a mutex's nodes. */
  public static final String LOCK_NAME = "lock-";

  private final LockInternals internals;
  private final Map<Thread, Hold> holds = new ConcurrentHashMap<>();
  private volatile RevocationListener<InterProcessMutex> revocationListener;
  private volatile Executor revocationExecutor;

  /** One thread's hold: its grant, how many times it acquired, and its revocation watch. */
  private static final class Hold {
    final Grant grant;
    int count = 1;
    RevocationWatch revocation;

    Hold(Grant grant) {
      this.grant = grant;
    }
  }

  /**
   * A mutex on a path.
   *
   * @param framework the framework (its namespace applies)
   * @param path the lock's path
   */
  public InterProcessMutex(PaddockFramework framework, String path) {
    this(framework, path, LOCK_NAME, ContestDriver.standard(LOCK_NAME, 1));
  }

  /** A mutex with its own node name and rule (the read-write lock's halves). */
  InterProcessMutex(PaddockFramework framework, String path, String lockName, ContestDriver d) {
    ZnodePaths.validate(framework.fullPath(path));
    this.internals = new LockInternals(framework, path, lockName, d);
  }

  /** The engine (the read-write lock's read half creates nodes of its own). */
  LockInternals internals() {
    return internals;
  }

  @Override
  public void acquire() throws PaddockException, InterruptedException {
    if (!internalLock(-1)) {
      throw new IllegalStateException("the lock was not acquired: the framework is closed");
    }
  }

  @Override
  public boolean acquire(long time, TimeUnit unit) throws PaddockException, InterruptedException {
    return internalLock(unit.toNanos(time));
  }

  private boolean internalLock(long timeNanos) throws PaddockException, InterruptedException {
    Thread current = Thread.currentThread();
    Hold hold = holds.get(current);
    if (hold != null) {
      hold.count++;
      return true;
    }
    Grant grant = attempt(timeNanos);
    if (grant == null) {
      return false;
    }
    Hold fresh = new Hold(grant);
    holds.put(current, fresh);
    RevocationListener<InterProcessMutex> listener = revocationListener;
    if (listener != null) {
      fresh.revocation =
          new RevocationWatch(
              internals.framework(),
              grant.path(),
              () -> listener.revocationRequested(this),
              revocationExecutor);
      fresh.revocation.arm();
    }
    return true;
  }

  /** Makes one attempt for the calling thread (a read lock overrides it). */
  Grant attempt(long timeNanos) throws PaddockException, InterruptedException {
    return internals.attemptLock(timeNanos);
  }

  @Override
  public void release() throws PaddockException, InterruptedException {
    Thread current = Thread.currentThread();
    Hold hold = holds.get(current);
    if (hold == null) {
      throw new IllegalMonitorStateException("the calling thread does not hold " + basePath());
    }
    if (--hold.count > 0) {
      return;
    }
    holds.remove(current);
    if (hold.revocation != null) {
      hold.revocation.disarm();
    }
    internals.releaseLock(hold.grant);
  }

  @Override
  public boolean isAcquiredInThisProcess() {
    return !holds.isEmpty();
  }

  /** True if the calling thread holds the lock. */
  public boolean isOwnedByCurrentThread() {
    return holds.containsKey(Thread.currentThread());
  }

  /**
   * The calling thread's grant: its fencing token and guard.
   *
   * @throws IllegalMonitorStateException if the calling thread does not hold the lock
   */
  public Grant grant() {
    Hold hold = holds.get(Thread.currentThread());
    if (hold == null) {
      throw new IllegalMonitorStateException("the calling thread does not hold " + basePath());
    }
    return hold.grant;
  }

  /** The lock's path. */
  public String basePath() {
    return internals.basePath();
  }

  /** Stores data in the nodes of later acquires (visible to {@link #getParticipantNodes}). */
  public void setNodeData(byte[] data) {
    internals.setNodeData(data);
  }

  /** The paths of the contestants' nodes in queue order: the holder first. */
  public List<String> getParticipantNodes() throws PaddockException, InterruptedException {
    return internals.participantNodes();
  }

  @Override
  public void makeRevocable(RevocationListener<InterProcessMutex> listener) {
    makeRevocable(listener, Runnable::run);
  }

  @Override
  public void makeRevocable(RevocationListener<InterProcessMutex> listener, Executor executor) {
    this.revocationExecutor = Objects.requireNonNull(executor, "executor");
    this.revocationListener = Objects.requireNonNull(listener, "listener");
  }
}
