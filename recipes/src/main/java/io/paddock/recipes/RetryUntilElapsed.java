package io.paddock.recipes;

/** Retries at a fixed interval while less than a given time has passed since the first attempt. */
public final class RetryUntilElapsed implements RetryPolicy {
  private final long maxElapsedMs;
  private final long sleepMs;

  /**
   * A policy bounded by elapsed time.
   *
   * @param maxElapsedMs retries stop once this much time has passed
   * @param sleepMs the delay before each retry
   */
  public RetryUntilElapsed(long maxElapsedMs, long sleepMs) {
    if (maxElapsedMs < 0 || sleepMs < 0) {
      throw new IllegalArgumentException("maxElapsedMs and sleepMs must be ≥ 0");
    }
    this.maxElapsedMs = maxElapsedMs;
    this.sleepMs = sleepMs;
  }

  /** {@inheritDoc} */
  @Override
  public long retryDelayMs(int retryCount, long elapsedMs) {
    return elapsedMs < maxElapsedMs ? sleepMs : STOP;
  }
}
