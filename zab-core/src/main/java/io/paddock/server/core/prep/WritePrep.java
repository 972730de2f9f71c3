package io.paddock.server.core.prep;

import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteContainerRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.server.core.auth.AclChecker;
import io.paddock.server.core.auth.AclFixup;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The prep stage of a write (ZooKeeper's {@code PrepRequestProcessor}, our way): turns a write
 * request into the txn that carries its intent, doing every check that needs no tree state beyond
 * the existence and ACL of the nodes it names — path syntax, flags, TTL, session, ACL form and
 * permissions — in ZooKeeper's order (PROTOCOL 9.8). What depends on the rest of the tree (sequence
 * suffix, NODEEXISTS, BADVERSION, NOTEMPTY, NOCHILDRENFOREPHEMERALS) the DataTree decides when it
 * applies the txn, in the same order. A rejected write becomes {@link Txn.Error}, which still
 * consumes a zxid (PROTOCOL 9.9).
 *
 * <p>Departure: a client's deleteContainer (op 20) needs DELETE on the parent, like delete;
 * ZooKeeper checks no permission there, which lets any client delete any empty container or expired
 * TTL node.
 */
public final class WritePrep {
  private static final long NO_TTL = -1;

  private final boolean extendedTypesEnabled;

  /**
   * A prep stage.
   *
   * @param extendedTypesEnabled whether TTL nodes are allowed ({@code extendedTypesEnabled})
   */
  public WritePrep(boolean extendedTypesEnabled) {
    this.extendedTypesEnabled = extendedTypesEnabled;
  }

  /**
   * True for the ops that become txns: create, create2, createContainer, createTTL, delete,
   * setData, setACL, multi, reconfig, deleteContainer. (closeSession and createSession are txns
   * too, but the server makes them itself.)
   */
  public static boolean isWrite(int opCode) {
    return switch (opCode) {
      case OpCode.CREATE,
              OpCode.CREATE2,
              OpCode.CREATE_CONTAINER,
              OpCode.CREATE_TTL,
              OpCode.DELETE,
              OpCode.SET_DATA,
              OpCode.SET_ACL,
              OpCode.MULTI,
              OpCode.RECONFIG,
              OpCode.DELETE_CONTAINER ->
          true;
      default -> false;
    };
  }

  /**
   * Preps one write request.
   *
   * @param opCode the request's op ({@link #isWrite} must hold)
   * @param request the decoded body
   * @param subject who asks
   * @param view the tree as prep may see it
   * @return the txn to log: the op, a multi, or an error
   * @throws IllegalArgumentException if the op is not a write or the body does not fit it
   */
  public Txn prep(int opCode, Request request, PrepSubject subject, NodeView view) {
    return switch (opCode) {
      case OpCode.MULTI -> prepMulti((MultiRequest) request, subject, view);
      case OpCode.RECONFIG -> error(ErrorCode.RECONFIGDISABLED); // no reconfig in standalone
      case OpCode.DELETE_CONTAINER ->
          prepDelete(((DeleteContainerRequest) request).path(), -1, true, subject, view);
      default -> prepSingle(opCode, request, subject, view);
    };
  }

  private Txn prepSingle(int opCode, Request request, PrepSubject subject, NodeView view) {
    return switch (opCode) {
      case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL ->
          prepCreateRequest(opCode, request, subject, view);
      case OpCode.DELETE -> {
        DeleteRequest r = (DeleteRequest) request;
        yield prepDelete(r.path(), r.version(), false, subject, view);
      }
      case OpCode.SET_DATA -> {
        SetDataRequest r = (SetDataRequest) request;
        yield prepNodeOp(
            r.path(), Perms.WRITE, subject, view, p -> new Txn.SetData(p, r.data(), r.version()));
      }
      case OpCode.SET_ACL -> prepSetAcl((SetAclRequest) request, subject, view);
      case OpCode.CHECK -> {
        CheckVersionRequest r = (CheckVersionRequest) request;
        yield prepNodeOp(r.path(), Perms.READ, subject, view, p -> new Txn.Check(p, r.version()));
      }
      default -> throw new IllegalArgumentException("op " + opCode + " is not a write");
    };
  }

  /**
   * A create of any kind. Inside a multi, ZooKeeper's decoder re-types a createTTL whose flags are
   * not a TTL mode into a plain create or createContainer and drops its ttl ({@link
   * MultiOp#effectiveType()}); the op code passed here is that effective type.
   */
  private Txn prepCreateRequest(int opCode, Request request, PrepSubject subject, NodeView view) {
    if (request instanceof CreateTtlRequest r) {
      long ttl = opCode == OpCode.CREATE_TTL ? r.ttl() : NO_TTL;
      return prepCreate(opCode, r.path(), r.data(), r.acl(), r.flags(), ttl, subject, view);
    }
    CreateRequest r = (CreateRequest) request;
    return prepCreate(opCode, r.path(), r.data(), r.acl(), r.flags(), NO_TTL, subject, view);
  }

  /** §9.8 create, steps 1–7; steps 8–11 are the DataTree's. */
  private Txn prepCreate(
      int opCode,
      String path,
      byte[] data,
      List<Acl> acl,
      int flags,
      long ttl,
      PrepSubject subject,
      NodeView view) {
    CreateMode mode = CreateMode.fromFlag(flags);
    if (mode == null) {
      return error(ErrorCode.BADARGUMENTS); // 1
    }
    if (mode.isTtl() && !extendedTypesEnabled) {
      return error(ErrorCode.UNIMPLEMENTED); // 2
    }
    if (mode.isTtl() ? !EphemeralKind.isValidTtl(ttl) : ttl >= 0) {
      return error(ErrorCode.BADARGUMENTS); // 2: TTL range; a TTL on another mode
    }
    if (mode.isEphemeral() && (subject.sessionId() == 0 || !subject.sessionActive())) {
      return error(ErrorCode.SESSIONEXPIRED); // 3
    }
    if (path == null) {
      return error(ErrorCode.MARSHALLINGERROR);
    }
    if (!ZnodePaths.hasSlashAndNoNul(path)) {
      return error(ErrorCode.BADARGUMENTS); // 4
    }
    List<Acl> fixed = AclFixup.fixup(acl, subject.ids());
    if (fixed == null) {
      return error(ErrorCode.INVALIDACL); // 5
    }
    ErrorCode parentCheck = checkParent(path, Perms.CREATE, subject, view); // 6, 7
    if (parentCheck != null) {
      return error(parentCheck);
    }
    if (opCode == OpCode.CREATE_TTL && !mode.isTtl()) {
      // ZooKeeper builds a TTL node with ttl −1 here and fails on it: MARSHALLINGERROR.
      return error(ErrorCode.MARSHALLINGERROR);
    }
    CreateMode stored = storedMode(opCode, mode);
    return new Txn.Create(path, data, fixed, stored, stored.isTtl() ? ttl : 0);
  }

  /**
   * The kind of node an op makes: createContainer always a container; create and create2 with the
   * container flag a plain persistent node (ZooKeeper's behaviour, PROTOCOL 9.4); else the flag's.
   */
  private static CreateMode storedMode(int opCode, CreateMode mode) {
    if (opCode == OpCode.CREATE_CONTAINER) {
      return CreateMode.CONTAINER;
    }
    return mode.isContainer() ? CreateMode.PERSISTENT : mode;
  }

  /** §9.8 delete, steps 2–4 (and the same for a client's deleteContainer); 5–7 are the tree's. */
  private Txn prepDelete(
      String path, int version, boolean container, PrepSubject subject, NodeView view) {
    if (path == null) {
      return error(ErrorCode.MARSHALLINGERROR);
    }
    if (!ZnodePaths.hasSlashAndNoNul(path) || ZnodePaths.isSpecial(path)) {
      return error(ErrorCode.BADARGUMENTS);
    }
    ErrorCode parentCheck = checkParent(path, Perms.DELETE, subject, view);
    if (parentCheck != null) {
      return error(parentCheck);
    }
    return container ? new Txn.DeleteContainer(path) : new Txn.Delete(path, version);
  }

  private Txn prepSetAcl(SetAclRequest r, PrepSubject subject, NodeView view) {
    if (r.path() == null) {
      return error(ErrorCode.MARSHALLINGERROR);
    }
    if (!ZnodePaths.isValid(r.path())) {
      return error(ErrorCode.BADARGUMENTS);
    }
    List<Acl> fixed = AclFixup.fixup(r.acl(), subject.ids());
    if (fixed == null) {
      return error(ErrorCode.INVALIDACL);
    }
    return prepNodeOp(
        r.path(), Perms.ADMIN, subject, view, p -> new Txn.SetAcl(p, fixed, r.version()));
  }

  /** setData, setACL, check: valid path, the node exists, the permission on it. */
  private Txn prepNodeOp(
      String path, int perm, PrepSubject subject, NodeView view, Function<String, Txn> make) {
    if (path == null) {
      return error(ErrorCode.MARSHALLINGERROR);
    }
    if (!ZnodePaths.isValid(path)) {
      return error(ErrorCode.BADARGUMENTS);
    }
    List<Acl> acl = view.aclOf(path);
    if (acl == null) {
      return error(ErrorCode.NONODE);
    }
    if (!AclChecker.permits(acl, perm, subject.ids())) {
      return error(ErrorCode.NOAUTH);
    }
    return make.apply(path);
  }

  /** NONODE when the parent is missing, NOAUTH without the permission on it, else null. */
  private static ErrorCode checkParent(String path, int perm, PrepSubject subject, NodeView view) {
    List<Acl> parentAcl = view.aclOf(parentOf(path));
    if (parentAcl == null) {
      return ErrorCode.NONODE;
    }
    return AclChecker.permits(parentAcl, perm, subject.ids()) ? null : ErrorCode.NOAUTH;
  }

  /**
   * The parent as ZooKeeper computes it: everything before the last '/', the root for top-level
   * nodes and for "/" itself (whose create then fails with NODEEXISTS).
   */
  public static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? ZnodePaths.ROOT : path.substring(0, slash);
  }

  /**
   * Multi (op 14): each op is prepped against the tree as the earlier ops leave it; the first op
   * prep rejects becomes an error op at its position (so the DataTree fails the multi there) and
   * the ops after it are not prepped. Read ops in op 14 are a marshalling error of the whole multi.
   */
  private Txn prepMulti(MultiRequest multi, PrepSubject subject, NodeView view) {
    if (multi.isRead()) {
      return error(ErrorCode.MARSHALLINGERROR);
    }
    MultiOverlay overlay = new MultiOverlay(view);
    List<Txn> ops = new ArrayList<>(multi.ops().size());
    boolean failed = false;
    for (MultiOp op : multi.ops()) {
      if (failed) {
        ops.add(new Txn.Error(ErrorCode.RUNTIMEINCONSISTENCY));
        continue;
      }
      Txn txn = prepSingle(op.effectiveType(), op.request(), subject, overlay);
      failed = txn instanceof Txn.Error;
      overlay.record(txn);
      ops.add(txn);
    }
    return new Txn.Multi(ops);
  }

  private static Txn error(ErrorCode code) {
    return new Txn.Error(code);
  }
}
