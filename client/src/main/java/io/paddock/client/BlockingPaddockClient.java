package io.paddock.client;

import io.paddock.client.protocol.ClientInfo;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.time.Duration;
import java.util.List;

/**
 * The blocking view of a {@link PaddockClient} ({@link PaddockClient#blocking()}): the same ops
 * with the same meaning, each waiting for its reply and throwing a typed {@link PaddockException}.
 *
 * <p>Replies to blocking calls go straight to the waiting thread, not through the event thread, so
 * a watcher or listener may call these methods. A call waits as long as ZooKeeper's client would:
 * until the reply, a connection loss, the connection timeout (for a call made while disconnected),
 * or the end of the session. Every method throws {@link InterruptedException} when the waiting
 * thread is interrupted (the request may still run).
 */
public interface BlockingPaddockClient {

  /**
   * Waits until the client is connected.
   *
   * @throws PaddockException.OperationTimeoutException if it is not connected within the timeout
   * @throws PaddockException.SessionExpiredException if the client is expired or closed
   * @throws PaddockException.AuthFailedException if the client failed authentication
   */
  void awaitConnected(Duration timeout) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#create(String, byte[], List, CreateMode)}. */
  CreateResult create(String path, byte[] data, List<Acl> acl, CreateMode mode)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#create(String, byte[], List, CreateMode, long)}. */
  CreateResult create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#delete}. */
  void delete(String path, int version) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#exists(String)}; null when the node does not exist. */
  Stat exists(String path) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#exists(String, Watcher)}. */
  Stat exists(String path, Watcher watcher) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getData(String)}. */
  DataAndStat getData(String path) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getData(String, Watcher)}. */
  DataAndStat getData(String path, Watcher watcher) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#setData}. */
  Stat setData(String path, byte[] data, int version) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getAcl}. */
  AclAndStat getAcl(String path) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#setAcl}. */
  Stat setAcl(String path, List<Acl> acl, int aclVersion)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getChildren(String)}. */
  List<String> getChildren(String path) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getChildren(String, Watcher)}. */
  List<String> getChildren(String path, Watcher watcher)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getChildrenAndStat(String)}. */
  ChildrenAndStat getChildrenAndStat(String path) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getChildrenAndStat(String, Watcher)}. */
  ChildrenAndStat getChildrenAndStat(String path, Watcher watcher)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#sync}. */
  String sync(String path) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#multi}; a failure throws the first failing op's exception. */
  List<OpResult> multi(List<Op> ops) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#multiRead}. */
  List<OpResult> multiRead(List<Op> ops) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#addAuthInfo}. */
  void addAuthInfo(String scheme, byte[] auth) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#addWatch}. */
  void addWatch(String path, AddWatchMode mode, Watcher watcher)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#removeWatches}. */
  void removeWatches(String path, Watcher watcher, WatcherType type)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#removeAllWatches}. */
  void removeAllWatches(String path, WatcherType type)
      throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#checkWatches}. */
  void checkWatches(String path, WatcherType type) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getEphemerals}. */
  List<String> getEphemerals(String prefixPath) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#getAllChildrenNumber}. */
  int getAllChildrenNumber(String path) throws PaddockException, InterruptedException;

  /** See {@link PaddockClient#whoAmI}. */
  List<ClientInfo> whoAmI() throws PaddockException, InterruptedException;

  /** The asynchronous client this view belongs to. */
  PaddockClient async();
}
