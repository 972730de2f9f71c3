package io.paddock.recipes.locks;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A herd-free mutex that is neither reentrant nor bound to a thread: each acquire yields a {@link
 * LockHandle} that any thread may release (async code, handing a lock from one thread to another).
 * A second acquire through the same object waits like any other contestant, even on the same
 * thread. Same nodes and grants as {@link InterProcessMutex}; thread-safe.
 *
 * <p>The {@link InterProcessLock} methods work on the one current handle: {@code acquire()} stores
 * it, {@code release()} (from any thread) releases it.
 */
public final class InterProcessSemaphoreMutex implements InterProcessLock {
  private final LockInternals internals;
  private final AtomicReference<LockHandle> current = new AtomicReference<>();

  /**
   * A lock on a path.
   *
   * @param framework the framework (its namespace applies)
   * @param path the lock's path
   */
  public InterProcessSemaphoreMutex(PaddockFramework framework, String path) {
    ZnodePaths.validate(framework.fullPath(path));
    this.internals =
        new LockInternals(
            framework,
            path,
            InterProcessMutex.LOCK_NAME,
            ContestDriver.standard(InterProcessMutex.LOCK_NAME, 1));
  }

  /** Acquires a hold, waiting as long as it takes. */
  public LockHandle acquireHandle() throws PaddockException, InterruptedException {
    return tryAcquireHandle(-1, TimeUnit.NANOSECONDS)
        .orElseThrow(() -> new IllegalStateException("the lock was not acquired"));
  }

  /**
   * Acquires a hold if it comes within the time (a negative time waits without limit).
   *
   * @return the hold, or empty on timeout
   */
  public Optional<LockHandle> tryAcquireHandle(long time, TimeUnit unit)
      throws PaddockException, InterruptedException {
    long nanos = time < 0 ? -1 : unit.toNanos(time);
    Grant grant = internals.attemptLock(nanos);
    return Optional.ofNullable(grant).map(Handle::new);
  }

  @Override
  public void acquire() throws PaddockException, InterruptedException {
    store(acquireHandle());
  }

  @Override
  public boolean acquire(long time, TimeUnit unit) throws PaddockException, InterruptedException {
    Optional<LockHandle> handle = tryAcquireHandle(time, unit);
    handle.ifPresent(this::store);
    return handle.isPresent();
  }

  private void store(LockHandle handle) {
    if (!current.compareAndSet(null, handle)) {
      throw new IllegalStateException("a second hold through the same object");
    }
  }

  @Override
  public void release() throws PaddockException, InterruptedException {
    LockHandle handle = current.getAndSet(null);
    if (handle == null) {
      throw new IllegalMonitorStateException("not held through acquire()");
    }
    handle.release();
  }

  @Override
  public boolean isAcquiredInThisProcess() {
    return current.get() != null;
  }

  /** The grant of the hold taken by {@code acquire()}. */
  public Grant grant() {
    LockHandle handle = current.get();
    if (handle == null) {
      throw new IllegalMonitorStateException("not held through acquire()");
    }
    return handle.grant();
  }

  /** The paths of the contestants' nodes in queue order: the holder first. */
  public List<String> getParticipantNodes() throws PaddockException, InterruptedException {
    return internals.participantNodes();
  }

  private final class Handle implements LockHandle {
    private final Grant grant;
    private final AtomicBoolean held = new AtomicBoolean(true);

    Handle(Grant grant) {
      this.grant = grant;
    }

    @Override
    public Grant grant() {
      return grant;
    }

    @Override
    public boolean isHeld() {
      return held.get();
    }

    @Override
    public void release() throws PaddockException, InterruptedException {
      if (!held.compareAndSet(true, false)) {
        throw new IllegalStateException("released before: " + grant.path());
      }
      internals.releaseLock(grant);
    }

    @Override
    public void close() throws PaddockException, InterruptedException {
      if (held.get()) {
        release();
      }
    }
  }
}
