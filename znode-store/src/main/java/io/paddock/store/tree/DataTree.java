package io.paddock.store.tree;

import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.NodeZxids;
import io.paddock.store.watch.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The replicated znode tree: a deterministic state machine that applies txns in zxid order and
 * answers reads. Single-threaded: the server drives it from one thread, and nothing here locks.
 *
 * <p>Applying returns the reply and the watch events; it fires nothing itself. Every replica that
 * applies the same txns reaches the same state and the same {@link #digest()}.
 *
 * <p>Memory: a node is one 80-byte object (88 with a stored owner) plus one array holding its name
 * and data, plus one slot in its parent's child table; there is no path map and no per-node path
 * string. About 225 bytes per znode with 100-byte data and 17-character paths.
 */
public final class DataTree {
  private static final byte[] EMPTY = new byte[0];

  private final TreeStore store;
  private final WriteOps ops;
  private final MultiApplier multis;
  private long lastProcessedZxid;

  /**
   * The tree ZooKeeper starts with even standalone (§9.1): "/" and "/zookeeper" and
   * "/zookeeper/quota" (open ACL, zero stat), "/zookeeper/config" (read-only ACL, zero stat but
   * aversion −1); all with empty data. lastProcessedZxid is 0.
   */
  public DataTree() {
    AclCache acls = new AclCache();
    int open = acls.refFor(Acl.OPEN_ACL_UNSAFE);
    this.store = new TreeStore(new Znode(null, NodeBytes.ROOT, 0, 0, open), acls);
    Znode zookeeper = addInitial(store.root, ZnodePaths.ZOOKEEPER, open);
    addInitial(zookeeper, ZnodePaths.QUOTA, open);
    Znode config = addInitial(zookeeper, ZnodePaths.CONFIG, acls.refFor(Acl.READ_ACL_UNSAFE));
    config.aversion = -1;
    acls.purgeUnused();
    store.digest = StateDigest.compute(store.root, acls, store.sessions);
    store.dataSize = ApproximateDataSize.compute(store.root);
    this.ops = new WriteOps(store);
    this.multis = new MultiApplier(store, ops);
  }

  private Znode addInitial(Znode parent, String path, int aclRef) {
    byte[] bytes = NodeBytes.build(path, path.lastIndexOf('/') + 1, path.length(), EMPTY);
    Znode n = new Znode(parent, bytes, 0, 0, aclRef);
    store.link(n);
    return n;
  }

  /** A tree over a loaded store (snapshot loading). */
  DataTree(TreeStore store, long lastProcessedZxid) {
    this.store = store;
    store.dataSize = ApproximateDataSize.compute(store.root);
    this.ops = new WriteOps(store);
    this.multis = new MultiApplier(store, ops);
    this.lastProcessedZxid = lastProcessedZxid;
  }

  TreeStore store() {
    return store;
  }

  /**
   * ZooKeeper's {@code zk_approximate_data_size}: the sum over all nodes of the path's length in
   * chars and the data's length in bytes. Kept up to date by every applied txn, O(1).
   */
  public long approximateDataSize() {
    return store.dataSize;
  }

  /**
   * Applies one txn. A failed write changes nothing but still consumes its zxid (§9.9).
   *
   * <p>CreateSession on an id that is already open is an idempotent update of its timeout.
   * CloseSession deletes the session's ephemerals in sorted path order (each fires NODE_DELETED and
   * NODE_CHILDREN_CHANGED on its parent) and succeeds even for an unknown session.
   *
   * @return the error code, the result body and the watch events in ZooKeeper's order
   * @throws IllegalStateException when {@code header.zxid()} is not above {@link
   *     #lastProcessedZxid()}: a replica must never apply out of order
   */
  public ApplyResult apply(TxnHeader header, Txn txn) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(txn, "txn");
    if (header.zxid() <= lastProcessedZxid) {
      throw new IllegalStateException(
          "txn zxid 0x"
              + Long.toHexString(header.zxid())
              + " is not above last processed 0x"
              + Long.toHexString(lastProcessedZxid));
    }
    ApplyResult result = dispatch(header, txn);
    lastProcessedZxid = header.zxid();
    store.acls.purgeUnused();
    return result;
  }

  private ApplyResult dispatch(TxnHeader h, Txn txn) {
    List<WatchEvent> events = new ArrayList<>(2);
    OpResult r;
    if (txn instanceof Txn.Multi m) {
      return multis.apply(h, m);
    } else if (txn instanceof Txn.CreateSession s) {
      r = ops.createSession(s, h);
    } else if (txn instanceof Txn.CloseSession) {
      r = ops.closeSession(h, events);
    } else {
      r = ops.applyOp(txn, h, events);
    }
    ErrorCode err = r instanceof OpResult.Failed f ? f.err() : ErrorCode.OK;
    return new ApplyResult(h.zxid(), err, r, events);
  }

  /** The zxid of the last applied txn; 0 on a fresh tree. */
  public long lastProcessedZxid() {
    return lastProcessedZxid;
  }

  /** The node's data (a copy; null when the node holds null) and stat, or null when missing. */
  public ZnodeData getData(String path) {
    Znode n = store.lookup(path);
    return n == null ? null : new ZnodeData(NodeBytes.data(n.bytes), store.stat(n));
  }

  /** The node's stat, or null when missing. */
  public Stat exists(String path) {
    Znode n = store.lookup(path);
    return n == null ? null : store.stat(n);
  }

  /** The child names (in no particular order) and the stat, or null when missing. */
  public ChildrenWithStat getChildren(String path) {
    Znode n = store.lookup(path);
    if (n == null) {
      return null;
    }
    List<String> names = new ArrayList<>(n.numChildren());
    ChildTable t = n.children;
    if (t != null) {
      for (int i = 0; i < t.capacity(); i++) {
        Znode c = t.slot(i);
        if (c != null) {
          names.add(NodeBytes.name(c.bytes));
        }
      }
    }
    return new ChildrenWithStat(names, store.stat(n));
  }

  /** The ACL and the stat, or null when missing. */
  public AclWithStat getAcl(String path) {
    Znode n = store.lookup(path);
    return n == null ? null : new AclWithStat(store.acls.get(n.aclRef), store.stat(n));
  }

  /** The node's ACL (an immutable shared list) without building a Stat, or null when missing. */
  public List<Acl> aclOf(String path) {
    Znode n = store.lookup(path);
    return n == null ? null : store.acls.get(n.aclRef);
  }

  /** The number of descendants (the node itself excluded), or −1 when missing. */
  public int getAllChildrenNumber(String path) {
    Znode n = store.lookup(path);
    if (n == null) {
      return -1;
    }
    if (n == store.root) {
      return store.nodeCount - 1;
    }
    return TreeWalk.countDescendants(n);
  }

  /**
   * The session's ephemeral paths, sorted, filtered as ZooKeeper's getEphemerals does: a null or
   * blank prefix or "/" means all; otherwise a plain string {@code startsWith} (so "/a" also
   * matches "/ab").
   */
  public List<String> getEphemerals(long sessionId, String prefixPath) {
    boolean all =
        prefixPath == null || prefixPath.isBlank() || ZnodePaths.ROOT.equals(prefixPath.trim());
    List<String> out = new ArrayList<>();
    for (String p : store.sortedPaths(store.ephemerals.of(sessionId))) {
      if (all || p.startsWith(prefixPath)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The number of nodes, the root included: 4 on a fresh tree. ZooKeeper's four-letter "Node count"
   * shows one more, because its node map holds the root under both "" and "/".
   */
  public int nodeCount() {
    return store.nodeCount;
  }

  /** The open sessions, id to timeout in ms: an unmodifiable snapshot. */
  public Map<Long, Integer> sessions() {
    return Map.copyOf(store.sessions);
  }

  /** True when the session is open. */
  public boolean hasSession(long sessionId) {
    return store.sessions.containsKey(sessionId);
  }

  /** The node's mzxid, or −1 when missing. */
  public long mzxid(String path) {
    Znode n = store.lookup(path);
    return n == null ? -1 : n.mzxid;
  }

  /** The node's pzxid, or −1 when missing. */
  public long pzxid(String path) {
    Znode n = store.lookup(path);
    return n == null ? -1 : n.pzxid;
  }

  /**
   * This tree seen as {@link NodeZxids} for re-registering watches. (The tree itself cannot
   * implement it: its {@code exists} returns a Stat, the interface's a boolean.)
   */
  public NodeZxids nodeZxids() {
    return new NodeZxids() {
      @Override
      public boolean exists(String path) {
        return store.lookup(path) != null;
      }

      @Override
      public long mzxid(String path) {
        return DataTree.this.mzxid(path);
      }

      @Override
      public long pzxid(String path) {
        return DataTree.this.pzxid(path);
      }
    };
  }

  /**
   * The paths the container reaper should delete at {@code nowMs}, sorted (§9.4, §9.5): childless
   * containers whose stored cversion is above 0; childless never-used containers with {@code nowMs
   * − mtime > maxNeverUsedIntervalMs} when that interval is positive; childless TTL nodes with
   * {@code nowMs − mtime > ttl}. Looks only at the container and TTL index, never the whole tree.
   */
  public List<String> reapCandidates(long nowMs, long maxNeverUsedIntervalMs) {
    return store.sortedPaths(store.reapables.candidates(nowMs, maxNeverUsedIntervalMs));
  }

  /**
   * The digest of the whole state (every node and every session), kept up to date on each write;
   * see {@link StateDigest} for its exact definition. Equal states give equal digests whatever
   * their history; lastProcessedZxid is not part of it.
   */
  public long digest() {
    return store.digest;
  }

  /**
   * Checks every invariant: parent links and child tables, the node count, no children under
   * ephemerals, the ephemeral and the container/TTL indexes, ACL reference counts, zxids not above
   * lastProcessedZxid, and the kept digest against one recomputed from scratch. O(nodes).
   *
   * @throws IllegalStateException naming the first broken invariant
   */
  public void checkInvariants() {
    TreeInvariants.check(store, lastProcessedZxid);
  }

  /**
   * Starts an exact snapshot of the tree as of {@link #lastProcessedZxid()}, to be encoded in
   * slices while writes go on. O(nodes) to capture the node order; encoding happens in {@link
   * SnapshotCursor#writeSlice}. Only one cursor may be open at a time.
   *
   * @throws IllegalStateException when a cursor is already open
   */
  public SnapshotCursor beginSnapshot() {
    if (store.cursor != null) {
      throw new IllegalStateException("a snapshot cursor is already open");
    }
    SnapshotCursor cursor = new SnapshotCursor(this, lastProcessedZxid);
    store.cursor = cursor;
    return cursor;
  }

  /** Detaches {@code cursor} if it is the open one. */
  void endSnapshot(SnapshotCursor cursor) {
    if (store.cursor == cursor) {
      store.cursor = null;
    }
  }
}
