package io.paddock.recipes.shared;

import io.paddock.recipes.ConnectionStateListener;

/** Hears a shared count's changes, and the framework's connection states. */
public interface SharedCountListener extends ConnectionStateListener {
  /**
   * The count changed.
   *
   * @param reader the shared count
   * @param newCount the new count
   */
  void countHasChanged(SharedCountReader reader, int newCount) throws Exception;
}
