package io.paddock.server.core;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.DataTree;
import io.paddock.store.tree.OpResult;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the core must know about a txn's nodes before it is applied, to act after: the ACL of every
 * node the txn may delete (a NodeDeleted notification is filtered by the deleted node's ACL,
 * PROTOCOL 8.1) and the size of every node it may change (for {@code zk_approximate_data_size}).
 */
final class ApplyEffects {
  /**
   * The ACL used for a notification on a node whose ACL is not known: no one but a super user may
   * read it. (Only a multi that deletes a sequential node it created itself can get here.)
   */
  static final List<Acl> UNKNOWN_ACL = List.of(new Acl(0, Id.ANYONE));

  private final Map<String, List<Acl>> aclsBefore = new HashMap<>();
  private final Map<String, Long> sizesBefore = new HashMap<>();

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
        before(tree, c.path());
        aclsBefore.putIfAbsent(c.path(), c.acl());
      }
    } else if (txn instanceof Txn.Delete d) {
      beforeDelete(tree, d.path());
    } else if (txn instanceof Txn.DeleteContainer d) {
      beforeDelete(tree, d.path());
    } else if (txn instanceof Txn.SetData s) {
      before(tree, s.path());
    } else if (txn instanceof Txn.CloseSession) {
      tree.getEphemerals(header.sessionId(), null).forEach(p -> beforeDelete(tree, p));
    }
  }

  private void beforeDelete(DataTree tree, String path) {
    before(tree, path);
    List<Acl> acl = tree.aclOf(path);
    if (acl != null) {
      aclsBefore.putIfAbsent(path, acl);
    }
  }

  private void before(DataTree tree, String path) {
    sizesBefore.putIfAbsent(path, DataSizes.sizeOf(tree, path));
  }

  /** After the apply: how much {@code zk_approximate_data_size} changed. */
  long dataSizeDelta(DataTree tree, ApplyResult result) {
    Map<String, Long> touched = new HashMap<>(sizesBefore);
    collectCreated(result.result(), touched);
    long delta = 0;
    for (Map.Entry<String, Long> e : touched.entrySet()) {
      delta += DataSizes.sizeOf(tree, e.getKey()) - e.getValue();
    }
    return delta;
  }

  private static void collectCreated(OpResult r, Map<String, Long> touched) {
    if (r instanceof OpResult.Created c) {
      touched.putIfAbsent(c.path(), 0L);
    } else if (r instanceof OpResult.MultiResults m) {
      m.results().forEach(x -> collectCreated(x, touched));
    }
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
    return aclsBefore.getOrDefault(path, UNKNOWN_ACL);
  }
}
