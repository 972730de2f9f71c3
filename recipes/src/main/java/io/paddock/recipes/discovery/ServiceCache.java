package io.paddock.recipes.discovery;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.cache.ChildData;
import io.paddock.recipes.cache.PathChildrenCache;
import io.paddock.recipes.cache.PathChildrenCacheEvent;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of one service, cached (Curator's ServiceCache): a {@link PathChildrenCache} of the
 * service's node, decoded. Instances whose data cannot be decoded are skipped. Listeners hear every
 * change. Thread-safe.
 */
public final class ServiceCache implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceCache.class);

  private final PathChildrenCache cache;
  private final List<ServiceCacheListener> listeners = new CopyOnWriteArrayList<>();

  ServiceCache(PaddockFramework framework, String servicePath) {
    this.cache = new PathChildrenCache(framework, servicePath);
    cache.addListener(this::onEvent);
  }

  /** Starts filling the cache. */
  public void start() {
    cache.start();
  }

  /** Waits for the first full read. */
  public boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return cache.awaitInitialized(timeout);
  }

  /** The cached instances, by id. */
  public List<ServiceInstance> instances() {
    List<ServiceInstance> out = new ArrayList<>();
    for (ChildData d : cache.currentData()) {
      try {
        out.add(InstanceCodec.decode(d.data()));
      } catch (IllegalArgumentException e) {
        LOG.debug("skipping {}: not a service instance", d.path(), e);
      }
    }
    return out;
  }

  /** Adds a listener. */
  public void addListener(ServiceCacheListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(ServiceCacheListener listener) {
    listeners.remove(listener);
  }

  /** Stops the cache and removes its watch. */
  @Override
  public void close() {
    cache.close();
  }

  private void onEvent(PathChildrenCacheEvent event) {
    switch (event.type()) {
      case CHILD_ADDED, CHILD_UPDATED, CHILD_REMOVED, RESYNCED -> {
        for (ServiceCacheListener l : listeners) {
          try {
            l.cacheChanged();
          } catch (RuntimeException e) {
            LOG.warn("a service cache listener failed", e);
          }
        }
      }
      default -> {
        // connection events and the initial read change nothing a listener must redo
      }
    }
  }
}
