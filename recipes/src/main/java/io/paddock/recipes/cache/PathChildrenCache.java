package io.paddock.recipes.cache;

import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of the children of one node with their data (Curator's PathChildrenCache): CHILD_ADDED,
 * CHILD_UPDATED, CHILD_REMOVED as they happen, INITIALIZED after the first full read, connection
 * events, and RESYNCED after the re-read that follows every reconnect or session loss (so a child
 * deleted and re-created meanwhile shows as removed then added, never as silence). The parent need
 * not exist. Grandchildren are not cached. Thread-safe.
 */
public final class PathChildrenCache implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PathChildrenCache.class);

  private final String path;
  private final CacheRunner<PathChildrenCacheListener> runner;

  /**
   * A cache of the children of {@code path}.
   *
   * @param cacheData whether children's data is kept (stats are, always)
   * @param executor the executor of listener calls, or null for a thread of the cache's own
   */
  public PathChildrenCache(
      PaddockFramework framework, String path, boolean cacheData, Executor executor) {
    this.path = ZnodePaths.validate(path);
    this.runner =
        new CacheRunner<>(
            framework, path, 1, cacheData, executor, "children-cache", this::dispatch);
  }

  /** A cache of the children of {@code path} with their data, events on its own thread. */
  public PathChildrenCache(PaddockFramework framework, String path) {
    this(framework, path, true, null);
  }

  /** Starts filling the cache. */
  public void start() {
    runner.start();
  }

  /**
   * Waits for the first full read; the cached data is then complete (listeners may still be
   * handling its events).
   */
  public boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return runner.awaitInitialized(timeout);
  }

  /** Adds a listener. */
  public void addListener(PathChildrenCacheListener listener) {
    runner.listeners().add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(PathChildrenCacheListener listener) {
    runner.listeners().remove(listener);
  }

  /** The cached children, sorted by path. */
  public List<ChildData> currentData() {
    return new ArrayList<>(runner.engine().children(path).values());
  }

  /** The cached child of that name, if any. */
  public Optional<ChildData> currentData(String childName) {
    return Optional.ofNullable(runner.engine().get(ZnodePaths.child(path, childName)));
  }

  /** Stops the cache, removes its watch, and empties it. */
  @Override
  public void close() {
    runner.close();
  }

  private void dispatch(CacheEvent event) {
    if (event.data() != null && event.data().path().equals(path)) {
      return; // the parent itself is not reported
    }
    PathChildrenCacheEvent.Type type =
        switch (event.type()) {
          case NODE_ADDED -> PathChildrenCacheEvent.Type.CHILD_ADDED;
          case NODE_UPDATED -> PathChildrenCacheEvent.Type.CHILD_UPDATED;
          case NODE_REMOVED -> PathChildrenCacheEvent.Type.CHILD_REMOVED;
          case INITIALIZED -> PathChildrenCacheEvent.Type.INITIALIZED;
          case RESYNCED -> PathChildrenCacheEvent.Type.RESYNCED;
          case CONNECTION_SUSPENDED -> PathChildrenCacheEvent.Type.CONNECTION_SUSPENDED;
          case CONNECTION_RECONNECTED -> PathChildrenCacheEvent.Type.CONNECTION_RECONNECTED;
          case CONNECTION_LOST -> PathChildrenCacheEvent.Type.CONNECTION_LOST;
        };
    PathChildrenCacheEvent mapped = new PathChildrenCacheEvent(type, event.data(), event.oldData());
    for (PathChildrenCacheListener l : runner.listeners()) {
      try {
        l.childEvent(mapped);
      } catch (RuntimeException e) {
        LOG.warn("a path children cache listener failed", e);
      }
    }
  }
}
