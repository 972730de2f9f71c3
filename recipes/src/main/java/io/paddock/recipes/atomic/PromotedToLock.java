package io.paddock.recipes.atomic;

import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.RetryPolicy;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * How an atomic operation escalates when its optimistic attempts run out: it takes an {@link
 * io.paddock.recipes.locks.InterProcessMutex} on {@code lockPath} (waiting at most {@code
 * maxLockTimeMs}) and repeats the versioned loop under it with its own retry policy. The lock only
 * thins out contention among promoted callers; correctness still comes from the version check.
 *
 * @param lockPath the mutex's path (one per counter; not the counter's own path)
 * @param maxLockTimeMs the longest wait for the mutex, ≥ 0
 * @param retryPolicy the retries made while holding it
 */
public record PromotedToLock(String lockPath, long maxLockTimeMs, RetryPolicy retryPolicy) {
  /** Retries under the lock when none are given. */
  public static final int DEFAULT_PROMOTED_RETRIES = 3;

  /** Delay between retries under the lock when none are given. */
  public static final int DEFAULT_PROMOTED_RETRY_DELAY_MS = 10;

  /** Checks the parts. */
  public PromotedToLock {
    Objects.requireNonNull(lockPath, "lockPath");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    if (maxLockTimeMs < 0) {
      throw new IllegalArgumentException("maxLockTimeMs must be ≥ 0");
    }
  }

  /** A promotion with a bounded lock wait and a few quick retries under the lock. */
  public static PromotedToLock of(String lockPath, long maxLockTime, TimeUnit unit) {
    return new PromotedToLock(
        lockPath,
        unit.toMillis(maxLockTime),
        new RetryNTimes(DEFAULT_PROMOTED_RETRIES, DEFAULT_PROMOTED_RETRY_DELAY_MS));
  }
}
