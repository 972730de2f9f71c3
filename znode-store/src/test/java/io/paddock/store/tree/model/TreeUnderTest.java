package io.paddock.store.tree.model;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Stat;
import io.paddock.store.tree.AclWithStat;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.ChildrenWithStat;
import io.paddock.store.tree.DataTree;
import io.paddock.store.tree.ZnodeData;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.NodeZxids;
import java.util.List;
import java.util.Map;

/**
 * The apply and read surface that the real {@link DataTree} and the {@link ReferenceTree} share, so
 * that the model check and the scenario tests drive both through one interface.
 */
interface TreeUnderTest {
  /** A fresh real DataTree. */
  static TreeUnderTest real() {
    return new Real(new DataTree());
  }

  /** A fresh reference tree. */
  static TreeUnderTest reference() {
    return reference(new ReferenceTree());
  }

  /** A view of an existing reference tree. */
  static TreeUnderTest reference(ReferenceTree tree) {
    return tree;
  }

  ApplyResult apply(TxnHeader header, Txn txn);

  ZnodeData getData(String path);

  Stat exists(String path);

  ChildrenWithStat getChildren(String path);

  AclWithStat getAcl(String path);

  List<Acl> aclOf(String path);

  int getAllChildrenNumber(String path);

  List<String> getEphemerals(long sessionId, String prefix);

  int nodeCount();

  Map<Long, Integer> sessions();

  boolean hasSession(long sessionId);

  long lastProcessedZxid();

  List<String> reapCandidates(long nowMs, long maxNeverUsedIntervalMs);

  /** Checks the tree's internal invariants; the reference has none beyond its map. */
  void checkInvariants();

  /** The tree digest; the reference keeps none and answers 0. */
  long digest();

  /** The view that re-registering watches reads. */
  NodeZxids nodeZxids();

  /** The real tree. */
  record Real(DataTree tree) implements TreeUnderTest {
    @Override
    public ApplyResult apply(TxnHeader header, Txn txn) {
      return tree.apply(header, txn);
    }

    @Override
    public ZnodeData getData(String path) {
      return tree.getData(path);
    }

    @Override
    public Stat exists(String path) {
      return tree.exists(path);
    }

    @Override
    public ChildrenWithStat getChildren(String path) {
      return tree.getChildren(path);
    }

    @Override
    public AclWithStat getAcl(String path) {
      return tree.getAcl(path);
    }

    @Override
    public List<Acl> aclOf(String path) {
      return tree.aclOf(path);
    }

    @Override
    public int getAllChildrenNumber(String path) {
      return tree.getAllChildrenNumber(path);
    }

    @Override
    public List<String> getEphemerals(long sessionId, String prefix) {
      return tree.getEphemerals(sessionId, prefix);
    }

    @Override
    public int nodeCount() {
      return tree.nodeCount();
    }

    @Override
    public Map<Long, Integer> sessions() {
      return tree.sessions();
    }

    @Override
    public boolean hasSession(long sessionId) {
      return tree.hasSession(sessionId);
    }

    @Override
    public long lastProcessedZxid() {
      return tree.lastProcessedZxid();
    }

    @Override
    public List<String> reapCandidates(long nowMs, long maxNeverUsedIntervalMs) {
      return tree.reapCandidates(nowMs, maxNeverUsedIntervalMs);
    }

    @Override
    public void checkInvariants() {
      tree.checkInvariants();
    }

    @Override
    public long digest() {
      return tree.digest();
    }

    @Override
    public NodeZxids nodeZxids() {
      return tree.nodeZxids();
    }

    @Override
    public String toString() {
      return "DataTree";
    }
  }
}
