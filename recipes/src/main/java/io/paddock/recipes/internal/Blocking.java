package io.paddock.recipes.internal;

import io.paddock.client.PaddockException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for a stage on behalf of a blocking framework call, rethrowing its PaddockException. */
public final class Blocking {
  private Blocking() {}

  /**
   * The stage's value, waiting as long as it takes.
   *
   * @throws PaddockException the failure of the stage
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws IllegalStateException when called on the raw client's own threads (it would deadlock)
   */
  public static <T> T await(CompletionStage<T> stage)
      throws PaddockException, InterruptedException {
    if (ClientThreads.isClientThread()) {
      throw new IllegalStateException(
          "a blocking framework call on the client's event thread would deadlock; use forPathAsync");
    }
    Future<T> future = stage.toCompletableFuture();
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  /** Turns a stage's failure into what a blocking call throws. */
  public static PaddockException rethrow(Throwable failure) {
    Throwable cause = Failures.unwrap(failure);
    if (cause instanceof PaddockException p) {
      return p;
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException("unexpected failure", cause);
  }
}
