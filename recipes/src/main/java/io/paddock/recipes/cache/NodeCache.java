package io.paddock.recipes.cache;

import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of one node (Curator's NodeCache): its data and stat, or nothing while it does not exist.
 * One persistent (non-recursive) watch feeds it; a reconnect or session loss re-reads it and
 * reports any change made meanwhile. Listeners hear every create, change and delete with the node
 * before and after. Thread-safe.
 */
public final class NodeCache implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeCache.class);

  private final String path;
  private final CacheRunner<NodeCacheListener> runner;

  /**
   * A cache of the node at {@code path}.
   *
   * @param executor the executor of listener calls, or null for a thread of the cache's own
   */
  public NodeCache(PaddockFramework framework, String path, Executor executor) {
    this.path = ZnodePaths.validate(path);
    this.runner =
        new CacheRunner<>(framework, path, 0, true, executor, "node-cache", this::dispatch);
  }

  /** A cache of the node at {@code path}, events on its own thread. */
  public NodeCache(PaddockFramework framework, String path) {
    this(framework, path, null);
  }

  /** Starts filling the cache. */
  public void start() {
    runner.start();
  }

  /**
   * Waits for the first read; the cached data is then current (listeners may still be handling its
   * events).
   */
  public boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return runner.awaitInitialized(timeout);
  }

  /** Adds a listener. */
  public void addListener(NodeCacheListener listener) {
    runner.listeners().add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(NodeCacheListener listener) {
    runner.listeners().remove(listener);
  }

  /** The node as cached, or empty when it does not exist (or the cache is not filled yet). */
  public Optional<ChildData> currentData() {
    return Optional.ofNullable(runner.engine().get(path));
  }

  /** Stops the cache and removes its watch. */
  @Override
  public void close() {
    runner.close();
  }

  private void dispatch(CacheEvent event) {
    Optional<ChildData> before;
    Optional<ChildData> after;
    switch (event.type()) {
      case NODE_ADDED -> {
        before = Optional.empty();
        after = Optional.of(event.data());
      }
      case NODE_UPDATED -> {
        before = Optional.ofNullable(event.oldData());
        after = Optional.of(event.data());
      }
      case NODE_REMOVED -> {
        before = Optional.of(event.data());
        after = Optional.empty();
      }
      default -> {
        return;
      }
    }
    for (NodeCacheListener l : runner.listeners()) {
      try {
        l.nodeChanged(before, after);
      } catch (RuntimeException e) {
        LOG.warn("a node cache listener failed", e);
      }
    }
  }
}
