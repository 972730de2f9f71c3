package io.paddock.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future the async API returns: a CompletableFuture that refuses to block the client's event
 * thread. The reply that would complete it is delivered on that very thread, so waiting there could
 * never end; {@code get} and {@code join} throw {@link IllegalStateException} instead. Every stage
 * derived from it carries the same guard.
 *
 * @param <T> the result type
 */
public final class PaddockFuture<T> extends CompletableFuture<T> {
  private final EventDispatcher events;

  /** A future guarded against the dispatcher's thread. */
  public PaddockFuture(EventDispatcher events) {
    this.events = events;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new PaddockFuture<>(events);
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    guard();
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    guard();
    return super.get(timeout, unit);
  }

  @Override
  public T join() {
    guard();
    return super.join();
  }

  private void guard() {
    if (!isDone() && events.isEventThread()) {
      throw new IllegalStateException(
          "waiting for a PaddockClient future on the client's event thread would deadlock "
              + "(its reply is delivered on this thread): compose the future, or use "
              + "client.blocking() from callbacks");
    }
  }
}
