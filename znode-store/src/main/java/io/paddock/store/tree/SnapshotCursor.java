package io.paddock.store.tree;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact snapshot of a {@link DataTree} as of one zxid Z, encoded in slices while writes keep
 * being applied (unlike ZooKeeper's fuzzy snapshots, cf. ZOOKEEPER-3127).
 *
 * <p>At {@link DataTree#beginSnapshot()} the cursor records Z, the session table, the ACL table,
 * the digest and every node ref in depth-first order. While it is open, the tree hands it each node
 * that existed at Z (czxid ≤ Z) before the node's first change, and the cursor keeps that node's
 * pre-image (its immutable byte array and its stat fields). Nodes created after Z are not in the
 * captured order; nodes deleted after Z still are, and are written as they were at Z.
 *
 * <p>The body format is described in {@link SnapshotCodec}. Use from the apply thread only, between
 * applies; always {@link #close()} it, also when the snapshot is abandoned.
 */
public final class SnapshotCursor implements AutoCloseable {
  /** A node's mutable fields as they were at Z. */
  private record PreImage(
      byte[] bytes,
      long mzxid,
      long pzxid,
      long mtime,
      int version,
      int cversion,
      int aversion,
      int aclRef) {}

  private final DataTree tree;
  private final long zxid;
  private final long digest;
  private final Map<Long, Integer> sessions;
  private final Map<Integer, List<Acl>> acls;
  private final int nodeCount;
  private Znode[] nodes;
  private int[] parents;
  private IdentityHashMap<Znode, PreImage> preImages = new IdentityHashMap<>();
  private int next = -1;
  private boolean finished;
  private boolean closed;

  SnapshotCursor(DataTree tree, long zxid) {
    TreeStore store = tree.store();
    this.tree = tree;
    this.zxid = zxid;
    this.digest = store.digest;
    this.sessions = new TreeMap<>(store.sessions);
    this.acls = store.acls.table();
    TreeWalk.Order order = TreeWalk.preorder(store.root, store.nodeCount);
    this.nodes = order.nodes();
    this.parents = order.parents();
    this.nodeCount = nodes.length;
  }

  /** The zxid Z the snapshot captures. */
  public long zxid() {
    return zxid;
  }

  /** The number of nodes the snapshot holds. */
  public int nodeCount() {
    return nodeCount;
  }

  /** The tree digest as of Z (it is also written at the end of the body). */
  public long digest() {
    return digest;
  }

  /** True once the whole body has been written. */
  public boolean isFinished() {
    return finished;
  }

  /** Called by the tree before it changes a node's fields. */
  void beforeMutate(Znode n) {
    if (n.czxid <= zxid && !preImages.containsKey(n)) {
      preImages.put(
          n,
          new PreImage(
              n.bytes, n.mzxid, n.pzxid, n.mtime, n.version, n.cversion, n.aversion, n.aclRef));
    }
  }

  /**
   * Writes the next part of the body: the header on the first call, then up to {@code nodeBudget}
   * nodes, then the trailer once every node is written.
   *
   * @return true when the body is complete (later calls write nothing and return true)
   * @throws IllegalStateException when the cursor is closed
   */
  public boolean writeSlice(JuteWriter out, int nodeBudget) {
    if (closed) {
      throw new IllegalStateException("snapshot cursor is closed");
    }
    if (nodeBudget < 1) {
      throw new IllegalArgumentException("node budget must be positive: " + nodeBudget);
    }
    if (finished) {
      return true;
    }
    if (next < 0) {
      writeHeader(out);
      next = 0;
    }
    int end = (int) Math.min(nodeCount, (long) next + nodeBudget);
    for (; next < end; next++) {
      writeNode(out, nodes[next], parents[next]);
      nodes[next] = null; // let deleted nodes go
    }
    if (next == nodeCount) {
      out.writeLong(digest);
      out.writeInt(SnapshotCodec.END_MARKER);
      finished = true;
      release();
    }
    return finished;
  }

  private void writeHeader(JuteWriter out) {
    out.writeInt(SnapshotCodec.MAGIC);
    out.writeInt(SnapshotCodec.FORMAT_VERSION);
    out.writeLong(zxid);
    out.writeInt(sessions.size());
    for (Map.Entry<Long, Integer> s : sessions.entrySet()) {
      out.writeLong(s.getKey());
      out.writeInt(s.getValue());
    }
    out.writeInt(acls.size());
    for (Map.Entry<Integer, List<Acl>> a : acls.entrySet()) {
      out.writeInt(a.getKey());
      Acl.writeList(out, a.getValue());
    }
    out.writeInt(nodeCount);
  }

  private void writeNode(JuteWriter out, Znode n, int parent) {
    PreImage p = preImages.get(n);
    byte[] bytes = p == null ? n.bytes : p.bytes();
    out.writeInt(parent);
    out.writeBuffer(bytes, NodeBytes.nameOffset(bytes), NodeBytes.nameLength(bytes));
    if (NodeBytes.isNullData(bytes)) {
      out.writeInt(JuteWriter.NULL_LENGTH);
    } else {
      int off = NodeBytes.dataOffset(bytes);
      out.writeBuffer(bytes, off, bytes.length - off);
    }
    out.writeInt(p == null ? n.aclRef : p.aclRef());
    out.writeLong(n.czxid);
    out.writeLong(p == null ? n.mzxid : p.mzxid());
    out.writeLong(n.ctime);
    out.writeLong(p == null ? n.mtime : p.mtime());
    out.writeInt(p == null ? n.version : p.version());
    out.writeInt(p == null ? n.cversion : p.cversion());
    out.writeInt(p == null ? n.aversion : p.aversion());
    out.writeLong(n.storedOwner());
    out.writeLong(p == null ? n.pzxid : p.pzxid());
  }

  private void release() {
    tree.endSnapshot(this);
    nodes = null;
    parents = null;
    preImages = null;
  }

  /** Ends the snapshot, finished or not: the tree stops saving pre-images. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }
}
