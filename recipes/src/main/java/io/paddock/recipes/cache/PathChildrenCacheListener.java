package io.paddock.recipes.cache;

/** Hears the changes of a {@link PathChildrenCache}, on the cache's executor, in order. */
@FunctionalInterface
public interface PathChildrenCacheListener {
  /** One change. */
  void childEvent(PathChildrenCacheEvent event);
}
