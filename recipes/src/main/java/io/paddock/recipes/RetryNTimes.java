package io.paddock.recipes;

/** Retries up to {@code n} times, sleeping a fixed time between attempts. */
public class RetryNTimes implements RetryPolicy {
  private final int n;
  private final long sleepMs;

  /**
   * A policy of {@code n} retries.
   *
   * @param n the most retries, ≥ 0
   * @param sleepMs the delay before each retry, ≥ 0
   */
  public RetryNTimes(int n, long sleepMs) {
    if (n < 0 || sleepMs < 0) {
      throw new IllegalArgumentException("n and sleepMs must be ≥ 0");
    }
    this.n = n;
    this.sleepMs = sleepMs;
  }

  /** {@inheritDoc} */
  @Override
  public long retryDelayMs(int retryCount, long elapsedMs) {
    return retryCount < n ? sleepMs : STOP;
  }
}
