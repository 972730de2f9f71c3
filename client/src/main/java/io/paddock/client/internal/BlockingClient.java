package io.paddock.client.internal;

import io.paddock.client.AclAndStat;
import io.paddock.client.BlockingPaddockClient;
import io.paddock.client.ChildrenAndStat;
import io.paddock.client.ConnectionState;
import io.paddock.client.CreateResult;
import io.paddock.client.DataAndStat;
import io.paddock.client.Op;
import io.paddock.client.OpResult;
import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.client.protocol.ClientInfo;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The {@link BlockingPaddockClient} implementation: submits calls in "direct" mode, whose futures
 * the I/O thread completes itself, so waiting never depends on the event thread (and works from
 * inside callbacks).
 */
final class BlockingClient implements BlockingPaddockClient {
  private final PaddockClient async;
  private final ClientCore core;
  private final Operations ops;
  private final MultiOperations multiOps;

  BlockingClient(PaddockClient async, ClientCore core, Operations ops, MultiOperations multiOps) {
    this.async = async;
    this.core = core;
    this.ops = ops;
    this.multiOps = multiOps;
  }

  private <T> T call(Call<T> call) throws PaddockException, InterruptedException {
    return await(core.submit(call, true));
  }

  private static <T> T await(CompletableFuture<T> future)
      throws PaddockException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof PaddockException pe) {
        pe.fillInStackTrace(); // each exception reaches exactly one waiter: show the caller's stack
        throw pe;
      } else if (cause instanceof RuntimeException re) {
        throw re;
      } else if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void awaitConnected(Duration timeout) throws PaddockException, InterruptedException {
    ConnectionState state = core.awaitConnectedOrTerminal(timeout.toMillis());
    if (state.isConnected()) {
      return;
    }
    throw switch (state) {
      case AUTH_FAILED -> new PaddockException.AuthFailedException(null);
      case EXPIRED, CLOSED -> new PaddockException.SessionExpiredException(null);
      default -> new PaddockException.OperationTimeoutException(null);
    };
  }

  @Override
  public CreateResult create(String path, byte[] data, List<Acl> acl, CreateMode mode)
      throws PaddockException, InterruptedException {
    return call(ops.create(path, data, acl, mode, -1));
  }

  @Override
  public CreateResult create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs)
      throws PaddockException, InterruptedException {
    return call(ops.create(path, data, acl, mode, ttlMs));
  }

  @Override
  public void delete(String path, int version) throws PaddockException, InterruptedException {
    call(ops.delete(path, version));
  }

  @Override
  public Stat exists(String path) throws PaddockException, InterruptedException {
    return call(ops.exists(path, null));
  }

  @Override
  public Stat exists(String path, Watcher watcher) throws PaddockException, InterruptedException {
    return call(ops.exists(path, Objects.requireNonNull(watcher, "watcher")));
  }

  @Override
  public DataAndStat getData(String path) throws PaddockException, InterruptedException {
    return call(ops.getData(path, null));
  }

  @Override
  public DataAndStat getData(String path, Watcher watcher)
      throws PaddockException, InterruptedException {
    return call(ops.getData(path, Objects.requireNonNull(watcher, "watcher")));
  }

  @Override
  public Stat setData(String path, byte[] data, int version)
      throws PaddockException, InterruptedException {
    return call(ops.setData(path, data, version));
  }

  @Override
  public AclAndStat getAcl(String path) throws PaddockException, InterruptedException {
    return call(ops.getAcl(path));
  }

  @Override
  public Stat setAcl(String path, List<Acl> acl, int aclVersion)
      throws PaddockException, InterruptedException {
    return call(ops.setAcl(path, acl, aclVersion));
  }

  @Override
  public List<String> getChildren(String path) throws PaddockException, InterruptedException {
    return call(ops.getChildren(path, null));
  }

  @Override
  public List<String> getChildren(String path, Watcher watcher)
      throws PaddockException, InterruptedException {
    return call(ops.getChildren(path, Objects.requireNonNull(watcher, "watcher")));
  }

  @Override
  public ChildrenAndStat getChildrenAndStat(String path)
      throws PaddockException, InterruptedException {
    return call(ops.getChildrenAndStat(path, null));
  }

  @Override
  public ChildrenAndStat getChildrenAndStat(String path, Watcher watcher)
      throws PaddockException, InterruptedException {
    return call(ops.getChildrenAndStat(path, Objects.requireNonNull(watcher, "watcher")));
  }

  @Override
  public String sync(String path) throws PaddockException, InterruptedException {
    return call(ops.sync(path));
  }

  @Override
  public List<OpResult> multi(List<Op> list) throws PaddockException, InterruptedException {
    return list.isEmpty() ? List.of() : call(multiOps.multi(list, false));
  }

  @Override
  public List<OpResult> multiRead(List<Op> list) throws PaddockException, InterruptedException {
    return list.isEmpty() ? List.of() : call(multiOps.multi(list, true));
  }

  @Override
  public void addAuthInfo(String scheme, byte[] auth)
      throws PaddockException, InterruptedException {
    await(
        core.addAuth(
            Objects.requireNonNull(scheme, "scheme"), Objects.requireNonNull(auth, "auth"), true));
  }

  @Override
  public void addWatch(String path, AddWatchMode mode, Watcher watcher)
      throws PaddockException, InterruptedException {
    call(ops.addWatch(path, mode, watcher));
  }

  @Override
  public void removeWatches(String path, Watcher watcher, WatcherType type)
      throws PaddockException, InterruptedException {
    call(ops.removeWatches(path, Objects.requireNonNull(watcher, "watcher"), type));
  }

  @Override
  public void removeAllWatches(String path, WatcherType type)
      throws PaddockException, InterruptedException {
    call(ops.removeWatches(path, null, type));
  }

  @Override
  public void checkWatches(String path, WatcherType type)
      throws PaddockException, InterruptedException {
    call(ops.checkWatches(path, type));
  }

  @Override
  public List<String> getEphemerals(String prefixPath)
      throws PaddockException, InterruptedException {
    return call(ops.getEphemerals(prefixPath));
  }

  @Override
  public int getAllChildrenNumber(String path) throws PaddockException, InterruptedException {
    return call(ops.getAllChildrenNumber(path));
  }

  @Override
  public List<ClientInfo> whoAmI() throws PaddockException, InterruptedException {
    return call(ops.whoAmI());
  }

  @Override
  public PaddockClient async() {
    return async;
  }
}
