package io.paddock.recipes.cache;

import io.paddock.recipes.PaddockFramework;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * What the three caches share: an engine, the executor its events run on (owned, and shut down on
 * close, unless the user gave one), and the listeners.
 *
 * @param <L> the listener type
 */
final class CacheRunner<L> {
  private final CacheEngine engine;
  private final ExecutorService owned;
  private final List<L> listeners = new CopyOnWriteArrayList<>();

  CacheRunner(
      PaddockFramework framework,
      String path,
      int maxDepth,
      boolean cacheData,
      Executor executor,
      String what,
      Consumer<CacheEvent> sink) {
    this.owned = executor == null ? CacheExecutors.newDefault(what) : null;
    this.engine =
        new CacheEngine(
            framework, path, maxDepth, cacheData, executor == null ? owned : executor, sink);
  }

  CacheEngine engine() {
    return engine;
  }

  List<L> listeners() {
    return listeners;
  }

  void start() {
    engine.start();
  }

  boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return engine.awaitInitialized(timeout.toMillis());
  }

  void close() {
    engine.close();
    if (owned != null) {
      owned.shutdown();
    }
  }
}
