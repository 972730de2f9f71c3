package io.paddock.client.internal;

import io.paddock.client.AclAndStat;
import io.paddock.client.BlockingPaddockClient;
import io.paddock.client.ChildrenAndStat;
import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.CreateResult;
import io.paddock.client.DataAndStat;
import io.paddock.client.Op;
import io.paddock.client.OpResult;
import io.paddock.client.PaddockClient;
import io.paddock.client.Watcher;
import io.paddock.client.protocol.ClientInfo;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PaddockClient} implementation: builds each op's {@link Call} with {@link Operations}
 * and hands it to the {@link ClientCore}, whose futures complete on the event thread.
 */
public final class AsyncClient implements PaddockClient {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncClient.class);

  private final ClientCore core;
  private final Operations ops;
  private final MultiOperations multiOps;
  private final BlockingClient blocking;

  /** Builds the client and starts connecting. */
  public AsyncClient(ClientConfig config) {
    this(config, List.of());
  }

  /**
   * Creates the client with listeners that are registered before it starts connecting.
   *
   * @param config the settings
   * @param stateListeners listeners that must see every state change, the first one included
   */
  public AsyncClient(ClientConfig config, List<ConnectionStateListener> stateListeners) {
    this.core = new ClientCore(config);
    stateListeners.forEach(core::addListener);
    Chroot chroot = new Chroot(config.connectString().chroot());
    this.ops = new Operations(chroot);
    this.multiOps = new MultiOperations(chroot);
    this.blocking = new BlockingClient(this, core, ops, multiOps);
    core.start();
  }

  /** The engine (for tests in this package). */
  ClientCore core() {
    return core;
  }

  @Override
  public CompletableFuture<CreateResult> create(
      String path, byte[] data, List<Acl> acl, CreateMode mode) {
    return create(path, data, acl, mode, -1);
  }

  @Override
  public CompletableFuture<CreateResult> create(
      String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs) {
    return core.submit(ops.create(path, data, acl, mode, ttlMs), false);
  }

  @Override
  public CompletableFuture<Void> delete(String path, int version) {
    return core.submit(ops.delete(path, version), false);
  }

  @Override
  public CompletableFuture<Stat> exists(String path) {
    return core.submit(ops.exists(path, null), false);
  }

  @Override
  public CompletableFuture<Stat> exists(String path, Watcher watcher) {
    return core.submit(ops.exists(path, Objects.requireNonNull(watcher, "watcher")), false);
  }

  @Override
  public CompletableFuture<DataAndStat> getData(String path) {
    return core.submit(ops.getData(path, null), false);
  }

  @Override
  public CompletableFuture<DataAndStat> getData(String path, Watcher watcher) {
    return core.submit(ops.getData(path, Objects.requireNonNull(watcher, "watcher")), false);
  }

  @Override
  public CompletableFuture<Stat> setData(String path, byte[] data, int version) {
    return core.submit(ops.setData(path, data, version), false);
  }

  @Override
  public CompletableFuture<AclAndStat> getAcl(String path) {
    return core.submit(ops.getAcl(path), false);
  }

  @Override
  public CompletableFuture<Stat> setAcl(String path, List<Acl> acl, int aclVersion) {
    return core.submit(ops.setAcl(path, acl, aclVersion), false);
  }

  @Override
  public CompletableFuture<List<String>> getChildren(String path) {
    return core.submit(ops.getChildren(path, null), false);
  }

  @Override
  public CompletableFuture<List<String>> getChildren(String path, Watcher watcher) {
    return core.submit(ops.getChildren(path, Objects.requireNonNull(watcher, "watcher")), false);
  }

  @Override
  public CompletableFuture<ChildrenAndStat> getChildrenAndStat(String path) {
    return core.submit(ops.getChildrenAndStat(path, null), false);
  }

  @Override
  public CompletableFuture<ChildrenAndStat> getChildrenAndStat(String path, Watcher watcher) {
    return core.submit(
        ops.getChildrenAndStat(path, Objects.requireNonNull(watcher, "watcher")), false);
  }

  @Override
  public CompletableFuture<String> sync(String path) {
    return core.submit(ops.sync(path), false);
  }

  @Override
  public CompletableFuture<List<OpResult>> multi(List<Op> list) {
    return list.isEmpty()
        ? CompletableFuture.completedFuture(List.of())
        : core.submit(multiOps.multi(list, false), false);
  }

  @Override
  public CompletableFuture<List<OpResult>> multiRead(List<Op> list) {
    return list.isEmpty()
        ? CompletableFuture.completedFuture(List.of())
        : core.submit(multiOps.multi(list, true), false);
  }

  @Override
  public CompletableFuture<Void> addAuthInfo(String scheme, byte[] auth) {
    return core.addAuth(
        Objects.requireNonNull(scheme, "scheme"), Objects.requireNonNull(auth, "auth"), false);
  }

  @Override
  public CompletableFuture<Void> addWatch(String path, AddWatchMode mode, Watcher watcher) {
    return core.submit(ops.addWatch(path, mode, watcher), false);
  }

  @Override
  public CompletableFuture<Void> removeWatches(String path, Watcher watcher, WatcherType type) {
    return core.submit(
        ops.removeWatches(path, Objects.requireNonNull(watcher, "watcher"), type), false);
  }

  @Override
  public CompletableFuture<Void> removeAllWatches(String path, WatcherType type) {
    return core.submit(ops.removeWatches(path, null, type), false);
  }

  @Override
  public CompletableFuture<Void> checkWatches(String path, WatcherType type) {
    return core.submit(ops.checkWatches(path, type), false);
  }

  @Override
  public CompletableFuture<List<String>> getEphemerals(String prefixPath) {
    return core.submit(ops.getEphemerals(prefixPath), false);
  }

  @Override
  public CompletableFuture<Integer> getAllChildrenNumber(String path) {
    return core.submit(ops.getAllChildrenNumber(path), false);
  }

  @Override
  public CompletableFuture<List<ClientInfo>> whoAmI() {
    return core.submit(ops.whoAmI(), false);
  }

  @Override
  public BlockingPaddockClient blocking() {
    return blocking;
  }

  @Override
  public ConnectionState state() {
    return core.state();
  }

  @Override
  public long sessionId() {
    return core.sessionId();
  }

  @Override
  public byte[] sessionPassword() {
    return core.password();
  }

  @Override
  public int negotiatedSessionTimeoutMs() {
    return core.negotiatedTimeoutMs();
  }

  @Override
  public void addStateListener(ConnectionStateListener listener) {
    core.addListener(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeStateListener(ConnectionStateListener listener) {
    core.removeListener(listener);
  }

  @Override
  public void close() {
    CompletableFuture<Void> terminated = core.closeAsync();
    if (core.isEventThread() || core.isIoThread()) {
      return; // waiting here would wait for ourselves
    }
    try {
      terminated.get(
          ClientLimits.CLOSE_REPLY_WAIT_MS_MAX + ClientLimits.CLOSE_THREADS_WAIT_MS_MAX,
          TimeUnit.MILLISECONDS);
      core.awaitThreads(ClientLimits.CLOSE_THREADS_WAIT_MS_MAX);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("close did not finish cleanly: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "PaddockClient[session=0x" + Long.toHexString(sessionId()) + ", " + state() + "]";
  }
}
