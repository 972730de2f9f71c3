package io.paddock.store.tree;

import static io.paddock.store.tree.TreeDriver.bytes;
import static io.paddock.store.tree.TreeDriver.createTxn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Id;
import io.paddock.store.tree.OpResult.Failed;
import io.paddock.store.txn.Txn;
import io.paddock.store.watch.WatchEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTreeMultiTest {
  private final TreeDriver d = new TreeDriver();
  private final TreeDriver twin = new TreeDriver();

  private static Txn.Multi multi(Txn... ops) {
    return new Txn.Multi(List.of(ops));
  }

  @Test
  void opsSeeEarlierOpsOfTheSameMulti() {
    d.create("/a", "old");
    ApplyResult r =
        d.apply(
            multi(
                createTxn("/b", "x", CreateMode.PERSISTENT),
                new Txn.SetData("/b", bytes("y"), 0),
                new Txn.Delete("/a", 0),
                createTxn("/a", "new", CreateMode.PERSISTENT),
                new Txn.Check("/b", 1)));
    long z = d.zxid;
    assertEquals(ErrorCode.OK, r.err());
    List<OpResult> results = ((OpResult.MultiResults) r.result()).results();
    assertEquals(5, results.size());
    assertEquals("/b", ((OpResult.Created) results.get(0)).path());
    assertEquals(1, ((OpResult.DataSet) results.get(1)).stat().version());
    assertEquals(new OpResult.Deleted(), results.get(2));
    assertEquals(new OpResult.Checked(), results.get(4));
    assertArrayEquals(bytes("y"), d.tree.getData("/b").data());
    assertArrayEquals(bytes("new"), d.tree.getData("/a").data());
    assertEquals(z, d.tree.exists("/a").czxid());
    assertEquals(
        List.of(
            new WatchEvent(EventType.NODE_CREATED, "/b", z),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/", z),
            new WatchEvent(EventType.NODE_DATA_CHANGED, "/b", z),
            new WatchEvent(EventType.NODE_DELETED, "/a", z),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/", z),
            new WatchEvent(EventType.NODE_CREATED, "/a", z),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/", z)),
        r.events());
    d.tree.checkInvariants();
  }

  @Test
  void failedMultiLeavesTheTreeExactlyAsBefore() {
    List<Acl> other = List.of(new Acl(1, new Id("digest", "x:y")));
    for (TreeDriver t : List.of(d, twin)) {
      t.create("/a", "a");
      t.create("/a/k", "k");
      t.create("/s", "");
    }
    long digest = d.tree.digest();
    ApplyResult r =
        d.apply(
            multi(
                createTxn("/s/q-", "1", CreateMode.PERSISTENT_SEQUENTIAL),
                new Txn.Create("/n", null, other, CreateMode.CONTAINER, 0),
                new Txn.SetData("/a", bytes("changed"), -1),
                new Txn.Delete("/a/k", -1),
                new Txn.Delete("/a", -1),
                createTxn("/a", "again", CreateMode.EPHEMERAL),
                new Txn.Check("/a", 7),
                new Txn.SetData("/s", null, -1)));
    assertEquals(ErrorCode.BADVERSION, r.err());
    assertEquals(
        List.of(
            new Failed(ErrorCode.OK),
            new Failed(ErrorCode.OK),
            new Failed(ErrorCode.OK),
            new Failed(ErrorCode.OK),
            new Failed(ErrorCode.OK),
            new Failed(ErrorCode.OK),
            new Failed(ErrorCode.BADVERSION),
            new Failed(ErrorCode.RUNTIMEINCONSISTENCY)),
        ((OpResult.MultiResults) r.result()).results());
    assertEquals(List.of(), r.events());
    assertEquals(digest, d.tree.digest());
    assertEquals(d.zxid, d.tree.lastProcessedZxid());
    d.tree.checkInvariants();
    twin.apply(new Txn.Error(ErrorCode.BADVERSION));
    TreeComparison.assertSameState(twin.tree, d.tree, "after rollback");
    // the sequence counter was rolled back too
    assertEquals(
        "/s/q-0000000000",
        TreeDriver.createdPath(d.create("/s/q-", "", CreateMode.PERSISTENT_SEQUENTIAL)));
    assertEquals(List.of(), d.tree.getEphemerals(TreeDriver.SESSION, "/"));
  }

  @Test
  void errorOpFailsTheMultiAtItsPosition() {
    ApplyResult r =
        d.apply(multi(new Txn.Error(ErrorCode.NOAUTH), createTxn("/x", "", CreateMode.PERSISTENT)));
    assertEquals(ErrorCode.NOAUTH, r.err());
    assertEquals(
        List.of(new Failed(ErrorCode.NOAUTH), new Failed(ErrorCode.RUNTIMEINCONSISTENCY)),
        ((OpResult.MultiResults) r.result()).results());
    assertNull(d.tree.exists("/x"));
  }

  @Test
  void failureOnTheFirstOpAndEmptyMulti() {
    ApplyResult r = d.apply(multi(new Txn.Delete("/none", -1)));
    assertEquals(ErrorCode.NONODE, r.err());
    assertEquals(
        List.of(new Failed(ErrorCode.NONODE)), ((OpResult.MultiResults) r.result()).results());
    ApplyResult empty = d.apply(multi());
    assertEquals(ErrorCode.OK, empty.err());
    assertEquals(new OpResult.MultiResults(List.of()), empty.result());
    assertEquals(d.zxid, d.tree.lastProcessedZxid());
    d.tree.checkInvariants();
  }

  @Test
  void rolledBackDeleteKeepsTheAclShared() {
    List<Acl> rare = List.of(new Acl(31, new Id("digest", "only:one")));
    d.apply(new Txn.Create("/r", bytes("v"), rare, CreateMode.PERSISTENT, 0));
    d.apply(multi(new Txn.Delete("/r", -1), new Txn.Check("/r", -1)));
    assertEquals(rare, d.tree.aclOf("/r"));
    d.tree.checkInvariants();
    d.apply(new Txn.Delete("/r", -1));
    d.tree.checkInvariants();
  }
}
