package io.paddock.server.core.prep;

import io.paddock.store.model.Acl;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.txn.Txn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree as the earlier ops of one multi leave it, for prepping its later ops, as ZooKeeper's
 * prep sees its outstanding changes: a create makes the node exist with its new ACL and no child
 * ever created, and counts one more child create on its parent; a delete makes the node missing. A
 * sequential create gets the name the DataTree will give it when it applies the multi (the parent's
 * stored cversion as the earlier ops leave it, PROTOCOL 9.2), so later ops may name it.
 */
final class MultiOverlay implements NodeView {
  /** A unique marker (never equal by identity to a real ACL list). */
  private static final List<Acl> DELETED = Collections.unmodifiableList(new ArrayList<>());

  private final NodeView base;
  private final Map<String, List<Acl>> changed = new HashMap<>();
  private final Map<String, Integer> childCreates = new HashMap<>();

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

  @Override
  public int storedCversionOf(String path) {
    Integer count = childCreates.get(path);
    return count != null ? count : base.storedCversionOf(path);
  }

  /** Records the effect of a prepped op. */
  void record(Txn op) {
    if (op instanceof Txn.Create c) {
      String parent = WritePrep.parentOf(c.path());
      int parentCreates = storedCversionOf(parent);
      String path =
          c.mode().isSequential() ? ZnodePaths.sequentialName(c.path(), parentCreates) : c.path();
      changed.put(path, c.acl());
      childCreates.put(path, 0);
      childCreates.put(parent, parentCreates + 1);
    } else if (op instanceof Txn.Delete d) {
      changed.put(d.path(), DELETED);
      childCreates.remove(d.path());
    }
  }
}
