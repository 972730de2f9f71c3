package io.paddock.store.tree;

import io.paddock.store.model.EphemeralKind;

/**
 * One znode, kept as small as the JVM allows: with compressed oops this object is 80 bytes (12
 * header + 3 refs + 5 longs + 4 ints). Its name and data share one immutable array ({@link
 * NodeBytes}); its children live in a {@link ChildTable} allocated only when it has any.
 *
 * <p>Plain persistent nodes are this class; nodes with a stored owner (ephemeral, container, TTL)
 * are {@link OwnedZnode}, so the 8-byte owner is paid only where it is used. Identity is object
 * identity (no equals/hashCode), which the indexes rely on.
 */
class Znode {
  /** The parent; null only for the root. Never changes, even after the node is unlinked. */
  final Znode parent;

  /** Name and data, see {@link NodeBytes}. Replaced, never modified. */
  byte[] bytes;

  /** The children, or null when there are none. */
  ChildTable children;

  final long czxid;
  final long ctime;
  long mzxid;
  long pzxid;
  long mtime;
  int version;

  /** The stored (persisted) cversion: the number of child creates ever. */
  int cversion;

  int aversion;

  /** The {@link AclCache} ref of the ACL. */
  int aclRef;

  /** A node with zero versions; mzxid and pzxid start at czxid, mtime at ctime. */
  Znode(Znode parent, byte[] bytes, long czxid, long ctime, int aclRef) {
    this.parent = parent;
    this.bytes = bytes;
    this.czxid = czxid;
    this.ctime = ctime;
    this.mzxid = czxid;
    this.pzxid = czxid;
    this.mtime = ctime;
    this.aclRef = aclRef;
  }

  /** The stored ephemeralOwner: 0 for a plain persistent node. */
  long storedOwner() {
    return 0;
  }

  /** The number of children. */
  final int numChildren() {
    return children == null ? 0 : children.size();
  }

  /** True when the node is an ephemeral (its stored owner is a session). */
  final boolean isEphemeral() {
    return EphemeralKind.isSession(storedOwner());
  }

  /** A node of the right class for {@code storedOwner}. */
  static Znode create(Znode parent, byte[] bytes, long czxid, long ctime, int aclRef, long owner) {
    return owner == 0
        ? new Znode(parent, bytes, czxid, ctime, aclRef)
        : new OwnedZnode(parent, bytes, czxid, ctime, aclRef, owner);
  }

  @Override
  public String toString() {
    return "Znode(" + NodeBytes.name(bytes) + ", czxid=0x" + Long.toHexString(czxid) + ")";
  }
}
