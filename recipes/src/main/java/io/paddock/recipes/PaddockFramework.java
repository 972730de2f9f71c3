package io.paddock.recipes;

import io.paddock.client.PaddockClient;
import io.paddock.client.Watcher;
import java.time.Duration;

/**
 * The Curator-like framework over one Paddock client: fluent operations with retries, namespaces,
 * connection states, protected creation, guaranteed deletes; the base of every recipe.
 *
 * <pre>{@code
 * try (PaddockFramework fw = PaddockFramework.builder()
 *     .connectString("zk1:2181,zk2:2181")
 *     .retryPolicy(new ExponentialBackoffRetry(100, 5))
 *     .namespace("app")
 *     .build()) {
 *   fw.start();
 *   fw.blockUntilConnected(Duration.ofSeconds(10));
 *   fw.create().creatingParentContainersIfNeeded().forPath("/a/b", data);
 * }
 * }</pre>
 *
 * <p>Every operation comes blocking ({@code forPath}, which throws {@link
 * io.paddock.client.PaddockException}) and asynchronous ({@code forPathAsync}, a CompletionStage
 * that completes on the client's event thread or the framework's scheduler — chain only short,
 * non-blocking work on it). A blocking call made on the client's own threads (from a watcher)
 * throws IllegalStateException instead of deadlocking. Not meant to be implemented outside this
 * module. Thread-safe.
 */
public interface PaddockFramework extends AutoCloseable {

  /** A new builder. */
  static PaddockFrameworkBuilder builder() {
    return new PaddockFrameworkBuilder();
  }

  /**
   * Starts connecting (in the background). Once only.
   *
   * @throws IllegalStateException if started before or closed
   */
  void start();

  /**
   * Closes the client (its session ends: ephemeral nodes go) and stops the framework's threads.
   * Every facade over the same connection is closed with it. Idempotent.
   */
  @Override
  void close();

  /**
   * Waits until the framework is connected.
   *
   * @return true if connected within the timeout
   */
  boolean blockUntilConnected(Duration timeout) throws InterruptedException;

  /** True while connected (CONNECTED, RECONNECTED or READ_ONLY was the last state). */
  boolean isConnected();

  /**
   * A facade over the same connection with another namespace; closing either closes both.
   *
   * @param namespace a name like {@code app} or {@code app/sub}; null or empty for none
   */
  PaddockFramework usingNamespace(String namespace);

  /** This facade's namespace, "" for none. */
  String namespace();

  /**
   * A facade that remembers every watch set through it, so {@link
   * WatcherRemovingFramework#removeWatchers()} can remove them (recipes call it on close).
   */
  WatcherRemovingFramework newWatcherRemovingFramework();

  /** The raw client now in use (a new one after each LOST), for escape hatches. */
  PaddockClient client();

  /** The server path of a path of this facade (the namespace added). */
  String fullPath(String path);

  /** The path of this facade for a server path (the namespace stripped). */
  String localPath(String fullPath);

  /** The retry policy of every operation. */
  RetryPolicy retryPolicy();

  /** Which connection states recipes treat as errors. */
  ConnectionStateErrorPolicy errorPolicy();

  /**
   * Adds a listener of connection states; it runs on the framework's dedicated state thread and
   * sees every state after this call.
   */
  void addConnectionStateListener(ConnectionStateListener listener);

  /** Removes a listener of connection states. */
  void removeConnectionStateListener(ConnectionStateListener listener);

  /**
   * Adds a listener of the events of watches set with {@code watched()}; it runs on the client's
   * event thread and must not block.
   */
  void addWatchListener(Watcher listener);

  /** Removes a listener of {@code watched()} events. */
  void removeWatchListener(Watcher listener);

  /** A create. */
  CreateBuilder create();

  /** A delete. */
  DeleteBuilder delete();

  /** A setData. */
  SetDataBuilder setData();

  /** A getData. */
  GetDataBuilder getData();

  /** An exists check. */
  ExistsBuilder checkExists();

  /** A getChildren. */
  GetChildrenBuilder getChildren();

  /** A transaction (an atomic multi). */
  TransactionBuilder transaction();

  /** Persistent watches, and removal of watches. */
  WatchesBuilder watches();
}
