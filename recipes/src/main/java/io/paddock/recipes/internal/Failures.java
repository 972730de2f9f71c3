package io.paddock.recipes.internal;

import io.paddock.client.PaddockException;
import io.paddock.store.model.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for the exceptions futures carry. */
public final class Failures {
  private Failures() {}

  /** The cause under CompletionException and ExecutionException wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** True if {@code t} (unwrapped) is a PaddockException with the code. */
  public static boolean is(Throwable t, ErrorCode code) {
    return unwrap(t) instanceof PaddockException e && e.code() == code;
  }

  /** A future failed with {@code t}. */
  public static <T> CompletableFuture<T> failed(Throwable t) {
    return CompletableFuture.failedFuture(unwrap(t));
  }

  /**
   * Runs a call that returns a future, turning a synchronous exception (an invalid path, say) into
   * a failed future.
   */
  public static <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> c) {
    try {
      return c.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
