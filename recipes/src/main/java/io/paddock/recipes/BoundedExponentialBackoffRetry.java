package io.paddock.recipes;

import java.util.Random;

/** An {@link ExponentialBackoffRetry} whose single delay is capped at {@code maxSleepMs}. */
public final class BoundedExponentialBackoffRetry extends ExponentialBackoffRetry {
  /**
   * A bounded policy.
   *
   * @param baseSleepMs the unit of delay
   * @param maxSleepMs the longest single delay
   * @param maxRetries the most retries
   */
  public BoundedExponentialBackoffRetry(long baseSleepMs, long maxSleepMs, int maxRetries) {
    super(baseSleepMs, maxRetries, maxSleepMs);
  }

  /**
   * A bounded policy with a seeded random source (tests, replays).
   *
   * @param random the source of the random factor
   */
  public BoundedExponentialBackoffRetry(
      long baseSleepMs, long maxSleepMs, int maxRetries, Random random) {
    super(baseSleepMs, maxRetries, maxSleepMs, random);
  }
}
