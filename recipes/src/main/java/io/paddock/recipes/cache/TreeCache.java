package io.paddock.recipes.cache;

import io.paddock.recipes.PaddockFramework;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of a subtree (Curator's TreeCache / CuratorCache): the root and its descendants down to
 * {@code maxDepth} levels (0 = the root only), with their data unless {@code cacheData(false)}. One
 * persistent recursive watch feeds it; after a reconnect or a session loss it re-reads every level
 * and reports what changed meanwhile, then RESYNCED. The root need not exist. Events come on the
 * executor (by default one thread of the cache's own), in order, and never after {@link #close()}.
 * Memory is bounded by the depth and by dropping data; the server still sends the events of deeper
 * nodes (the watch is recursive) and the cache drops them, so prefer a {@link PathChildrenCache} or
 * a deeper root over a shallow cache of a busy deep tree. Thread-safe.
 */
public final class TreeCache implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(TreeCache.class);

  /** The default depth: no practical bound. */
  public static final int DEPTH_UNBOUNDED = Integer.MAX_VALUE;

  private final CacheRunner<CacheListener> runner;

  private TreeCache(Builder b) {
    runner =
        new CacheRunner<>(
            b.framework, b.path, b.maxDepth, b.cacheData, b.executor, "tree-cache", this::dispatch);
  }

  /** A builder of a cache of the subtree at {@code path}. */
  public static Builder builder(PaddockFramework framework, String path) {
    return new Builder(framework, path);
  }

  /** Starts filling the cache; INITIALIZED follows the first full read. */
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
  public void addListener(CacheListener listener) {
    runner.listeners().add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(CacheListener listener) {
    runner.listeners().remove(listener);
  }

  /** The cached node at {@code path}, if any. */
  public Optional<ChildData> currentData(String path) {
    return Optional.ofNullable(runner.engine().get(path));
  }

  /** The cached children of {@code path}, by name (empty when none or not cached). */
  public Map<String, ChildData> currentChildren(String path) {
    return runner.engine().children(path);
  }

  /** Every cached node, in path order. */
  public List<ChildData> snapshot() {
    return runner.engine().all();
  }

  /** Stops the cache, removes its watch, and empties it. */
  @Override
  public void close() {
    runner.close();
  }

  private void dispatch(CacheEvent event) {
    for (CacheListener l : runner.listeners()) {
      try {
        l.event(event);
      } catch (RuntimeException e) {
        LOG.warn("a tree cache listener failed", e);
      }
    }
  }

  /** Configures a {@link TreeCache}. Not thread-safe. */
  public static final class Builder {
    private final PaddockFramework framework;
    private final String path;
    private int maxDepth = DEPTH_UNBOUNDED;
    private boolean cacheData = true;
    private Executor executor;

    private Builder(PaddockFramework framework, String path) {
      this.framework = Objects.requireNonNull(framework, "framework");
      this.path = Objects.requireNonNull(path, "path");
    }

    /** Levels below the root to cache (0: the root only). */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 0) {
        throw new IllegalArgumentException("maxDepth must be >= 0");
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** Whether node data is kept (default true); without it only stats are. */
    public Builder cacheData(boolean cacheData) {
      this.cacheData = cacheData;
      return this;
    }

    /** The executor of listener calls (default: a thread of the cache's own). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The cache, not yet started. */
    public TreeCache build() {
      return new TreeCache(this);
    }
  }
}
