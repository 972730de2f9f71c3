package io.paddock.store.tree.model;

import io.paddock.store.model.Acl;
import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.tree.AclWithStat;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.ChildrenWithStat;
import io.paddock.store.tree.OpResult;
import io.paddock.store.tree.ZnodeData;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.NodeZxids;
import io.paddock.store.watch.WatchEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent, deliberately naive model of ZooKeeper's DataTree semantics (PROTOCOL.md §6.1,
 * §6.3, §8.3, §9.1–§9.9), used as the oracle for {@code DataTree}.
 *
 * <p>The whole tree is one {@link TreeMap} from full path to a plain {@link RefNode}. Nothing is
 * cached: children are found by scanning every key, the client-visible stat is computed on each
 * read, and a multi runs on the live map after a deep copy that is put back when an op fails.
 * Simplicity beats speed here; the model must be obviously right.
 */
public final class ReferenceTree implements TreeUnderTest {
  /** One op of a txn failed with this code; the caller decides what to undo. */
  private static final class OpFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final ErrorCode code;

    OpFailure(ErrorCode code) {
      super(code.name(), null, false, false);
      this.code = code;
    }
  }

  private TreeMap<String, RefNode> nodes = new TreeMap<>();
  private final TreeMap<Long, Integer> sessions = new TreeMap<>();
  private long lastProcessedZxid;

  /**
   * The initial tree (§9.1): "/", "/zookeeper" and "/zookeeper/quota" open with a zero stat,
   * "/zookeeper/config" READ_ACL_UNSAFE with aversion −1. ZooKeeper gives all four empty data.
   */
  public ReferenceTree() {
    nodes.put(ZnodePaths.ROOT, RefNode.zero(new byte[0], Acl.OPEN_ACL_UNSAFE));
    nodes.put(ZnodePaths.ZOOKEEPER, RefNode.zero(new byte[0], Acl.OPEN_ACL_UNSAFE));
    nodes.put(ZnodePaths.QUOTA, RefNode.zero(new byte[0], Acl.OPEN_ACL_UNSAFE));
    RefNode config = RefNode.zero(new byte[0], Acl.READ_ACL_UNSAFE);
    config.aversion = -1;
    nodes.put(ZnodePaths.CONFIG, config);
  }

  // ---------------------------------------------------------------- apply

  /**
   * Applies one txn. The zxid must be above {@link #lastProcessedZxid()}; it is consumed even when
   * the write fails (§9.9).
   *
   * @throws IllegalArgumentException when the zxid does not increase
   */
  public ApplyResult apply(TxnHeader header, Txn txn) {
    long zxid = header.zxid();
    if (zxid <= lastProcessedZxid) {
      throw new IllegalArgumentException(
          "zxid " + zxid + " not above last processed " + lastProcessedZxid);
    }
    lastProcessedZxid = zxid;
    if (txn instanceof Txn.Multi multi) {
      return applyMulti(header, multi);
    }
    if (txn instanceof Txn.CreateSession cs) {
      sessions.put(header.sessionId(), cs.timeoutMs());
      return new ApplyResult(zxid, ErrorCode.OK, new OpResult.SessionCreated(), List.of());
    }
    if (txn instanceof Txn.CloseSession) {
      return closeSession(header);
    }
    List<WatchEvent> events = new ArrayList<>();
    try {
      OpResult result = applyOp(header, txn, events);
      return new ApplyResult(zxid, ErrorCode.OK, result, events);
    } catch (OpFailure f) {
      return new ApplyResult(zxid, f.code, new OpResult.Failed(f.code), List.of());
    }
  }

  /** Applies a single op; it checks everything before it changes anything. */
  private OpResult applyOp(TxnHeader header, Txn txn, List<WatchEvent> events) throws OpFailure {
    if (txn instanceof Txn.Create c) {
      return create(header, c, events);
    } else if (txn instanceof Txn.Delete d) {
      return delete(header.zxid(), d, events);
    } else if (txn instanceof Txn.DeleteContainer dc) {
      return deleteContainer(header, dc, events);
    } else if (txn instanceof Txn.SetData s) {
      return setData(header, s, events);
    } else if (txn instanceof Txn.SetAcl s) {
      return setAcl(s);
    } else if (txn instanceof Txn.Check c) {
      RefNode n = existing(c.path());
      checkVersion(c.expectedVersion(), n.version);
      return new OpResult.Checked();
    } else if (txn instanceof Txn.Error e) {
      throw new OpFailure(e.err());
    }
    throw new IllegalArgumentException("not a single op: " + txn);
  }

  /** §9.2, §9.3, §9.6, §9.8 steps 6, 8, 9, 10. */
  private OpResult create(TxnHeader header, Txn.Create c, List<WatchEvent> events)
      throws OpFailure {
    String requested = c.path();
    if (!ZnodePaths.hasSlashAndNoNul(requested)) {
      throw new OpFailure(ErrorCode.BADARGUMENTS); // §9.8 create step 4, before NONODE
    }
    int slash = requested.lastIndexOf('/');
    // The parent comes from the requested path; a suffix never holds a '/'.
    String parentPath = slash == 0 ? ZnodePaths.ROOT : requested.substring(0, slash);
    RefNode parent = nodes.get(parentPath);
    if (parent == null) {
      throw new OpFailure(ErrorCode.NONODE);
    }
    String path =
        c.mode().isSequential()
            ? ZnodePaths.sequentialName(requested, parent.storedCversion)
            : requested;
    if (!ZnodePaths.isValid(path)) {
      throw new OpFailure(ErrorCode.BADARGUMENTS);
    }
    if (nodes.containsKey(path)) {
      throw new OpFailure(ErrorCode.NODEEXISTS);
    }
    if (EphemeralKind.isSession(parent.storedOwner)) {
      throw new OpFailure(ErrorCode.NOCHILDRENFOREPHEMERALS);
    }
    RefNode n = new RefNode();
    n.data = copy(c.data());
    n.acl = c.acl();
    n.czxid = header.zxid();
    n.mzxid = header.zxid();
    n.pzxid = header.zxid();
    n.ctime = header.timeMs();
    n.mtime = header.timeMs();
    if (c.mode().isEphemeral()) {
      n.storedOwner = header.sessionId();
    } else if (c.mode().isContainer()) {
      n.storedOwner = EphemeralKind.CONTAINER_OWNER;
    } else if (c.mode().isTtl()) {
      n.storedOwner = EphemeralKind.ttlOwner(c.ttlMs());
    }
    nodes.put(path, n);
    parent.storedCversion++;
    parent.pzxid = header.zxid();
    events.add(new WatchEvent(EventType.NODE_CREATED, path, header.zxid()));
    events.add(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, parentPath, header.zxid()));
    return new OpResult.Created(path, statOf(path));
  }

  /**
   * §9.8 delete: BADARGUMENTS for a path without '/', with a NUL or special (the special paths
   * always exist, so this equals "NONODE, then special"), NONODE, BADVERSION, NOTEMPTY.
   */
  private OpResult delete(long zxid, Txn.Delete d, List<WatchEvent> events) throws OpFailure {
    if (!ZnodePaths.hasSlashAndNoNul(d.path()) || ZnodePaths.isSpecial(d.path())) {
      throw new OpFailure(ErrorCode.BADARGUMENTS);
    }
    RefNode n = existing(d.path());
    checkVersion(d.expectedVersion(), n.version);
    if (!childNames(d.path()).isEmpty()) {
      throw new OpFailure(ErrorCode.NOTEMPTY);
    }
    remove(d.path(), zxid, events);
    return new OpResult.Deleted();
  }

  /** §9.4, §9.5: only containers and TTL nodes, and a TTL node only once its TTL has passed. */
  private OpResult deleteContainer(
      TxnHeader header, Txn.DeleteContainer dc, List<WatchEvent> events) throws OpFailure {
    RefNode n = existing(dc.path());
    if (!childNames(dc.path()).isEmpty()) {
      throw new OpFailure(ErrorCode.NOTEMPTY);
    }
    boolean ttl = EphemeralKind.isTtl(n.storedOwner);
    if (!EphemeralKind.isContainer(n.storedOwner) && !ttl) {
      throw new OpFailure(ErrorCode.BADARGUMENTS);
    }
    if (ttl && header.timeMs() - n.mtime <= EphemeralKind.ttlMs(n.storedOwner)) {
      throw new OpFailure(ErrorCode.BADVERSION);
    }
    remove(dc.path(), header.zxid(), events);
    return new OpResult.Deleted();
  }

  /*
   * setData, setACL and check validate the whole path in prep (§9.1); txns never carry an invalid
   * one, so here a malformed path is simply a missing node.
   */
  private OpResult setData(TxnHeader header, Txn.SetData s, List<WatchEvent> events)
      throws OpFailure {
    RefNode n = existing(s.path());
    checkVersion(s.expectedVersion(), n.version);
    n.data = copy(s.data());
    n.version++;
    n.mzxid = header.zxid();
    n.mtime = header.timeMs();
    events.add(new WatchEvent(EventType.NODE_DATA_CHANGED, s.path(), header.zxid()));
    return new OpResult.DataSet(statOf(s.path()));
  }

  private OpResult setAcl(Txn.SetAcl s) throws OpFailure {
    RefNode n = existing(s.path());
    checkVersion(s.expectedVersion(), n.aversion);
    n.acl = s.acl();
    n.aversion++;
    return new OpResult.AclSet(statOf(s.path()));
  }

  /** §6.3: all or nothing; later ops see earlier ones; on failure the tree is put back. */
  private ApplyResult applyMulti(TxnHeader header, Txn.Multi multi) {
    TreeMap<String, RefNode> backup = deepCopy(nodes);
    List<OpResult> results = new ArrayList<>();
    List<WatchEvent> events = new ArrayList<>();
    for (int i = 0; i < multi.ops().size(); i++) {
      try {
        results.add(applyOp(header, multi.ops().get(i), events));
      } catch (OpFailure f) {
        nodes = backup;
        List<OpResult> failed = new ArrayList<>();
        for (int j = 0; j < multi.ops().size(); j++) {
          ErrorCode code = j < i ? ErrorCode.OK : j == i ? f.code : ErrorCode.RUNTIMEINCONSISTENCY;
          failed.add(new OpResult.Failed(code));
        }
        return new ApplyResult(header.zxid(), f.code, new OpResult.MultiResults(failed), List.of());
      }
    }
    return new ApplyResult(header.zxid(), ErrorCode.OK, new OpResult.MultiResults(results), events);
  }

  /** §9.3, §8.3: the session's ephemerals go in sorted path order, each fired as a delete. */
  private ApplyResult closeSession(TxnHeader header) {
    long sessionId = header.sessionId();
    sessions.remove(sessionId);
    List<String> owned = ephemeralsOf(sessionId);
    List<WatchEvent> events = new ArrayList<>();
    for (String path : owned) {
      remove(path, header.zxid(), events);
    }
    return new ApplyResult(header.zxid(), ErrorCode.OK, new OpResult.SessionClosed(owned), events);
  }

  private void remove(String path, long zxid, List<WatchEvent> events) {
    nodes.remove(path);
    String parentPath = ZnodePaths.parent(path);
    nodes.get(parentPath).pzxid = zxid;
    events.add(new WatchEvent(EventType.NODE_DELETED, path, zxid));
    events.add(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, parentPath, zxid));
  }

  private RefNode existing(String path) throws OpFailure {
    RefNode n = nodes.get(path);
    if (n == null) {
      throw new OpFailure(ErrorCode.NONODE);
    }
    return n;
  }

  /** §9.6: −1 matches any version. */
  private static void checkVersion(int expected, int actual) throws OpFailure {
    if (expected != -1 && expected != actual) {
      throw new OpFailure(ErrorCode.BADVERSION);
    }
  }

  private static TreeMap<String, RefNode> deepCopy(TreeMap<String, RefNode> source) {
    TreeMap<String, RefNode> copy = new TreeMap<>(source);
    copy.replaceAll((path, node) -> node.copy());
    return copy;
  }

  private static byte[] copy(byte[] data) {
    return data == null ? null : data.clone();
  }

  // ---------------------------------------------------------------- reads

  /** The data and stat, or null when the node is missing. */
  public ZnodeData getData(String path) {
    RefNode n = nodes.get(path);
    return n == null ? null : new ZnodeData(copy(n.data), statOf(path));
  }

  /** The stat, or null when the node is missing. */
  public Stat exists(String path) {
    return nodes.containsKey(path) ? statOf(path) : null;
  }

  /** The child names (sorted) and the stat, or null when the node is missing. */
  public ChildrenWithStat getChildren(String path) {
    return nodes.containsKey(path) ? new ChildrenWithStat(childNames(path), statOf(path)) : null;
  }

  /** The ACL and stat, or null when the node is missing. */
  public AclWithStat getAcl(String path) {
    RefNode n = nodes.get(path);
    return n == null ? null : new AclWithStat(n.acl, statOf(path));
  }

  /** The ACL, or null when the node is missing. */
  public List<Acl> aclOf(String path) {
    RefNode n = nodes.get(path);
    return n == null ? null : n.acl;
  }

  /** The number of descendants, −1 when the node is missing. */
  public int getAllChildrenNumber(String path) {
    return nodes.containsKey(path) ? descendants(path).size() : -1;
  }

  /**
   * The session's ephemeral paths, sorted, filtered as ZooKeeper's getEphemerals does: a blank
   * prefix or "/" means all, otherwise a plain string {@code startsWith}.
   */
  public List<String> getEphemerals(long sessionId, String prefix) {
    boolean all = prefix == null || prefix.isBlank() || prefix.trim().equals(ZnodePaths.ROOT);
    List<String> out = new ArrayList<>();
    for (String p : ephemeralsOf(sessionId)) {
      if (all || p.startsWith(prefix)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The number of nodes, the root included (4 on a fresh tree). */
  public int nodeCount() {
    return nodes.size();
  }

  /** Open sessions and their timeouts. */
  public Map<Long, Integer> sessions() {
    return Collections.unmodifiableMap(new TreeMap<>(sessions));
  }

  /** True when the session is open. */
  public boolean hasSession(long sessionId) {
    return sessions.containsKey(sessionId);
  }

  /** The mzxid, −1 when the node is missing (as {@code NodeZxids}). */
  public long mzxid(String path) {
    RefNode n = nodes.get(path);
    return n == null ? -1 : n.mzxid;
  }

  /** The pzxid, −1 when the node is missing (as {@code NodeZxids}). */
  public long pzxid(String path) {
    RefNode n = nodes.get(path);
    return n == null ? -1 : n.pzxid;
  }

  /** The zxid of the last applied txn, 0 on a fresh tree. */
  public long lastProcessedZxid() {
    return lastProcessedZxid;
  }

  /**
   * What the container reaper would delete at {@code nowMs} (§9.4, §9.5), sorted: childless
   * containers that have had a child; childless never-used containers with {@code now − mtime >
   * maxNeverUsedIntervalMs} when that is positive; childless TTL nodes with {@code now − mtime >
   * ttl}.
   */
  public List<String> reapCandidates(long nowMs, long maxNeverUsedIntervalMs) {
    Set<String> parents = new HashSet<>();
    for (String p : nodes.keySet()) {
      if (!p.equals(ZnodePaths.ROOT)) {
        parents.add(ZnodePaths.parent(p));
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, RefNode> e : nodes.entrySet()) {
      RefNode n = e.getValue();
      if (parents.contains(e.getKey())) {
        continue;
      }
      long age = nowMs - n.mtime;
      if (EphemeralKind.isContainer(n.storedOwner)) {
        if (n.storedCversion > 0 || (maxNeverUsedIntervalMs > 0 && age > maxNeverUsedIntervalMs)) {
          out.add(e.getKey());
        }
      } else if (EphemeralKind.isTtl(n.storedOwner) && age > EphemeralKind.ttlMs(n.storedOwner)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  // ------------------------------------------------- helpers for generators and checkers

  /** Every path, sorted. */
  public List<String> paths() {
    return new ArrayList<>(nodes.keySet());
  }

  /** The stored owner (session id, container or TTL marker, or 0); 0 when missing. */
  public long storedOwner(String path) {
    RefNode n = nodes.get(path);
    return n == null ? 0 : n.storedOwner;
  }

  /** The data version, or null when the node is missing. */
  public Integer dataVersion(String path) {
    RefNode n = nodes.get(path);
    return n == null ? null : n.version;
  }

  /** The ACL version, or null when the node is missing. */
  public Integer aclVersion(String path) {
    RefNode n = nodes.get(path);
    return n == null ? null : n.aversion;
  }

  /** The mtime; 0 when missing. */
  public long mtime(String path) {
    RefNode n = nodes.get(path);
    return n == null ? 0 : n.mtime;
  }

  private List<String> ephemeralsOf(long sessionId) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, RefNode> e : nodes.entrySet()) {
      long owner = e.getValue().storedOwner;
      if (EphemeralKind.isSession(owner) && owner == sessionId) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** The names of the direct children: keys below "path/" with no further '/'. */
  private List<String> childNames(String path) {
    List<String> out = new ArrayList<>();
    for (String below : descendants(path)) {
      String rest = below.substring(path.length() == 1 ? 1 : path.length() + 1);
      if (rest.indexOf('/') < 0) {
        out.add(rest);
      }
    }
    return out;
  }

  /** Every path strictly below {@code path}: in a sorted map they form one run of keys. */
  private List<String> descendants(String path) {
    String prefix = path.equals(ZnodePaths.ROOT) ? ZnodePaths.ROOT : path + "/";
    List<String> out = new ArrayList<>();
    for (String key : nodes.tailMap(prefix, true).keySet()) {
      if (!key.startsWith(prefix)) {
        break;
      }
      if (!key.equals(ZnodePaths.ROOT)) {
        out.add(key);
      }
    }
    return out;
  }

  /** §6.1: the client-visible stat, computed from the stored fields and the path map. */
  private Stat statOf(String path) {
    RefNode n = nodes.get(path);
    int numChildren = childNames(path).size();
    return new Stat(
        n.czxid,
        n.mzxid,
        n.ctime,
        n.mtime,
        n.version,
        2 * n.storedCversion - numChildren,
        n.aversion,
        EphemeralKind.visibleOwner(n.storedOwner),
        n.data == null ? 0 : n.data.length,
        numChildren,
        n.pzxid);
  }

  /** The reference has no invariants beyond its map. */
  @Override
  public void checkInvariants() {}

  /** The reference keeps no digest. */
  @Override
  public long digest() {
    return 0;
  }

  /** The view that re-registering watches reads. */
  @Override
  public NodeZxids nodeZxids() {
    return new NodeZxids() {
      @Override
      public boolean exists(String path) {
        return ReferenceTree.this.exists(path) != null;
      }

      @Override
      public long mzxid(String path) {
        return ReferenceTree.this.mzxid(path);
      }

      @Override
      public long pzxid(String path) {
        return ReferenceTree.this.pzxid(path);
      }
    };
  }

  @Override
  public String toString() {
    return "ReferenceTree";
  }
}
