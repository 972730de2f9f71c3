package io.paddock.recipes.cache;

import java.util.Optional;

/** Hears the changes of a {@link NodeCache}, on the cache's executor, in order. */
@FunctionalInterface
public interface NodeCacheListener {
  /**
   * The node was created, changed or deleted.
   *
   * @param before the node before (empty if it did not exist)
   * @param after the node now (empty if it is gone)
   */
  void nodeChanged(Optional<ChildData> before, Optional<ChildData> after);
}
