package io.paddock.recipes.cache;

/** Hears the changes of a {@link TreeCache}, on the cache's executor, in order. */
@FunctionalInterface
public interface CacheListener {
  /** One change. */
  void event(CacheEvent event);
}
