package io.paddock.recipes;

/** Retries once, after a fixed delay. */
public final class RetryOneTime extends RetryNTimes {
  /**
   * A policy of one retry.
   *
   * @param sleepMs the delay before the retry
   */
  public RetryOneTime(long sleepMs) {
    super(1, sleepMs);
  }
}
