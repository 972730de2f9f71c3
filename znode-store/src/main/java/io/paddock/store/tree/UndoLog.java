package io.paddock.store.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * What a multi changed, so a failed multi can put the tree back exactly as it was without copying
 * it: the old field values of every touched node, and every link and unlink, replayed backwards.
 *
 * <p>Unlinked nodes are re-linked as the same objects, so an open snapshot cursor, which refers to
 * nodes by identity, never sees a difference. The digest is restored by the caller.
 */
final class UndoLog {
  private sealed interface Entry permits Fields, Linked, Unlinked {}

  private record Fields(
      Znode node,
      byte[] bytes,
      long mzxid,
      long pzxid,
      long mtime,
      int version,
      int cversion,
      int aversion,
      int aclRef)
      implements Entry {}

  private record Linked(Znode node) implements Entry {}

  private record Unlinked(Znode node) implements Entry {}

  private final List<Entry> entries = new ArrayList<>();

  /** Records a node's mutable fields before they change. */
  void fields(Znode n) {
    entries.add(
        new Fields(
            n, n.bytes, n.mzxid, n.pzxid, n.mtime, n.version, n.cversion, n.aversion, n.aclRef));
  }

  /** Records that a node was linked. */
  void linked(Znode n) {
    entries.add(new Linked(n));
  }

  /** Records that a node was unlinked. */
  void unlinked(Znode n) {
    entries.add(new Unlinked(n));
  }

  /** Undoes everything, newest first. The store's undo log must already be detached. */
  void rollback(TreeStore store) {
    if (store.undo != null) {
      throw new IllegalStateException("roll back with the undo log detached");
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e instanceof Linked l) {
        store.unlink(l.node());
      } else if (e instanceof Unlinked u) {
        store.link(u.node());
      } else {
        restore(store, (Fields) e);
      }
    }
    entries.clear();
  }

  private static void restore(TreeStore store, Fields f) {
    Znode n = f.node();
    store.touch(n);
    n.bytes = f.bytes();
    n.mzxid = f.mzxid();
    n.pzxid = f.pzxid();
    n.mtime = f.mtime();
    n.version = f.version();
    n.cversion = f.cversion();
    n.aversion = f.aversion();
    store.setAclRef(n, f.aclRef());
  }
}
