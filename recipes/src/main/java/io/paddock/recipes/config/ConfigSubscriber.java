package io.paddock.recipes.config;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.cache.ChildData;
import io.paddock.recipes.cache.PathChildrenCache;
import io.paddock.recipes.cache.PathChildrenCacheEvent;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the configuration under a base path: a {@link PathChildrenCache} of the keys, decoded
 * with a {@link ValueCodec}, and typed change events with the old and new value. Data a codec
 * cannot decode counts as absent (and is logged). Like every cache it is eventually consistent:
 * after a reconnect or session loss it re-reads and reports what changed meanwhile. Thread-safe.
 *
 * @param <T> the value type
 */
public final class ConfigSubscriber<T> implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigSubscriber.class);

  private final ValueCodec<T> codec;
  private final PathChildrenCache cache;
  private final Map<String, VersionedValue<T>> values = new ConcurrentHashMap<>();
  private final List<ConfigListener<T>> listeners = new CopyOnWriteArrayList<>();

  /** Counted down when the INITIALIZED event was handled, so the values include the first read. */
  private final CountDownLatch initialized = new CountDownLatch(1);

  /** A subscriber of the keys under {@code basePath} (which need not exist yet). */
  public ConfigSubscriber(PaddockFramework framework, String basePath, ValueCodec<T> codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.cache = new PathChildrenCache(framework, ZnodePaths.validate(basePath));
    cache.addListener(this::onEvent);
  }

  /** Starts following; the keys found first come as changes from empty. */
  public void start() {
    cache.start();
  }

  /** Waits for the first full read. */
  public boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The current value of a key, if any. */
  public Optional<T> get(String key) {
    return Optional.ofNullable(values.get(ConfigKeys.check(key))).map(VersionedValue::value);
  }

  /** The current value and version of a key (for {@link ConfigPublisher#compareAndPublish}). */
  public Optional<VersionedValue<T>> getVersioned(String key) {
    return Optional.ofNullable(values.get(ConfigKeys.check(key)));
  }

  /** Every key with its value, sorted by key. */
  public Map<String, T> snapshot() {
    Map<String, T> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** Adds a listener. */
  public void addListener(ConfigListener<T> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(ConfigListener<T> listener) {
    listeners.remove(listener);
  }

  /** Stops following and removes the watch. */
  @Override
  public void close() {
    cache.close();
  }

  private void onEvent(PathChildrenCacheEvent event) {
    if (event.type() == PathChildrenCacheEvent.Type.INITIALIZED) {
      initialized.countDown();
    }
    ChildData d = event.data();
    if (d == null) {
      return;
    }
    String key = ZnodePaths.name(d.path());
    VersionedValue<T> before;
    VersionedValue<T> after;
    switch (event.type()) {
      case CHILD_ADDED, CHILD_UPDATED -> {
        after = decode(d);
        before = after == null ? values.remove(key) : values.put(key, after);
      }
      case CHILD_REMOVED -> {
        after = null;
        before = values.remove(key);
      }
      default -> {
        return;
      }
    }
    if (before == null && after == null) {
      return;
    }
    ConfigChange<T> change =
        new ConfigChange<>(
            key,
            Optional.ofNullable(before).map(VersionedValue::value),
            Optional.ofNullable(after).map(VersionedValue::value),
            after == null ? -1 : after.version());
    for (ConfigListener<T> l : listeners) {
      try {
        l.changed(change);
      } catch (RuntimeException e) {
        LOG.warn("a config listener failed", e);
      }
    }
  }

  private VersionedValue<T> decode(ChildData d) {
    try {
      return new VersionedValue<>(codec.decode(d.data()), d.stat().version());
    } catch (IllegalArgumentException e) {
      LOG.warn("{} cannot be decoded; treated as absent", d.path(), e);
      return null;
    }
  }
}
