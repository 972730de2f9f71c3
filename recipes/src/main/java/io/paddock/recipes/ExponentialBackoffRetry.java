package io.paddock.recipes;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntUnaryOperator;

/**
 * Retries a bounded number of times with a randomised, growing delay: before retry {@code n} (from
 * 0) it waits {@code baseSleepMs × max(1, random in [0, 2^(n+1)))}, at most {@code maxSleepMs}
 * (Curator's formula). The number of retries is capped at {@link #RETRIES_MAX} so the shift cannot
 * overflow.
 */
public class ExponentialBackoffRetry implements RetryPolicy {
  /** The most retries any exponential policy allows (2^30 would overflow the factor). */
  public static final int RETRIES_MAX = 29;

  private final long baseSleepMs;
  private final int maxRetries;
  private final long maxSleepMs;
  private final IntUnaryOperator randomBelow;

  /**
   * A policy without a cap on one delay.
   *
   * @param baseSleepMs the unit of delay, ≥ 0
   * @param maxRetries the most retries (values above {@link #RETRIES_MAX} become it)
   */
  public ExponentialBackoffRetry(long baseSleepMs, int maxRetries) {
    this(baseSleepMs, maxRetries, Long.MAX_VALUE);
  }

  /**
   * A policy whose single delay never exceeds {@code maxSleepMs}.
   *
   * @param baseSleepMs the unit of delay, ≥ 0
   * @param maxRetries the most retries (values above {@link #RETRIES_MAX} become it)
   * @param maxSleepMs the longest single delay
   */
  public ExponentialBackoffRetry(long baseSleepMs, int maxRetries, long maxSleepMs) {
    this(baseSleepMs, maxRetries, maxSleepMs, b -> ThreadLocalRandom.current().nextInt(b));
  }

  /**
   * A policy drawing its random factors from a seeded source (tests, replays).
   *
   * @param random the source of the random factor
   */
  public ExponentialBackoffRetry(long baseSleepMs, int maxRetries, long maxSleepMs, Random random) {
    this(baseSleepMs, maxRetries, maxSleepMs, Objects.requireNonNull(random)::nextInt);
  }

  private ExponentialBackoffRetry(
      long baseSleepMs, int maxRetries, long maxSleepMs, IntUnaryOperator randomBelow) {
    if (baseSleepMs < 0 || maxRetries < 0 || maxSleepMs < 0) {
      throw new IllegalArgumentException("baseSleepMs, maxRetries and maxSleepMs must be ≥ 0");
    }
    this.baseSleepMs = baseSleepMs;
    this.maxRetries = Math.min(maxRetries, RETRIES_MAX);
    this.maxSleepMs = maxSleepMs;
    this.randomBelow = randomBelow;
  }

  /** The number of retries this policy allows (after the cap). */
  public int maxRetries() {
    return maxRetries;
  }

  /** {@inheritDoc} */
  @Override
  public long retryDelayMs(int retryCount, long elapsedMs) {
    if (retryCount >= maxRetries) {
      return STOP;
    }
    int factor = Math.max(1, randomBelow.applyAsInt(1 << (retryCount + 1)));
    long sleepMs = baseSleepMs * factor;
    return Math.min(sleepMs, maxSleepMs);
  }
}
