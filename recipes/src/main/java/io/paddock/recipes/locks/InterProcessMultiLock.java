package io.paddock.recipes.locks;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Several locks taken as one (Curator's InterProcessMultiLock): acquire takes them in list order
 * and, if one cannot be taken, releases those it took (in reverse) so nothing stays held; release
 * releases all in reverse order. Deadlock avoidance is the caller's: use one global order of paths.
 * A timed acquire gives each lock the remaining time.
 */
public final class InterProcessMultiLock implements InterProcessLock {
  private final List<InterProcessLock> locks;

  /** A multi-lock of {@link InterProcessMutex}es on the paths. */
  public InterProcessMultiLock(PaddockFramework framework, List<String> paths) {
    this(paths.stream().map(p -> (InterProcessLock) new InterProcessMutex(framework, p)).toList());
  }

  /** A multi-lock of the given locks. */
  public InterProcessMultiLock(List<InterProcessLock> locks) {
    if (locks.isEmpty()) {
      throw new IllegalArgumentException("no locks");
    }
    this.locks = List.copyOf(locks);
  }

  @Override
  public void acquire() throws PaddockException, InterruptedException {
    if (!acquire(-1, TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("the locks were not acquired");
    }
  }

  @Override
  public boolean acquire(long time, TimeUnit unit) throws PaddockException, InterruptedException {
    long deadlineNanos = time < 0 ? Long.MAX_VALUE : System.nanoTime() + unit.toNanos(time);
    List<InterProcessLock> taken = new ArrayList<>();
    boolean success = false;
    try {
      for (InterProcessLock lock : locks) {
        boolean got;
        if (deadlineNanos == Long.MAX_VALUE) {
          lock.acquire();
          got = true;
        } else {
          long leftNanos = Math.max(0, deadlineNanos - System.nanoTime());
          got = lock.acquire(leftNanos, TimeUnit.NANOSECONDS);
        }
        if (!got) {
          return false;
        }
        taken.add(lock);
      }
      success = true;
      return true;
    } finally {
      if (!success) {
        releaseInReverse(taken);
      }
    }
  }

  @Override
  public void release() throws PaddockException, InterruptedException {
    releaseInReverse(locks);
  }

  private static void releaseInReverse(List<InterProcessLock> held)
      throws PaddockException, InterruptedException {
    PaddockException first = null;
    for (int i = held.size() - 1; i >= 0; i--) {
      try {
        held.get(i).release();
      } catch (PaddockException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** True only if every lock is held. */
  @Override
  public boolean isAcquiredInThisProcess() {
    return locks.stream().allMatch(InterProcessLock::isAcquiredInThisProcess);
  }
}
