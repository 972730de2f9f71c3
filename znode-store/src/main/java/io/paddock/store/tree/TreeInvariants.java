package io.paddock.store.tree;

import io.paddock.store.model.EphemeralKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The full consistency check behind {@link DataTree#checkInvariants()}. */
final class TreeInvariants {
  private TreeInvariants() {}

  static void check(TreeStore store, long lastProcessedZxid) {
    if (store.undo != null) {
      throw new IllegalStateException("an undo log is still attached outside a multi");
    }
    Znode root = store.root;
    if (root.parent != null || NodeBytes.nameLength(root.bytes) != 0 || root.storedOwner() != 0) {
      throw new IllegalStateException("the root must have no parent, no name and no owner");
    }
    TreeWalk.Order order = TreeWalk.preorder(root, store.nodeCount);
    Set<Znode> ephemerals = new HashSet<>();
    Set<Znode> reapables = new HashSet<>();
    Map<Integer, Integer> aclUsers = new HashMap<>();
    for (Znode n : order.nodes()) {
      aclUsers.merge(n.aclRef, 1, Integer::sum);
      long owner = n.storedOwner();
      if (EphemeralKind.isSession(owner)) {
        ephemerals.add(n);
      } else if (ReapIndex.covers(owner)) {
        reapables.add(n);
      }
      if (n.czxid > lastProcessedZxid
          || n.mzxid > lastProcessedZxid
          || n.pzxid > lastProcessedZxid) {
        throw new IllegalStateException(
            store.pathOf(n)
                + " has a zxid above lastProcessedZxid 0x"
                + Long.toHexString(lastProcessedZxid));
      }
      checkChildren(store, n);
    }
    store.ephemerals.checkInvariants(ephemerals);
    store.reapables.checkInvariants(reapables);
    store.acls.checkInvariants(aclUsers);
    long recomputed = StateDigest.compute(root, store.acls, store.sessions);
    if (recomputed != store.digest) {
      throw new IllegalStateException(
          "kept digest "
              + Long.toHexString(store.digest)
              + " differs from recomputed "
              + Long.toHexString(recomputed));
    }
    long dataSize = ApproximateDataSize.compute(root);
    if (dataSize != store.dataSize) {
      throw new IllegalStateException(
          "kept approximate data size " + store.dataSize + " differs from recomputed " + dataSize);
    }
  }

  private static void checkChildren(TreeStore store, Znode n) {
    ChildTable t = n.children;
    if (t == null) {
      return;
    }
    if (t.size() == 0) {
      throw new IllegalStateException(store.pathOf(n) + " keeps an empty child table");
    }
    if (n.isEphemeral()) {
      throw new IllegalStateException("ephemeral " + store.pathOf(n) + " has children");
    }
    t.checkInvariants(n);
    for (int i = 0; i < t.capacity(); i++) {
      Znode c = t.slot(i);
      if (c == null) {
        continue;
      }
      if (c.parent != n) {
        throw new IllegalStateException(c + " sits under " + store.pathOf(n) + " but points away");
      }
      int off = NodeBytes.nameOffset(c.bytes);
      int len = NodeBytes.nameLength(c.bytes);
      if (len == 0) {
        throw new IllegalStateException("a child of " + store.pathOf(n) + " has an empty name");
      }
      if (t.find(c.bytes, off, len) != c) {
        throw new IllegalStateException(
            "child " + store.pathOf(c) + " is not found by its name (duplicate name?)");
      }
    }
  }
}
