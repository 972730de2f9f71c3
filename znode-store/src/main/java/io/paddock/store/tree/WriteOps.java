package io.paddock.store.tree;

import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.tree.OpResult.Failed;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.WatchEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The semantics of each write, exactly as ZooKeeper 3.9 applies it (PROTOCOL §8.3, §9). Every op
 * decides all its checks before it changes anything, so a failed op leaves the tree untouched; a
 * successful one updates the tree, its indexes and the digest, and appends its watch events.
 */
final class WriteOps {
  private static final int ANY_VERSION = -1;
  private static final OpResult DELETED = new OpResult.Deleted();
  private static final OpResult CHECKED = new OpResult.Checked();

  private final TreeStore store;

  WriteOps(TreeStore store) {
    this.store = store;
  }

  /** Applies one op of a kind a multi may hold, or setACL / deleteContainer. */
  OpResult applyOp(Txn op, TxnHeader h, List<WatchEvent> events) {
    if (op instanceof Txn.Create c) {
      return create(c, h, events);
    } else if (op instanceof Txn.Delete d) {
      return delete(d, h, events);
    } else if (op instanceof Txn.SetData s) {
      return setData(s, h, events);
    } else if (op instanceof Txn.Check c) {
      return check(c);
    } else if (op instanceof Txn.SetAcl s) {
      return setAcl(s);
    } else if (op instanceof Txn.DeleteContainer d) {
      return deleteContainer(d, h, events);
    } else if (op instanceof Txn.Error e) {
      return new Failed(e.err());
    }
    throw new IllegalArgumentException("not a single op: " + op);
  }

  private static OpResult failed(ErrorCode err) {
    return new Failed(err);
  }

  private static boolean versionMatches(int expected, int actual) {
    return expected == ANY_VERSION || expected == actual;
  }

  /** §9.8 create, from the check that needs the tree (parent exists) on. */
  OpResult create(Txn.Create c, TxnHeader h, List<WatchEvent> events) {
    String path = c.path();
    CreateMode mode = c.mode();
    if (mode.isTtl() && !EphemeralKind.isValidTtl(c.ttlMs())) {
      return failed(ErrorCode.BADARGUMENTS); // §9.5 TTL range
    }
    if (!ZnodePaths.hasSlashAndNoNul(path)) {
      return failed(ErrorCode.BADARGUMENTS); // §9.8 step 4
    }
    int slash = path.lastIndexOf('/');
    Znode parent = store.lookup(path, slash);
    if (parent == null) {
      return failed(ErrorCode.NONODE); // step 6
    }
    String finalPath =
        mode.isSequential() ? ZnodePaths.sequentialName(path, parent.cversion) : path; // §9.2
    if (ZnodePaths.invalidReason(finalPath) != null) {
      return failed(ErrorCode.BADARGUMENTS); // step 8
    }
    int nameFrom = slash + 1;
    int nameTo = finalPath.length();
    if (nameFrom == nameTo // only "/" itself gets here: the root exists
        || (parent.children != null && parent.children.find(finalPath, nameFrom, nameTo) != null)) {
      return failed(ErrorCode.NODEEXISTS); // step 9
    }
    if (parent.isEphemeral()) {
      return failed(ErrorCode.NOCHILDRENFOREPHEMERALS); // step 10
    }
    long owner = storedOwnerFor(mode, c.ttlMs(), h.sessionId());
    byte[] bytes = NodeBytes.build(finalPath, nameFrom, nameTo, c.data());
    Znode node =
        Znode.create(parent, bytes, h.zxid(), h.timeMs(), store.acls.refFor(c.acl()), owner);
    String parentPath = slash == 0 ? ZnodePaths.ROOT : finalPath.substring(0, slash);
    long parentHash = StateDigest.pathHash(parentPath);
    store.touch(parent);
    store.digest -= StateDigest.statPart(parentHash, parent);
    parent.cversion++; // §9.6: counts creates of every kind
    parent.pzxid = h.zxid();
    store.digest += StateDigest.statPart(parentHash, parent);
    store.link(node);
    store.digest += StateDigest.node(StateDigest.pathHash(finalPath), node, store.acls);
    store.dataSize += ApproximateDataSize.of(finalPath.length(), bytes);
    events.add(new WatchEvent(EventType.NODE_CREATED, finalPath, h.zxid()));
    events.add(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, parentPath, h.zxid()));
    return new OpResult.Created(finalPath, store.stat(node));
  }

  private static long storedOwnerFor(CreateMode mode, long ttlMs, long sessionId) {
    if (mode.isEphemeral()) {
      return sessionId;
    } else if (mode.isContainer()) {
      return EphemeralKind.CONTAINER_OWNER;
    } else if (mode.isTtl()) {
      return EphemeralKind.ttlOwner(ttlMs);
    }
    return 0;
  }

  /** §9.8 delete: BADARGUMENTS, NONODE, BADVERSION, NOTEMPTY. */
  OpResult delete(Txn.Delete d, TxnHeader h, List<WatchEvent> events) {
    String path = d.path();
    if (!ZnodePaths.hasSlashAndNoNul(path) || ZnodePaths.isSpecial(path)) {
      return failed(ErrorCode.BADARGUMENTS);
    }
    Znode n = store.lookup(path);
    if (n == null) {
      return failed(ErrorCode.NONODE);
    }
    if (!versionMatches(d.expectedVersion(), n.version)) {
      return failed(ErrorCode.BADVERSION);
    }
    if (n.numChildren() > 0) {
      return failed(ErrorCode.NOTEMPTY);
    }
    remove(n, path, h.zxid(), events);
    return DELETED;
  }

  /**
   * Op 20 from the reaper: NONODE, NOTEMPTY, BADARGUMENTS when the node is neither a container nor
   * a TTL node, BADVERSION when a TTL node was modified within its TTL of the txn time.
   */
  OpResult deleteContainer(Txn.DeleteContainer d, TxnHeader h, List<WatchEvent> events) {
    String path = d.path();
    Znode n = store.lookup(path);
    if (n == null) {
      return failed(ErrorCode.NONODE);
    }
    if (n.numChildren() > 0) {
      return failed(ErrorCode.NOTEMPTY);
    }
    long owner = n.storedOwner();
    if (!ReapIndex.covers(owner)) {
      return failed(ErrorCode.BADARGUMENTS);
    }
    if (EphemeralKind.isTtl(owner) && h.timeMs() - n.mtime <= EphemeralKind.ttlMs(owner)) {
      return failed(ErrorCode.BADVERSION);
    }
    remove(n, path, h.zxid(), events);
    return DELETED;
  }

  /** Removes a childless node; the parent's pzxid moves, its stored cversion does not (§9.6). */
  private void remove(Znode n, String path, long zxid, List<WatchEvent> events) {
    Znode parent = n.parent;
    String parentPath = ZnodePaths.parent(path);
    store.digest -= StateDigest.node(StateDigest.pathHash(path), n, store.acls);
    store.dataSize -= ApproximateDataSize.of(path.length(), n.bytes);
    store.unlink(n);
    long parentHash = StateDigest.pathHash(parentPath);
    store.touch(parent);
    store.digest -= StateDigest.statPart(parentHash, parent);
    parent.pzxid = zxid;
    store.digest += StateDigest.statPart(parentHash, parent);
    events.add(new WatchEvent(EventType.NODE_DELETED, path, zxid));
    events.add(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, parentPath, zxid));
  }

  /** setData: NONODE, BADVERSION; then version + 1, mzxid and mtime move. */
  OpResult setData(Txn.SetData s, TxnHeader h, List<WatchEvent> events) {
    Znode n = store.lookup(s.path());
    if (n == null) {
      return failed(ErrorCode.NONODE);
    }
    if (!versionMatches(s.expectedVersion(), n.version)) {
      return failed(ErrorCode.BADVERSION);
    }
    long pathHash = StateDigest.pathHash(s.path());
    store.touch(n);
    store.digest -= StateDigest.dataPart(pathHash, n) + StateDigest.statPart(pathHash, n);
    store.dataSize -= NodeBytes.dataLength(n.bytes);
    n.bytes = NodeBytes.withData(n.bytes, s.data());
    store.dataSize += NodeBytes.dataLength(n.bytes);
    n.version++;
    n.mzxid = h.zxid();
    n.mtime = h.timeMs();
    store.digest += StateDigest.dataPart(pathHash, n) + StateDigest.statPart(pathHash, n);
    events.add(new WatchEvent(EventType.NODE_DATA_CHANGED, s.path(), h.zxid()));
    return new OpResult.DataSet(store.stat(n));
  }

  /** setACL: NONODE, BADVERSION against aversion; then aversion + 1. Fires nothing. */
  OpResult setAcl(Txn.SetAcl s) {
    Znode n = store.lookup(s.path());
    if (n == null) {
      return failed(ErrorCode.NONODE);
    }
    if (!versionMatches(s.expectedVersion(), n.aversion)) {
      return failed(ErrorCode.BADVERSION);
    }
    long pathHash = StateDigest.pathHash(s.path());
    store.touch(n);
    store.digest -=
        StateDigest.aclPart(pathHash, n, store.acls) + StateDigest.statPart(pathHash, n);
    store.setAclRef(n, store.acls.refFor(s.acl()));
    n.aversion++;
    store.digest +=
        StateDigest.aclPart(pathHash, n, store.acls) + StateDigest.statPart(pathHash, n);
    return new OpResult.AclSet(store.stat(n));
  }

  /** check: NONODE, BADVERSION; changes nothing. */
  OpResult check(Txn.Check c) {
    Znode n = store.lookup(c.path());
    if (n == null) {
      return failed(ErrorCode.NONODE);
    }
    if (!versionMatches(c.expectedVersion(), n.version)) {
      return failed(ErrorCode.BADVERSION);
    }
    return CHECKED;
  }

  /** Opens the header's session, or updates its timeout when it is already open. */
  OpResult createSession(Txn.CreateSession s, TxnHeader h) {
    store.putSession(h.sessionId(), s.timeoutMs());
    return new OpResult.SessionCreated();
  }

  /** Deletes the session's ephemerals in path order, each firing as a delete, then the session. */
  OpResult closeSession(TxnHeader h, List<WatchEvent> events) {
    List<PathNode> doomed = new ArrayList<>();
    for (Znode n : store.ephemerals.of(h.sessionId())) {
      doomed.add(new PathNode(store.pathOf(n), n));
    }
    doomed.sort(Comparator.comparing(PathNode::path));
    List<String> paths = new ArrayList<>(doomed.size());
    for (PathNode e : doomed) {
      remove(e.node(), e.path(), h.zxid(), events);
      paths.add(e.path());
    }
    store.removeSession(h.sessionId());
    return new OpResult.SessionClosed(paths);
  }

  private record PathNode(String path, Znode node) {}
}
