package io.paddock.store.tree;

import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.Stat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree's structure and the indexes that must move with it: path lookup, linking and unlinking
 * nodes (child tables, node count, ACL counts, ephemeral and reap indexes), and the hook every
 * field mutation goes through ({@link #touch}) so that an open snapshot cursor saves a pre-image
 * and a running multi records what to undo.
 *
 * <p>The digest lives here but is kept by the write ops, which know the paths.
 */
final class TreeStore {
  final Znode root;
  final AclCache acls;
  final EphemeralIndex ephemerals = new EphemeralIndex();
  final ReapIndex reapables = new ReapIndex();
  final Map<Long, Integer> sessions = new HashMap<>();
  int nodeCount = 1;
  long digest;

  /** {@code zk_approximate_data_size}, kept by the write ops like the digest. */
  long dataSize;

  /** The open snapshot cursor, or null. */
  SnapshotCursor cursor;

  /** The undo log of the multi being applied, or null. */
  UndoLog undo;

  /** A store holding only {@code root}, whose ACL ref must be defined in {@code acls}. */
  TreeStore(Znode root, AclCache acls) {
    if (root.parent != null || NodeBytes.nameLength(root.bytes) != 0) {
      throw new IllegalArgumentException("the root has no parent and an empty name");
    }
    this.root = root;
    this.acls = acls;
    acls.retain(root.aclRef);
  }

  /** The node at {@code path}, or null (also for paths that are not well formed). */
  Znode lookup(String path) {
    return lookup(path, path.length());
  }

  /**
   * The node at the path {@code path[0, end)}; {@code end == 0} means the root (the parent of a
   * top-level node). Walks child tables segment by segment without allocating.
   */
  Znode lookup(String path, int end) {
    if (end == 0) {
      return root;
    }
    if (path.charAt(0) != '/') {
      return null;
    }
    if (end == 1) {
      return root;
    }
    if (path.charAt(end - 1) == '/') {
      return null;
    }
    Znode n = root;
    int from = 1;
    while (from <= end) {
      int to = path.indexOf('/', from);
      if (to < 0 || to > end) {
        to = end;
      }
      if (to == from || n.children == null) {
        return null;
      }
      n = n.children.find(path, from, to);
      if (n == null) {
        return null;
      }
      from = to + 1;
    }
    return n;
  }

  /** Links a node under its parent and into every index. */
  void link(Znode child) {
    Znode parent = child.parent;
    if (parent.children == null) {
      parent.children = new ChildTable();
    }
    parent.children.add(child);
    linked(child);
  }

  /**
   * Links a node unless its parent has a child of that name (snapshot loading).
   *
   * @return false, changing nothing, for a duplicate name
   */
  boolean linkIfAbsent(Znode child) {
    Znode parent = child.parent;
    if (parent.children == null) {
      parent.children = new ChildTable();
    }
    if (!parent.children.addIfAbsent(child)) {
      return false;
    }
    linked(child);
    return true;
  }

  private void linked(Znode child) {
    nodeCount++;
    acls.retain(child.aclRef);
    index(child, true);
    if (undo != null) {
      undo.linked(child);
    }
  }

  /** Unlinks a node from its parent and from every index; the node object stays intact. */
  void unlink(Znode child) {
    Znode parent = child.parent;
    if (parent == null || parent.children == null) {
      throw new IllegalStateException("unlinking a node that is not linked: " + child);
    }
    parent.children.remove(child);
    if (parent.children.size() == 0) {
      parent.children = null;
    }
    nodeCount--;
    acls.release(child.aclRef);
    index(child, false);
    if (undo != null) {
      undo.unlinked(child);
    }
  }

  private void index(Znode n, boolean add) {
    long owner = n.storedOwner();
    if (EphemeralKind.isSession(owner)) {
      if (add) {
        ephemerals.add(n);
      } else {
        ephemerals.remove(n);
      }
    } else if (ReapIndex.covers(owner)) {
      if (add) {
        reapables.add(n);
      } else {
        reapables.remove(n);
      }
    }
  }

  /** Must precede every change of a node's fields: saves the pre-image and the undo record. */
  void touch(Znode n) {
    if (cursor != null) {
      cursor.beforeMutate(n);
    }
    if (undo != null) {
      undo.fields(n);
    }
  }

  /** Replaces a node's ACL ref, moving the counts. The caller has touched the node. */
  void setAclRef(Znode n, int ref) {
    if (n.aclRef != ref) {
      acls.retain(ref);
      acls.release(n.aclRef);
      n.aclRef = ref;
    }
  }

  /** The stat as clients see it (§6.1). */
  Stat stat(Znode n) {
    int numChildren = n.numChildren();
    return new Stat(
        n.czxid,
        n.mzxid,
        n.ctime,
        n.mtime,
        n.version,
        2 * n.cversion - numChildren,
        n.aversion,
        EphemeralKind.visibleOwner(n.storedOwner()),
        NodeBytes.dataLength(n.bytes),
        numChildren,
        n.pzxid);
  }

  /** The node's full path, built from the parent chain. */
  String pathOf(Znode n) {
    if (n.parent == null) {
      return "/";
    }
    List<Znode> chain = new ArrayList<>();
    for (Znode x = n; x.parent != null; x = x.parent) {
      chain.add(x);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = chain.size() - 1; i >= 0; i--) {
      sb.append('/').append(NodeBytes.name(chain.get(i).bytes));
    }
    return sb.toString();
  }

  /** The paths of {@code nodes}, sorted. */
  List<String> sortedPaths(Collection<Znode> nodes) {
    List<String> paths = new ArrayList<>(nodes.size());
    for (Znode n : nodes) {
      paths.add(pathOf(n));
    }
    Collections.sort(paths);
    return paths;
  }

  /** Opens or updates a session. */
  void putSession(long sessionId, int timeoutMs) {
    Integer old = sessions.put(sessionId, timeoutMs);
    if (old != null) {
      digest -= StateDigest.session(sessionId, old);
    }
    digest += StateDigest.session(sessionId, timeoutMs);
  }

  /** Removes a session, if present. */
  void removeSession(long sessionId) {
    Integer old = sessions.remove(sessionId);
    if (old != null) {
      digest -= StateDigest.session(sessionId, old);
    }
  }
}
