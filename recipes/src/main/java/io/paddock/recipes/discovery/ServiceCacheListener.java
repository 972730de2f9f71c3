package io.paddock.recipes.discovery;

/** Hears that a {@link ServiceCache}'s instances changed, on the cache's thread. */
@FunctionalInterface
public interface ServiceCacheListener {
  /** The instances changed (an instance came, went or was updated, or a resync ended). */
  void cacheChanged();
}
