package io.paddock.server.core;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.tree.DataTree;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the core must know about a txn's nodes before it is applied, to act after: the ACL of every
 * node the txn may delete (a NodeDeleted notification is filtered by the deleted node's ACL,
 * PROTOCOL 8.1). The tree keeps {@code zk_approximate_data_size} itself. A txn that deletes nothing
 * (a setData, a sequential create) captures nothing and allocates no map.
 */
final class ApplyEffects {
  /**
   * The ACL used for a notification on a node whose ACL is not known: no one but a super user may
   * read it. (Only a multi that deletes a sequential node it created itself can get here.)
   */
  static final List<Acl> UNKNOWN_ACL = List.of(new Acl(0, Id.ANYONE));

  private Map<String, List<Acl>> aclsBefore; // created on the first ACL captured

  private ApplyEffects() {}

  /** Reads what it needs of the tree before {@code txn} is applied. */
  static ApplyEffects capture(DataTree tree, TxnHeader header, Txn txn) {
    ApplyEffects e = new ApplyEffects();
    e.add(tree, header, txn);
    return e;
  }

  private void add(DataTree tree, TxnHeader header, Txn txn) {
    if (txn instanceof Txn.Multi m) {
      m.ops().forEach(op -> add(tree, header, op));
    } else if (txn instanceof Txn.Create c) {
      if (!c.mode().isSequential()) {
        remember(c.path(), c.acl()); // a later op of a multi may delete it
      }
    } else if (txn instanceof Txn.Delete d) {
      beforeDelete(tree, d.path());
    } else if (txn instanceof Txn.DeleteContainer d) {
      beforeDelete(tree, d.path());
    } else if (txn instanceof Txn.CloseSession) {
      tree.getEphemerals(header.sessionId(), null).forEach(p -> beforeDelete(tree, p));
    }
  }

  private void beforeDelete(DataTree tree, String path) {
    List<Acl> acl = tree.aclOf(path);
    if (acl != null) {
      remember(path, acl);
    }
  }

  private void remember(String path, List<Acl> acl) {
    if (aclsBefore == null) {
      aclsBefore = new HashMap<>();
    }
    aclsBefore.putIfAbsent(path, acl);
  }

  /**
   * After the apply: the ACL that decides who may be told of an event on {@code path}: the node's
   * ACL now, or for a node the txn deleted, its ACL before.
   */
  List<Acl> aclForEvent(DataTree tree, String path) {
    List<Acl> now = tree.aclOf(path);
    if (now != null) {
      return now;
    }
    List<Acl> before = aclsBefore == null ? null : aclsBefore.get(path);
    return before == null ? UNKNOWN_ACL : before;
  }
}
