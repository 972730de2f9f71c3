package io.paddock.server.core.prep;

import io.paddock.store.model.Acl;
import io.paddock.store.txn.Txn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree as the earlier ops of one multi leave it, for prepping its later ops: a create of a
 * fixed path makes the node exist with its new ACL, a delete makes it missing. Sequential creates
 * are not tracked (their names are decided when the multi is applied), so a later op of the same
 * multi that names such a node sees the tree as it was; ZooKeeper would see the node.
 */
final class MultiOverlay implements NodeView {
  /** A unique marker (never equal by identity to a real ACL list). */
  private static final List<Acl> DELETED = Collections.unmodifiableList(new ArrayList<>());

  private final NodeView base;
  private final Map<String, List<Acl>> changed = new HashMap<>();

  MultiOverlay(NodeView base) {
    this.base = base;
  }

  @Override
  public List<Acl> aclOf(String path) {
    List<Acl> acl = changed.get(path);
    if (acl == null) {
      return base.aclOf(path);
    }
    return acl == DELETED ? null : acl;
  }

  /** Records the effect of a prepped op. */
  void record(Txn op) {
    if (op instanceof Txn.Create c && !c.mode().isSequential()) {
      changed.put(c.path(), c.acl());
    } else if (op instanceof Txn.Delete d) {
      changed.put(d.path(), DELETED);
    }
  }
}
