package io.paddock.recipes.naming;

import io.paddock.recipes.cache.ChildData;
import io.paddock.recipes.cache.NodeCache;
import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;

/**
 * A watch of one name (a {@link NodeCache} of its node): its current binding, and a listener told
 * of every change, also after reconnects. Close it to remove the watch. Thread-safe.
 */
public final class NameWatch implements Closeable {
  private final NodeCache cache;

  NameWatch(NodeCache cache, String name, NameListener listener) {
    this.cache = cache;
    cache.addListener((before, after) -> listener.nameChanged(name, after.map(ChildData::data)));
  }

  /** Waits for the first read of the name. */
  public boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return cache.awaitInitialized(timeout);
  }

  /** The name's data as last seen, or empty when it is unbound. */
  public Optional<byte[]> current() {
    return cache.currentData().map(ChildData::data);
  }

  /** Stops watching. */
  @Override
  public void close() {
    cache.close();
  }
}
