package io.paddock.recipes;

/**
 * A framework facade that remembers the watches set through it. Recipes build one over the
 * framework they are given and call {@link #removeWatchers()} when they close, so a closed recipe
 * leaves no watch behind.
 */
public interface WatcherRemovingFramework extends PaddockFramework {
  /**
   * Removes every watch set through this facade that may still be armed (waiting for the server's
   * answers when connected; the watches of a dead session are gone anyway). Never throws.
   */
  void removeWatchers();

  /** How many watches set through this facade may still be armed. */
  int trackedWatchCount();
}
