package io.paddock.client;

import io.paddock.client.protocol.ClientInfo;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the ZooKeeper 3.9 wire protocol, for Paddock and Apache ZooKeeper alike: one session,
 * kept across reconnects, with an asynchronous API. Build one with {@link #builder()}.
 *
 * <p><b>Futures and threads.</b> Every op returns a {@link CompletableFuture} that completes on the
 * client's single event thread, in the order the replies came, interleaved with watch events and
 * state changes exactly as they happened: a watch event is delivered before the completion of any
 * read that shows its change. Stages chained with the non-async {@code then…} methods run on that
 * thread too, so they must not block for long. Calling {@code get()} or {@code join()} on an
 * unfinished future from the event thread would deadlock and throws {@link IllegalStateException}
 * instead; from a callback, use {@link #blocking()} (which does not need the event thread) or
 * compose the future. Failures are {@link PaddockException}s (wrapped in a {@code
 * CompletionException} where CompletableFuture does that).
 *
 * <p><b>Connection loss.</b> A request that was sent when the connection dropped fails with {@link
 * PaddockException.ConnectionLossException}; it is never re-sent on its own (it may or may not have
 * taken effect: the caller decides). A request made while disconnected waits, unsent, for the next
 * connection, at most the connection timeout of the builder, then fails with ConnectionLoss. Once
 * the client is {@link ConnectionState#isTerminal() terminal}, every call fails at once.
 *
 * <p><b>Paths.</b> Paths are client paths, validated as ZooKeeper's client does (an invalid path
 * throws {@link IllegalArgumentException} from the call itself); the chroot of the connect string
 * is added on the way out and stripped from every path that comes back.
 */
public interface PaddockClient extends AutoCloseable {

  /** A new builder. */
  static PaddockClientBuilder builder() {
    return new PaddockClientBuilder();
  }

  /**
   * Creates a node (op create2, createContainer for {@link CreateMode#CONTAINER}).
   *
   * @param path the path; a sequential mode appends a 10-digit suffix
   * @param data the data, may be null
   * @param acl the ACL; null or empty fails with InvalidAcl
   * @param mode the kind of node; the TTL modes need {@link #create(String, byte[], List,
   *     CreateMode, long)}
   * @return the actual path and the new node's stat; NodeExists, NoNode (parent missing), NoAuth,
   *     NoChildrenForEphemerals, InvalidAcl … on failure
   */
  CompletableFuture<CreateResult> create(String path, byte[] data, List<Acl> acl, CreateMode mode);

  /**
   * Creates a node with a TTL (op createTTL for the TTL modes; the server must have extended types
   * enabled, else Unimplemented).
   *
   * @param ttlMs 1..0xFF_FFFF_FFFF for the TTL modes; must be −1 for the other modes
   * @throws IllegalArgumentException for a TTL out of range or given to a non-TTL mode
   */
  CompletableFuture<CreateResult> create(
      String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs);

  /**
   * Deletes a node.
   *
   * @param version the expected data version, −1 for any
   * @return NoNode, BadVersion, NotEmpty, NoAuth … on failure
   */
  CompletableFuture<Void> delete(String path, int version);

  /** The node's stat, or null (not an exception) when it does not exist. */
  CompletableFuture<Stat> exists(String path);

  /**
   * The node's stat, or null when it does not exist; sets a one-shot watch either way: a data watch
   * when the node exists, an exist watch (fires on create) when it does not.
   */
  CompletableFuture<Stat> exists(String path, Watcher watcher);

  /** The node's data and stat; NoNode when it does not exist. */
  CompletableFuture<DataAndStat> getData(String path);

  /** The node's data and stat, and a one-shot data watch (set only if the node exists). */
  CompletableFuture<DataAndStat> getData(String path, Watcher watcher);

  /**
   * Sets a node's data.
   *
   * @param version the expected data version, −1 for any
   * @return the stat after the change; NoNode, BadVersion, NoAuth … on failure
   */
  CompletableFuture<Stat> setData(String path, byte[] data, int version);

  /** The node's ACL and stat. */
  CompletableFuture<AclAndStat> getAcl(String path);

  /**
   * Sets a node's ACL.
   *
   * @param aclVersion the expected ACL version ({@code aversion}), −1 for any
   * @return the stat after the change
   */
  CompletableFuture<Stat> setAcl(String path, List<Acl> acl, int aclVersion);

  /** The node's child names. */
  CompletableFuture<List<String>> getChildren(String path);

  /** The node's child names, and a one-shot child watch (set only if the node exists). */
  CompletableFuture<List<String>> getChildren(String path, Watcher watcher);

  /** The node's child names and its stat (op getChildren2). */
  CompletableFuture<ChildrenAndStat> getChildrenAndStat(String path);

  /** The node's child names and its stat, and a one-shot child watch. */
  CompletableFuture<ChildrenAndStat> getChildrenAndStat(String path, Watcher watcher);

  /**
   * Makes the connected server catch up with the leader before later reads of this client.
   *
   * @return the path, echoed
   */
  CompletableFuture<String> sync(String path);

  /**
   * Applies write ops atomically. An empty list completes at once without a round trip.
   *
   * @param ops create, delete, setData and check ops (see {@link Ops})
   * @return every op's result in op order; when the multi fails, the future fails with the
   *     exception of the first failing op's code and path, carrying all results ({@link
   *     PaddockException#results()})
   * @throws IllegalArgumentException if the list holds a read op
   */
  CompletableFuture<List<OpResult>> multi(List<Op> ops);

  /**
   * Runs read ops (getData, getChildren) in one round trip, each on its own.
   *
   * @return every op's result; a failed read is an {@link OpResult.Error}, not an exception
   * @throws IllegalArgumentException if the list holds a write op
   */
  CompletableFuture<List<OpResult>> multiRead(List<Op> ops);

  /**
   * Adds a credential to the session (for example scheme {@code digest}, auth {@code
   * "user:password"} bytes). It is kept and re-sent after every reconnect. The future completes
   * when a server has accepted it; a refusal makes the client {@link ConnectionState#AUTH_FAILED}.
   */
  CompletableFuture<Void> addAuthInfo(String scheme, byte[] auth);

  /**
   * Adds a persistent watch that stays until removed: {@link AddWatchMode#PERSISTENT} sees the
   * node's data, existence and children; {@link AddWatchMode#PERSISTENT_RECURSIVE} sees data and
   * existence of the node and every descendant (no child events). The node need not exist.
   */
  CompletableFuture<Void> addWatch(String path, AddWatchMode mode, Watcher watcher);

  /**
   * Removes one watcher's watches of a type on a path; the watcher then gets a {@code
   * …_WATCH_REMOVED} event. The server's watch is removed too when no other watcher of the type
   * remains on the path.
   *
   * @return NoWatcher (without a round trip) when the watcher holds no such watch
   */
  CompletableFuture<Void> removeWatches(String path, Watcher watcher, WatcherType type);

  /** Removes every watch of a type on a path, here and on the server; NoWatcher if none. */
  CompletableFuture<Void> removeAllWatches(String path, WatcherType type);

  /**
   * Asks the server whether this session holds a watch of the type on the path; NoWatcher if not.
   */
  CompletableFuture<Void> checkWatches(String path, WatcherType type);

  /** The paths of this session's ephemeral nodes under a prefix path ("/" for all). */
  CompletableFuture<List<String>> getEphemerals(String prefixPath);

  /** The number of all descendants of a node (the node itself excluded). */
  CompletableFuture<Integer> getAllChildrenNumber(String path);

  /** The identities the server gives this session (for example {@code ip}, {@code digest}). */
  CompletableFuture<List<ClientInfo>> whoAmI();

  /** The blocking view of this client: the same ops, waiting, throwing checked exceptions. */
  BlockingPaddockClient blocking();

  /** The current state. */
  ConnectionState state();

  /** The session id, or 0 before the first session. */
  long sessionId();

  /** A copy of the session password (16 zero bytes before the first session). */
  byte[] sessionPassword();

  /** The session timeout the server granted, or 0 before the first session. */
  int negotiatedSessionTimeoutMs();

  /** Adds a state listener; it will see every later change. */
  void addStateListener(ConnectionStateListener listener);

  /** Removes a state listener. */
  void removeStateListener(ConnectionStateListener listener);

  /**
   * Closes the session (closeSession when connected, waiting a bounded time for the reply), fails
   * every outstanding call with SessionExpired, tells listeners {@link ConnectionState#CLOSED} and
   * stops the client's threads. Idempotent; safe to call from a callback (it then does not wait for
   * the event thread).
   */
  @Override
  void close();
}
