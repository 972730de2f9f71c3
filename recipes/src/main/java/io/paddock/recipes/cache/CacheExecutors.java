package io.paddock.recipes.cache;

import io.paddock.recipes.internal.ClientThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The default event executor of a cache: one daemon thread, so events come in order. */
final class CacheExecutors {
  private CacheExecutors() {}

  /** A new single-thread executor for one cache. */
  static ExecutorService newDefault(String what) {
    return Executors.newSingleThreadExecutor(ClientThreads.daemon("paddock-" + what));
  }
}
