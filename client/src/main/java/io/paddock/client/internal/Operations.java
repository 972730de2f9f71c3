package io.paddock.client.internal;

import io.paddock.client.AclAndStat;
import io.paddock.client.ChildrenAndStat;
import io.paddock.client.CreateResult;
import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.client.protocol.AddWatchRequest;
import io.paddock.client.protocol.CheckWatchesRequest;
import io.paddock.client.protocol.ClientInfo;
import io.paddock.client.protocol.Create2Response;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.ExistsRequest;
import io.paddock.client.protocol.ExistsResponse;
import io.paddock.client.protocol.GetAclRequest;
import io.paddock.client.protocol.GetAclResponse;
import io.paddock.client.protocol.GetAllChildrenNumberRequest;
import io.paddock.client.protocol.GetAllChildrenNumberResponse;
import io.paddock.client.protocol.GetChildren2Request;
import io.paddock.client.protocol.GetChildren2Response;
import io.paddock.client.protocol.GetChildrenRequest;
import io.paddock.client.protocol.GetChildrenResponse;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.client.protocol.GetEphemeralsRequest;
import io.paddock.client.protocol.GetEphemeralsResponse;
import io.paddock.client.protocol.RemoveWatchesRequest;
import io.paddock.client.protocol.Response;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetAclResponse;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.client.protocol.SetDataResponse;
import io.paddock.client.protocol.SyncRequest;
import io.paddock.client.protocol.SyncResponse;
import io.paddock.client.protocol.WhoAmIResponse;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the {@link Call} of every op: client-side validation as ZooKeeper's client does it (paths,
 * ACLs, TTLs), the chroot on the way out and back, and the watch rules of PROTOCOL.md §8.2 (exists
 * registers a data watch on OK and an exist watch on NoNode; the other reads only on OK).
 *
 * <p>Stateless apart from the chroot; safe from any thread.
 */
public final class Operations {
  /** The largest TTL a TTL node may have (PROTOCOL.md §9.5). */
  public static final long TTL_MS_MAX = 0xFF_FFFF_FFFFL;

  private final Chroot chroot;

  /** Operations under a chroot ({@link Chroot#NONE} for none). */
  public Operations(Chroot chroot) {
    this.chroot = chroot;
  }

  /** The chroot. */
  public Chroot chroot() {
    return chroot;
  }

  /** A create; see {@code PaddockClient.create}. */
  public Call<CreateResult> create(
      String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs) {
    Objects.requireNonNull(mode, "mode");
    ZnodePaths.validate(mode.isSequential() ? path + "1" : path);
    validateTtl(mode, ttlMs);
    String server = chroot.toServer(path);
    Call.ReplyHandler<CreateResult> handler =
        ok(
            path,
            body -> {
              Create2Response r = (Create2Response) body;
              return new CreateResult(chroot.toClient(r.path()), r.stat());
            });
    if (mode.isTtl()) {
      return new Call<>(
          OpCode.CREATE_TTL,
          new CreateTtlRequest(server, data, acl, mode.flag(), ttlMs),
          path,
          handler,
          aclCheck(acl, path));
    }
    int op = mode.isContainer() ? OpCode.CREATE_CONTAINER : OpCode.CREATE2;
    return new Call<>(
        op, new CreateRequest(server, data, acl, mode.flag()), path, handler, aclCheck(acl, path));
  }

  /**
   * Checks a TTL against its mode, as ZooKeeper's {@code EphemeralType.validateTTL}.
   *
   * @throws IllegalArgumentException for a TTL out of 1..{@link #TTL_MS_MAX} in a TTL mode, or a
   *     TTL ≥ 0 in another mode
   */
  public static void validateTtl(CreateMode mode, long ttlMs) {
    if (mode.isTtl()) {
      if (ttlMs < 1 || ttlMs > TTL_MS_MAX) {
        throw new IllegalArgumentException("ttl must be 1.." + TTL_MS_MAX + ": " + ttlMs);
      }
    } else if (ttlMs >= 0) {
      throw new IllegalArgumentException("ttl not valid for mode " + mode + ": " + ttlMs);
    }
  }

  /** A delete. */
  public Call<Void> delete(String path, int version) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.DELETE,
        new DeleteRequest(chroot.toServer(path), version),
        path,
        ok(path, body -> null));
  }

  /** An exists, with an optional watcher. */
  public Call<Stat> exists(String path, Watcher watcher) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.EXISTS,
        new ExistsRequest(chroot.toServer(path), watcher != null),
        path,
        (err, body, ctx) -> {
          if (err == ErrorCode.OK.code()) {
            register(ctx, WatchKind.DATA, path, watcher);
            return ((ExistsResponse) body).stat();
          }
          if (err == ErrorCode.NONODE.code()) {
            register(ctx, WatchKind.EXIST, path, watcher);
            return null;
          }
          throw PaddockException.create(err, path);
        });
  }

  /** A getData, with an optional watcher. */
  public Call<DataAndStat> getData(String path, Watcher watcher) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.GET_DATA,
        new GetDataRequest(chroot.toServer(path), watcher != null),
        path,
        watching(
            path,
            WatchKind.DATA,
            watcher,
            body -> {
              GetDataResponse r = (GetDataResponse) body;
              return new DataAndStat(r.data(), r.stat());
            }));
  }

  /** A setData. */
  public Call<Stat> setData(String path, byte[] data, int version) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.SET_DATA,
        new SetDataRequest(chroot.toServer(path), data, version),
        path,
        ok(path, body -> ((SetDataResponse) body).stat()));
  }

  /** A getACL. */
  public Call<AclAndStat> getAcl(String path) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.GET_ACL,
        new GetAclRequest(chroot.toServer(path)),
        path,
        ok(
            path,
            body -> {
              GetAclResponse r = (GetAclResponse) body;
              return new AclAndStat(r.acl(), r.stat());
            }));
  }

  /** A setACL. */
  public Call<Stat> setAcl(String path, List<Acl> acl, int aclVersion) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.SET_ACL,
        new SetAclRequest(chroot.toServer(path), acl, aclVersion),
        path,
        ok(path, body -> ((SetAclResponse) body).stat()),
        aclCheck(acl, path));
  }

  /** A getChildren (op 8), with an optional watcher. */
  public Call<List<String>> getChildren(String path, Watcher watcher) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.GET_CHILDREN,
        new GetChildrenRequest(chroot.toServer(path), watcher != null),
        path,
        watching(path, WatchKind.CHILD, watcher, body -> ((GetChildrenResponse) body).children()));
  }

  /** A getChildren2 (op 12), with an optional watcher. */
  public Call<ChildrenAndStat> getChildrenAndStat(String path, Watcher watcher) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.GET_CHILDREN2,
        new GetChildren2Request(chroot.toServer(path), watcher != null),
        path,
        watching(
            path,
            WatchKind.CHILD,
            watcher,
            body -> {
              GetChildren2Response r = (GetChildren2Response) body;
              return new ChildrenAndStat(r.children(), r.stat());
            }));
  }

  /** A sync. */
  public Call<String> sync(String path) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.SYNC,
        new SyncRequest(chroot.toServer(path)),
        path,
        ok(path, body -> chroot.toClient(((SyncResponse) body).path())));
  }

  /** An addWatch (persistent or recursive). */
  public Call<Void> addWatch(String path, AddWatchMode mode, Watcher watcher) {
    ZnodePaths.validate(path);
    Objects.requireNonNull(watcher, "watcher");
    WatchKind kind =
        mode == AddWatchMode.PERSISTENT ? WatchKind.PERSISTENT : WatchKind.PERSISTENT_RECURSIVE;
    return new Call<>(
        OpCode.ADD_WATCH,
        new AddWatchRequest(chroot.toServer(path), mode.code()),
        path,
        watching(path, kind, watcher, body -> null));
  }

  /**
   * A removal of one watcher's (or, watcher null, everyone's) watches of a type. Just before
   * sending: NoWatcher when nothing local matches; op removeWatches (18) when the server's watch
   * must go, checkWatches (17) when other local watchers still need it.
   */
  public Call<Void> removeWatches(String path, Watcher watcher, WatcherType type) {
    ZnodePaths.validate(path);
    Objects.requireNonNull(type, "type");
    String server = chroot.toServer(path);
    Call.Preparer preparer =
        (call, watches) -> {
          if (!watches.contains(path, watcher, type)) {
            throw new PaddockException.NoWatcherException(path);
          }
          if (watcher != null && !watches.isLastOfType(path, watcher, type)) {
            call.rewrite(OpCode.CHECK_WATCHES, new CheckWatchesRequest(server, type.code()));
          }
        };
    return new Call<>(
        OpCode.REMOVE_WATCHES,
        new RemoveWatchesRequest(server, type.code()),
        path,
        (err, body, ctx) -> {
          if (err != ErrorCode.OK.code()) {
            throw PaddockException.create(err, path);
          }
          ctx.deliverRemoved(ctx.watches().remove(path, watcher, type), path);
          return null;
        },
        preparer);
  }

  /** A checkWatches: does the server hold such a watch of this session? */
  public Call<Void> checkWatches(String path, WatcherType type) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.CHECK_WATCHES,
        new CheckWatchesRequest(chroot.toServer(path), type.code()),
        path,
        ok(path, body -> null));
  }

  /** A getEphemerals; the paths come back with the chroot stripped. */
  public Call<List<String>> getEphemerals(String prefixPath) {
    ZnodePaths.validate(prefixPath);
    return new Call<>(
        OpCode.GET_EPHEMERALS,
        new GetEphemeralsRequest(chroot.toServer(prefixPath)),
        prefixPath,
        ok(
            prefixPath,
            body -> {
              List<String> paths = new ArrayList<>();
              for (String p : ((GetEphemeralsResponse) body).ephemerals()) {
                paths.add(chroot.toClient(p));
              }
              return List.copyOf(paths);
            }));
  }

  /** A getAllChildrenNumber. */
  public Call<Integer> getAllChildrenNumber(String path) {
    ZnodePaths.validate(path);
    return new Call<>(
        OpCode.GET_ALL_CHILDREN_NUMBER,
        new GetAllChildrenNumberRequest(chroot.toServer(path)),
        path,
        ok(path, body -> ((GetAllChildrenNumberResponse) body).totalNumber()));
  }

  /** A whoAmI. */
  public Call<List<ClientInfo>> whoAmI() {
    return new Call<>(
        OpCode.WHO_AM_I,
        EmptyRequest.INSTANCE,
        null,
        ok(null, body -> ((WhoAmIResponse) body).clientInfo()));
  }

  /** A handler that throws for any error and maps the body otherwise. */
  static <T> Call.ReplyHandler<T> ok(String path, Function<Response, T> map) {
    return (err, body, ctx) -> {
      if (err != ErrorCode.OK.code()) {
        throw PaddockException.create(err, path);
      }
      return map.apply(body);
    };
  }

  private static <T> Call.ReplyHandler<T> watching(
      String path, WatchKind kind, Watcher watcher, Function<Response, T> map) {
    return (err, body, ctx) -> {
      if (err != ErrorCode.OK.code()) {
        throw PaddockException.create(err, path);
      }
      register(ctx, kind, path, watcher);
      return map.apply(body);
    };
  }

  private static void register(Call.Context ctx, WatchKind kind, String path, Watcher watcher) {
    if (watcher != null) {
      ctx.watches().add(kind, path, watcher);
    }
  }

  /** ZooKeeper's client refuses a null or empty ACL before sending: InvalidACL. */
  private static Call.Preparer aclCheck(List<Acl> acl, String path) {
    return (call, watches) -> {
      if (acl == null || acl.isEmpty()) {
        throw new PaddockException.InvalidAclException(path);
      }
    };
  }
}
