package io.paddock.recipes.internal;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one framework operation, attempt after attempt, as the retry policy allows: each attempt
 * uses the client current at that time; a retryable failure (connection loss, operation timeout) of
 * a retryable operation schedules the next attempt after the policy's delay. Session expiry and
 * server answers end the loop.
 */
public final class RetryLoop {
  /** One attempt of an operation. */
  @FunctionalInterface
  public interface Attempt<T> {
    /**
     * Runs the attempt.
     *
     * @param client the client to use
     * @param attempt 0 for the first attempt, then 1, 2 …
     */
    CompletableFuture<T> run(PaddockClient client, int attempt);
  }

  private RetryLoop() {}

  /**
   * Runs an operation.
   *
   * @param retryable whether a connection loss may be retried (the op is idempotent or protected)
   */
  public static <T> CompletableFuture<T> run(
      FrameworkCore core, boolean retryable, Attempt<T> attempt) {
    CompletableFuture<T> result = new CompletableFuture<>();
    new Runner<>(core, retryable, attempt, result).next(0);
    return result;
  }

  private static final class Runner<T> {
    private final FrameworkCore core;
    private final boolean retryable;
    private final Attempt<T> attempt;
    private final CompletableFuture<T> result;
    private final long startNanos = System.nanoTime();

    Runner(FrameworkCore core, boolean retryable, Attempt<T> attempt, CompletableFuture<T> result) {
      this.core = core;
      this.retryable = retryable;
      this.attempt = attempt;
      this.result = result;
    }

    void next(int n) {
      if (result.isDone()) {
        return; // cancelled by the caller
      }
      CompletableFuture<T> f;
      try {
        f = Failures.call(() -> attempt.run(core.connections().client(), n));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      f.whenComplete(
          (value, failure) -> {
            if (failure == null) {
              result.complete(value);
              return;
            }
            Throwable cause = Failures.unwrap(failure);
            RetryPolicy policy = core.config().retryPolicy();
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            long delayMs =
                retryable && !core.isClosed() && policy.isRetryable(cause)
                    ? policy.retryDelayMs(n, elapsedMs)
                    : RetryPolicy.STOP;
            if (delayMs < 0) {
              result.completeExceptionally(cause);
              return;
            }
            try {
              core.scheduler().schedule(() -> next(n + 1), delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
              result.completeExceptionally(cause);
            }
          });
    }
  }
}
