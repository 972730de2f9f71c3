package io.paddock.server.core;

import io.paddock.client.protocol.ClientInfo;
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
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.MultiResponse;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SyncRequest;
import io.paddock.client.protocol.SyncResponse;
import io.paddock.client.protocol.WhoAmIResponse;
import io.paddock.client.protocol.Xids;
import io.paddock.server.core.auth.AclChecker;
import io.paddock.server.core.auth.AuthSchemes;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import io.paddock.store.tree.AclWithStat;
import io.paddock.store.tree.ChildrenWithStat;
import io.paddock.store.tree.DataTree;
import io.paddock.store.tree.ZnodeData;
import java.util.ArrayList;
import java.util.List;

/**
 * The ops that need no txn, answered from the tree as it is now (ZooKeeper's {@code
 * FinalRequestProcessor} for reads): exists, getData, getACL, getChildren, getChildren2, sync,
 * getEphemerals, getAllChildrenNumber, multiRead, whoAmI, ping, and the watch ops of {@link
 * WatchOps}. The reply header carries the last applied zxid (PROTOCOL 4).
 */
final class ReadOps {
  private static final String DIGEST_SCHEME = "digest";
  private static final String MASKED_DIGEST_SUFFIX = ":x";

  private final CoreState state;
  private final DataTree tree;
  private final WatchOps watchOps;

  ReadOps(CoreState state) {
    this.state = state;
    this.tree = state.tree;
    this.watchOps = new WatchOps(state);
  }

  /** True for the ops this class answers. */
  static boolean handles(int opCode) {
    return switch (opCode) {
      case OpCode.EXISTS,
              OpCode.GET_DATA,
              OpCode.GET_ACL,
              OpCode.GET_CHILDREN,
              OpCode.GET_CHILDREN2,
              OpCode.SYNC,
              OpCode.GET_EPHEMERALS,
              OpCode.GET_ALL_CHILDREN_NUMBER,
              OpCode.MULTI_READ,
              OpCode.WHO_AM_I,
              OpCode.PING ->
          true;
      default -> WatchOps.handles(opCode);
    };
  }

  /** Answers a request now. */
  void handle(Inflight request, RequestHeader header, Request body) {
    Connection c = request.connection();
    Reply reply =
        WatchOps.handles(header.type())
            ? watchOps.answer(c, header.type(), body)
            : answer(c, header.type(), body);
    // A ping's reply always carries xid −2 (ZooKeeper's PING_XID), whatever the request said.
    int xid = header.type() == OpCode.PING ? Xids.PING : header.xid();
    ReplyHeader h = new ReplyHeader(xid, state.lastProcessedZxid(), reply.err().code());
    state.outbox.answer(request, h, reply.bodyToSend());
  }

  private Reply answer(Connection c, int opCode, Request body) {
    return switch (opCode) {
      case OpCode.PING -> Reply.ok(null);
      case OpCode.EXISTS -> exists(c, (ExistsRequest) body);
      case OpCode.GET_DATA -> {
        GetDataRequest r = (GetDataRequest) body;
        yield getData(c, r.path(), r.watch());
      }
      case OpCode.GET_ACL -> getAcl(c, ((GetAclRequest) body).path());
      case OpCode.GET_CHILDREN -> {
        GetChildrenRequest r = (GetChildrenRequest) body;
        yield getChildren(c, r.path(), r.watch(), false);
      }
      case OpCode.GET_CHILDREN2 -> {
        GetChildren2Request r = (GetChildren2Request) body;
        yield getChildren(c, r.path(), r.watch(), true);
      }
      case OpCode.SYNC -> Reply.ok(new SyncResponse(((SyncRequest) body).path())); // §9.12
      case OpCode.GET_EPHEMERALS ->
          Reply.ok(
              new GetEphemeralsResponse(
                  tree.getEphemerals(c.sessionId(), ((GetEphemeralsRequest) body).prefixPath())));
      case OpCode.GET_ALL_CHILDREN_NUMBER ->
          allChildrenNumber(c, ((GetAllChildrenNumberRequest) body).path());
      case OpCode.MULTI_READ -> {
        MultiResponse results = MultiReads.answer(this, c, (MultiRequest) body);
        yield results == null ? Reply.error(ErrorCode.MARSHALLINGERROR) : Reply.ok(results);
      }
      case OpCode.WHO_AM_I -> Reply.ok(whoAmI(c));
      default -> throw new IllegalArgumentException("not a read op: " + opCode);
    };
  }

  /** exists: BADARGUMENTS for a NUL; READ when the node exists (3.9.2+); NONODE keeps the watch. */
  private Reply exists(Connection c, ExistsRequest r) {
    String path = r.path();
    if (path == null) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    if (path.indexOf('\u0000') >= 0) {
      return Reply.error(ErrorCode.BADARGUMENTS);
    }
    List<Acl> acl = tree.aclOf(path);
    if (acl != null && !AclChecker.permits(acl, Perms.READ, c.ids())) {
      return Reply.error(ErrorCode.NOAUTH);
    }
    if (r.watch()) {
      state.watches.addDataWatch(path, c);
    }
    var stat = acl == null ? null : tree.exists(path);
    return stat == null ? Reply.error(ErrorCode.NONODE) : Reply.ok(new ExistsResponse(stat));
  }

  /** getData: NONODE (no watch), NOAUTH without READ, else data and stat. */
  Reply getData(Connection c, String path, boolean watch) {
    if (path == null) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    ErrorCode denied = checkRead(c, path, Perms.READ);
    if (denied != null) {
      return Reply.error(denied);
    }
    ZnodeData data = tree.getData(path);
    if (watch) {
      state.watches.addDataWatch(path, c);
    }
    return Reply.ok(new GetDataResponse(data.data(), data.stat()));
  }

  /** getChildren and getChildren2: NONODE (no watch), NOAUTH without READ. */
  Reply getChildren(Connection c, String path, boolean watch, boolean withStat) {
    if (path == null) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    ErrorCode denied = checkRead(c, path, Perms.READ);
    if (denied != null) {
      return Reply.error(denied);
    }
    ChildrenWithStat children = tree.getChildren(path);
    if (watch) {
      state.watches.addChildWatch(path, c);
    }
    return Reply.ok(
        withStat
            ? new GetChildren2Response(children.children(), children.stat())
            : new GetChildrenResponse(children.children()));
  }

  /** getACL: READ or ADMIN; without ADMIN, digest ids are masked as {@code user:x}. */
  private Reply getAcl(Connection c, String path) {
    if (path == null) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    ErrorCode denied = checkRead(c, path, Perms.READ | Perms.ADMIN);
    if (denied != null) {
      return Reply.error(denied);
    }
    AclWithStat a = tree.getAcl(path);
    if (AclChecker.permits(a.acl(), Perms.ADMIN, c.ids())) {
      return Reply.ok(new GetAclResponse(a.acl(), a.stat()));
    }
    List<Acl> masked = new ArrayList<>(a.acl().size());
    for (Acl entry : a.acl()) {
      Id id = entry.id();
      masked.add(
          DIGEST_SCHEME.equals(id.scheme())
              ? new Acl(
                  entry.perms(),
                  new Id(id.scheme(), id.id().replaceAll(":.*", MASKED_DIGEST_SUFFIX)))
              : entry);
    }
    return Reply.ok(new GetAclResponse(masked, a.stat()));
  }

  private Reply allChildrenNumber(Connection c, String path) {
    if (path == null) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    ErrorCode denied = checkRead(c, path, Perms.READ);
    if (denied != null) {
      return Reply.error(denied);
    }
    return Reply.ok(new GetAllChildrenNumberResponse(tree.getAllChildrenNumber(path)));
  }

  /** whoAmI: every id the connection holds, ip first, as (scheme, user). */
  private static WhoAmIResponse whoAmI(Connection c) {
    List<ClientInfo> infos = new ArrayList<>();
    for (Id id : c.ids()) {
      infos.add(new ClientInfo(id.scheme(), AuthSchemes.userOf(id)));
    }
    return new WhoAmIResponse(infos);
  }

  /** NONODE when the node is missing, NOAUTH without one of {@code perms}, else null. */
  private ErrorCode checkRead(Connection c, String path, int perms) {
    List<Acl> acl = tree.aclOf(path);
    if (acl == null) {
      return ErrorCode.NONODE;
    }
    return AclChecker.permits(acl, perms, c.ids()) ? null : ErrorCode.NOAUTH;
  }
}
