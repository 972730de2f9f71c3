package io.paddock.recipes.locks;

import java.util.concurrent.Executor;

/**
 * A lock whose holder can be asked to release it. Call {@link #makeRevocable} before acquiring;
 * while it holds the lock, the holder keeps a data watch on its own node.
 *
 * @param <T> the lock type
 */
public interface Revocable<T> {
  /** Runs the listener on the framework's event thread (it must not block). */
  void makeRevocable(RevocationListener<T> listener);

  /** Runs the listener on {@code executor}. */
  void makeRevocable(RevocationListener<T> listener, Executor executor);
}
