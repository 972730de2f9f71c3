package io.paddock.recipes.shared;

import java.util.concurrent.Executor;

/**
 * Read access to a shared count: the current count, its version, and change listeners (a
 * semaphore's dynamic maximum, say).
 */
public interface SharedCountReader {
  /** The count as last read. */
  int getCount();

  /** The count with the version it was read at: what {@code trySetCount} takes. */
  VersionedValue<Integer> getVersionedValue();

  /** Adds a listener run on the recipe's notification thread. */
  void addListener(SharedCountListener listener);

  /** Adds a listener run on {@code executor}. */
  void addListener(SharedCountListener listener, Executor executor);

  /** Removes a listener. */
  void removeListener(SharedCountListener listener);
}
