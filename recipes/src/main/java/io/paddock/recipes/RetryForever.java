package io.paddock.recipes;

/** Retries without end, at a fixed interval. Use with care: an operation may then never fail. */
public final class RetryForever implements RetryPolicy {
  private final long intervalMs;

  /**
   * A policy that always retries.
   *
   * @param intervalMs the delay before each retry, ≥ 0
   */
  public RetryForever(long intervalMs) {
    if (intervalMs < 0) {
      throw new IllegalArgumentException("intervalMs must be ≥ 0");
    }
    this.intervalMs = intervalMs;
  }

  /** {@inheritDoc} */
  @Override
  public long retryDelayMs(int retryCount, long elapsedMs) {
    return intervalMs;
  }
}
