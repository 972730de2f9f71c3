package io.paddock.recipes.internal;

import io.paddock.client.PaddockException;
import io.paddock.client.WatchedEvent;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.store.model.ErrorCode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small shared integer in one node (4 bytes, big-endian, as Curator's SharedCount), kept current
 * by a data watch and re-read at every reconnect; a seed value creates the node when missing. The
 * semaphore's dynamic maximum; the public SharedCount recipe may replace it.
 */
public final class SharedCountNode implements CountSource, AutoCloseable {
  private final WatcherRemovingFramework framework;
  private final String path;
  private final int seedValue;
  private final Lifecycle lifecycle = new Lifecycle("the shared count");
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final ConnectionStateListener reconnect =
      (fw, state) -> {
        if (state.isConnected()) {
          read();
        }
      };
  private final io.paddock.client.Watcher watcher = this::onEvent;
  private volatile int value;

  /**
   * A count on a path.
   *
   * @param seedValue the value written when the node does not exist
   */
  public SharedCountNode(PaddockFramework framework, String path, int seedValue) {
    this.framework = framework.newWatcherRemovingFramework();
    this.path = path;
    this.seedValue = seedValue;
    this.value = seedValue;
  }

  /** Encodes a value as the node holds it. */
  public static byte[] encode(int value) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
  }

  /** Creates the node if missing, reads it and starts watching. */
  public void start() throws PaddockException, InterruptedException {
    lifecycle.start();
    try {
      framework.create().creatingParentContainersIfNeeded().forPath(path, encode(seedValue));
    } catch (PaddockException.NodeExistsException exists) {
      // someone seeded it: its value counts
    }
    framework.addConnectionStateListener(reconnect);
    Blocking.await(read());
  }

  /** Sets the value (unconditionally). */
  public void setCount(int newValue) throws PaddockException, InterruptedException {
    framework.setData().forPath(path, encode(newValue));
  }

  @Override
  public int count() {
    return value;
  }

  @Override
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  private CompletableFuture<Void> read() {
    if (!lifecycle.isStarted()) {
      return CompletableFuture.completedFuture(null);
    }
    return framework
        .getData()
        .usingWatcher(watcher)
        .forPathAsync(path)
        .toCompletableFuture()
        .thenAccept(
            data -> {
              if (data == null || data.length != Integer.BYTES) {
                throw new IllegalStateException("the shared count at " + path + " is corrupt");
              }
              value = ByteBuffer.wrap(data).getInt();
              listeners.forEach(Runnable::run);
            })
        .exceptionally(
            e -> {
              if (!Failures.is(e, ErrorCode.NONODE)) {
                org.slf4j.LoggerFactory.getLogger(SharedCountNode.class)
                    .warn("cannot read the shared count {}", path, e);
              }
              return null;
            });
  }

  private void onEvent(WatchedEvent event) {
    if (event.path() != null) {
      read();
    }
  }

  @Override
  public void close() {
    if (lifecycle.close()) {
      framework.removeConnectionStateListener(reconnect);
      framework.removeWatchers();
    }
  }
}
