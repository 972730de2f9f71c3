package io.paddock.recipes.shared;

import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.ClientThreads;
import io.paddock.recipes.internal.Failures;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value of bytes every client shares through one persistent node (Curator's SharedValue): {@link
 * #start()} creates the node with the seed when it is missing, then a data watch keeps the local
 * copy current; every reconnect reads it again (a change made while disconnected is not missed).
 *
 * <p>The local copy only moves forward: a read older (by mzxid) than what we hold is ignored.
 * Listeners hear every newer value this object learns, its own writes included, on the recipe's
 * notification thread (or their executor), never on the client's event thread.
 *
 * <p>Writes: {@link #setValue} is unconditional; {@link #trySetValue} is a versioned
 * compare-and-set against the {@link VersionedValue} the caller read, and fails (returning false,
 * having read the newer value) when anybody wrote in between. Closing stops watching and leaves the
 * node: the value is the point. Thread-safe.
 */
public final class SharedValue implements SharedValueReader, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedValue.class);

  private final WatcherRemovingFramework framework;
  private final String path;
  private final byte[] seedValue;
  private final Lifecycle lifecycle = new Lifecycle("the shared value");
  private final Map<SharedValueListener, Executor> listeners = new ConcurrentHashMap<>();
  private final ConnectionStateListener stateListener = this::onStateChanged;
  private final Watcher watcher = this::onEvent;
  private final ExecutorService notifier =
      Executors.newSingleThreadExecutor(ClientThreads.daemon("shared-value"));
  private final Object updateLock = new Object();
  private volatile VersionedValue<byte[]> current;

  /**
   * A shared value on a path.
   *
   * @param framework the framework (its namespace applies)
   * @param path the node holding the value
   * @param seedValue the value written at start when the node does not exist
   */
  public SharedValue(PaddockFramework framework, String path, byte[] seedValue) {
    ZnodePaths.validate(framework.fullPath(path));
    this.framework = framework.newWatcherRemovingFramework();
    this.path = path;
    this.seedValue = Objects.requireNonNull(seedValue, "seedValue").clone();
    this.current = new VersionedValue<>(-1, -1, this.seedValue);
  }

  /**
   * Creates the node with the seed if it is missing, reads it and starts watching. Once only.
   *
   * @throws PaddockException if the node cannot be created or read within the retry policy
   */
  public void start() throws PaddockException, InterruptedException {
    lifecycle.start();
    framework.addConnectionStateListener(stateListener);
    try {
      framework.create().creatingParentContainersIfNeeded().forPath(path, seedValue);
    } catch (PaddockException.NodeExistsException exists) {
      // another client seeded it: its value counts
    }
    Blocking.await(readValue());
  }

  /** Stops watching; the node stays. Idempotent. */
  @Override
  public void close() {
    if (lifecycle.close()) {
      framework.removeConnectionStateListener(stateListener);
      framework.removeWatchers();
      listeners.clear();
      notifier.shutdown();
    }
  }

  /** The node's path. */
  public String path() {
    return path;
  }

  @Override
  public byte[] getValue() {
    return current.value().clone();
  }

  @Override
  public VersionedValue<byte[]> getVersionedValue() {
    VersionedValue<byte[]> v = current;
    return new VersionedValue<>(v.zxid(), v.version(), v.value().clone());
  }

  /**
   * Writes a value unconditionally.
   *
   * @throws IllegalStateException unless started
   */
  public void setValue(byte[] newValue) throws PaddockException, InterruptedException {
    lifecycle.checkStarted();
    byte[] copy = newValue.clone();
    Stat stat = framework.setData().forPath(path, copy);
    update(stat, copy);
  }

  /**
   * Writes a value only if the node still holds the version the caller read (compare-and-set).
   * Fails fast without a write when this object already knows a newer value; on a lost race it
   * reads the newer value (see {@link #getVersionedValue()}) and returns false.
   *
   * @param previous the value the caller read, from {@link #getVersionedValue()}
   * @return true if written
   * @throws IllegalTrySetVersionException if {@code previous} has version −1 (a wrapped version)
   * @throws IllegalStateException unless started
   */
  public boolean trySetValue(VersionedValue<byte[]> previous, byte[] newValue)
      throws PaddockException, InterruptedException {
    lifecycle.checkStarted();
    if (previous.version() == -1) {
      throw new IllegalTrySetVersionException();
    }
    VersionedValue<byte[]> now = current;
    if (now.zxid() != previous.zxid() || !Arrays.equals(now.value(), previous.value())) {
      return false;
    }
    byte[] copy = newValue.clone();
    try {
      Stat stat = framework.setData().withVersion(previous.version()).forPath(path, copy);
      update(stat, copy);
      return true;
    } catch (PaddockException.BadVersionException | PaddockException.NoNodeException lost) {
      Blocking.await(readValue());
      return false;
    }
  }

  @Override
  public void addListener(SharedValueListener listener) {
    addListener(listener, notifier);
  }

  @Override
  public void addListener(SharedValueListener listener, Executor executor) {
    listeners.put(
        Objects.requireNonNull(listener, "listener"), Objects.requireNonNull(executor, "executor"));
  }

  @Override
  public void removeListener(SharedValueListener listener) {
    listeners.remove(listener);
  }

  /** Reads the node with a watch; a missing node gets an exists watch, to see it come back. */
  private CompletableFuture<Void> readValue() {
    if (!lifecycle.isStarted()) {
      return CompletableFuture.completedFuture(null);
    }
    return framework
        .getData()
        .usingWatcher(watcher)
        .forPathWithStatAsync(path)
        .toCompletableFuture()
        .thenAccept((DataAndStat r) -> update(r.stat(), r.data()))
        .exceptionallyCompose(
            e -> {
              if (Failures.is(e, ErrorCode.NONODE)) {
                return framework
                    .checkExists()
                    .usingWatcher(watcher)
                    .forPathAsync(path)
                    .toCompletableFuture()
                    .thenApply(stat -> null);
              }
              return Failures.failed(e);
            })
        .whenComplete(
            (ok, e) -> {
              if (!lifecycle.isStarted()) {
                // a read in flight when close swept the watches registered its watch afterwards
                framework
                    .watches()
                    .remove(watcher)
                    .ofType(WatcherType.DATA)
                    .quietly()
                    .forPathAsync(path);
              }
            });
  }

  /**
   * Takes a value read or written at {@code stat} if it is newer than ours, and tells listeners.
   */
  private void update(Stat stat, byte[] data) {
    byte[] value = data == null ? new byte[0] : data;
    VersionedValue<byte[]> next = new VersionedValue<>(stat.mzxid(), stat.version(), value);
    synchronized (updateLock) {
      if (current.zxid() >= next.zxid()) {
        return; // the local copy only moves forward
      }
      current = next;
    }
    byte[] copy = value.clone();
    listeners.forEach(
        (listener, executor) ->
            run(executor, () -> listener.valueHasChanged(this, copy.clone()), "valueHasChanged"));
  }

  private void onEvent(WatchedEvent event) {
    if (event.path() != null && lifecycle.isStarted()) {
      readValue().exceptionally(e -> logged("cannot read the shared value", e));
    }
  }

  private void onStateChanged(PaddockFramework fw, ConnectionState state) {
    if (!lifecycle.isStarted()) {
      return;
    }
    if (state == ConnectionState.RECONNECTED) {
      readValue().exceptionally(e -> logged("cannot read the shared value", e)); // CURATOR-311
    }
    listeners.forEach(
        (listener, executor) ->
            run(executor, () -> listener.stateChanged(fw, state), "stateChanged"));
  }

  private Void logged(String what, Throwable e) {
    LOG.warn("{} {}", what, path, Failures.unwrap(e));
    return null;
  }

  /** A listener call that may throw. */
  @FunctionalInterface
  interface ListenerCall {
    void run() throws Exception;
  }

  private void run(Executor executor, ListenerCall call, String what) {
    try {
      executor.execute(
          () -> {
            try {
              call.run();
            } catch (Exception e) {
              LOG.warn("a shared value listener failed in {} for {}", what, path, e);
            }
          });
    } catch (RejectedExecutionException closed) {
      // closed meanwhile: listeners are no longer told
    }
  }
}
