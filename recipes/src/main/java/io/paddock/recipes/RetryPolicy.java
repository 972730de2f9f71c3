package io.paddock.recipes;

import io.paddock.client.PaddockException;
import io.paddock.store.model.ErrorCode;

/**
 * Decides whether, and after how long, the framework retries an operation that failed with a
 * retryable error (Curator's semantics).
 *
 * <p>The framework asks {@link #retryDelayMs} after each failed attempt; {@code retryCount} is 0
 * for the first retry. It retries only what is safe: connection loss of idempotent operations, and
 * creates only when they are protected. It never retries on session expiry.
 */
public interface RetryPolicy {
  /** What {@link #retryDelayMs} answers when no more retries are allowed. */
  long STOP = -1;

  /**
   * The delay before the next attempt, or {@link #STOP}.
   *
   * @param retryCount retries made so far (0 before the first retry)
   * @param elapsedMs time since the first attempt began
   * @return the delay in ms (≥ 0), or {@link #STOP}
   */
  long retryDelayMs(int retryCount, long elapsedMs);

  /**
   * Whether a failure is of a retryable kind: connection loss and operation timeout. Session
   * expiry, and every answer of the server, are never retried.
   */
  default boolean isRetryable(Throwable failure) {
    return failure instanceof PaddockException e
        && (e.code() == ErrorCode.CONNECTIONLOSS || e.code() == ErrorCode.OPERATIONTIMEOUT);
  }
}
