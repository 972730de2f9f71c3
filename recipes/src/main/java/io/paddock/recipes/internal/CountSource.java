package io.paddock.recipes.internal;

/** A number that may change, with change notification (a semaphore's dynamic maximum). */
public interface CountSource {
  /** The current value. */
  int count();

  /** Adds a listener called (on any thread, without blocking) when the value may have changed. */
  void addListener(Runnable listener);

  /** Removes a listener. */
  void removeListener(Runnable listener);
}
