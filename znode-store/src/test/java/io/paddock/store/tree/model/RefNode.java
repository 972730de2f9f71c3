package io.paddock.store.tree.model;

import io.paddock.store.model.Acl;
import java.util.List;

/**
 * One znode of the {@link ReferenceTree}: every stored field as a plain mutable field, nothing
 * derived. The children and the client-visible stat are computed by the tree from the path map.
 */
final class RefNode {
  /** The data, null when the node holds null. Never mutated in place; replaced on setData. */
  byte[] data;

  /** The ACL as stored (already expanded by prep). */
  List<Acl> acl;

  long czxid;
  long mzxid;
  long ctime;
  long mtime;
  int version;

  /** The stored cversion: the number of child creates ever (deletes do not change it). */
  int storedCversion;

  int aversion;

  /** The stored owner: a session id, {@code CONTAINER_OWNER}, a TTL owner, or 0. */
  long storedOwner;

  long pzxid;

  /** A node with the given data and ACL and every other field zero. */
  static RefNode zero(byte[] data, List<Acl> acl) {
    RefNode n = new RefNode();
    n.data = data;
    n.acl = acl;
    return n;
  }

  /** A field-by-field copy (the data array is shared; it is never mutated). */
  RefNode copy() {
    RefNode n = new RefNode();
    n.data = data;
    n.acl = acl;
    n.czxid = czxid;
    n.mzxid = mzxid;
    n.ctime = ctime;
    n.mtime = mtime;
    n.version = version;
    n.storedCversion = storedCversion;
    n.aversion = aversion;
    n.storedOwner = storedOwner;
    n.pzxid = pzxid;
    return n;
  }
}
