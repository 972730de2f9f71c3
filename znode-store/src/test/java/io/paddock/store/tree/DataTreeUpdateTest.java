package io.paddock.store.tree;

import static io.paddock.store.tree.TreeDriver.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import io.paddock.store.model.Stat;
import io.paddock.store.txn.Txn;
import io.paddock.store.watch.WatchEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** delete, deleteContainer, setData, setACL, check. */
class DataTreeUpdateTest {
  private static final List<Acl> DIGEST_ACL =
      List.of(new Acl(Perms.READ | Perms.ADMIN, new Id("digest", "u:abc")));

  private final TreeDriver d = new TreeDriver();

  @Test
  void deleteMovesParentPzxidButNotItsStoredCversion() {
    d.create("/a", "");
    d.create("/a/b", "");
    long createZxid = d.zxid;
    ApplyResult r = d.apply(new Txn.Delete("/a/b", 0));
    assertEquals(ErrorCode.OK, r.err());
    assertEquals(new OpResult.Deleted(), r.result());
    assertEquals(
        List.of(
            new WatchEvent(EventType.NODE_DELETED, "/a/b", d.zxid),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/a", d.zxid)),
        r.events());
    Stat a = d.tree.exists("/a");
    assertEquals(d.zxid, a.pzxid());
    assertEquals(2, a.cversion()); // stored 1, no children
    assertEquals(createZxid - 1, a.mzxid());
    assertNull(d.tree.exists("/a/b"));
    assertEquals(
        "/a/0000000001",
        TreeDriver.createdPath(d.create("/a/", "", CreateMode.PERSISTENT_SEQUENTIAL)));
    d.tree.checkInvariants();
  }

  @Test
  void deleteErrorsInZooKeeperOrder() {
    d.create("/a", "");
    d.create("/a/b", "");
    assertEquals(ErrorCode.NONODE, d.apply(new Txn.Delete("/nope", 5)).err());
    assertEquals(ErrorCode.BADVERSION, d.apply(new Txn.Delete("/a", 3)).err());
    assertEquals(ErrorCode.NOTEMPTY, d.apply(new Txn.Delete("/a", 0)).err());
    assertEquals(ErrorCode.NOTEMPTY, d.apply(new Txn.Delete("/a", -1)).err());
    for (String special : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
      assertEquals(ErrorCode.BADARGUMENTS, d.apply(new Txn.Delete(special, -1)).err(), special);
    }
    assertEquals(ErrorCode.BADARGUMENTS, d.apply(new Txn.Delete("a", -1)).err());
    assertEquals(4 + 2, d.tree.nodeCount());
    d.tree.checkInvariants();
  }

  @Test
  void setDataReplacesDataAndBumpsVersion() {
    d.create("/a", "one");
    long created = d.zxid;
    ApplyResult r = d.apply(new Txn.SetData("/a", bytes("three"), 0));
    Stat s = d.tree.exists("/a");
    assertEquals(new OpResult.DataSet(s), r.result());
    assertEquals(1, s.version());
    assertEquals(d.zxid, s.mzxid());
    assertEquals(created, s.czxid());
    assertEquals(created, s.pzxid());
    assertEquals(d.timeMs, s.mtime());
    assertEquals(5, s.dataLength());
    assertEquals(List.of(new WatchEvent(EventType.NODE_DATA_CHANGED, "/a", d.zxid)), r.events());
    assertArrayEquals(bytes("three"), d.tree.getData("/a").data());
    assertEquals(ErrorCode.BADVERSION, d.apply(new Txn.SetData("/a", null, 0)).err());
    assertEquals(ErrorCode.NONODE, d.apply(new Txn.SetData("/b", null, -1)).err());
    d.apply(new Txn.SetData("/a", null, -1));
    assertNull(d.tree.getData("/a").data());
    assertEquals(2, d.tree.exists("/a").version());
    d.tree.checkInvariants();
  }

  @Test
  void setAclChecksAversionAndFiresNothing() {
    d.create("/a", "");
    ApplyResult r = d.apply(new Txn.SetAcl("/a", DIGEST_ACL, 0));
    assertEquals(List.of(), r.events());
    Stat s = d.tree.getAcl("/a").stat();
    assertEquals(new OpResult.AclSet(s), r.result());
    assertEquals(1, s.aversion());
    assertEquals(0, s.version());
    assertEquals(DIGEST_ACL, d.tree.aclOf("/a"));
    assertEquals(DIGEST_ACL, d.tree.getAcl("/a").acl());
    assertEquals(ErrorCode.BADVERSION, d.apply(new Txn.SetAcl("/a", DIGEST_ACL, 0)).err());
    assertEquals(ErrorCode.NONODE, d.apply(new Txn.SetAcl("/b", DIGEST_ACL, -1)).err());
    assertEquals(
        ErrorCode.OK, d.apply(new Txn.SetAcl("/zookeeper/config", Acl.OPEN_ACL_UNSAFE, -1)).err());
    assertEquals(0, d.tree.exists("/zookeeper/config").aversion());
    d.tree.checkInvariants();
  }

  @Test
  void checkChangesNothing() {
    d.create("/a", "");
    long digest = d.tree.digest();
    assertEquals(new OpResult.Checked(), d.apply(new Txn.Check("/a", 0)).result());
    assertEquals(ErrorCode.BADVERSION, d.apply(new Txn.Check("/a", 1)).err());
    assertEquals(ErrorCode.NONODE, d.apply(new Txn.Check("/b", -1)).err());
    assertEquals(digest, d.tree.digest());
  }

  @Test
  void deleteContainerRules() {
    d.create("/c", "", CreateMode.CONTAINER);
    d.create("/c/x", "");
    d.create("/p", "");
    d.apply(TreeDriver.createTxn("/t", "", CreateMode.PERSISTENT_WITH_TTL, 1000));
    assertEquals(ErrorCode.NONODE, d.apply(new Txn.DeleteContainer("/none")).err());
    assertEquals(ErrorCode.NOTEMPTY, d.apply(new Txn.DeleteContainer("/c")).err());
    assertEquals(ErrorCode.BADARGUMENTS, d.apply(new Txn.DeleteContainer("/p")).err());
    assertEquals(
        ErrorCode.BADARGUMENTS, d.apply(new Txn.DeleteContainer("/zookeeper/quota")).err());
    assertEquals(ErrorCode.NOTEMPTY, d.apply(new Txn.DeleteContainer("/")).err());
    assertEquals(ErrorCode.BADVERSION, d.apply(new Txn.DeleteContainer("/t")).err());
    d.timeMs += 1000;
    ApplyResult t = d.apply(new Txn.DeleteContainer("/t"));
    assertEquals(ErrorCode.OK, t.err());
    assertEquals(EventType.NODE_DELETED, t.events().get(0).type());
    d.apply(new Txn.Delete("/c/x", -1));
    assertEquals(ErrorCode.OK, d.apply(new Txn.DeleteContainer("/c")).err());
    assertNull(d.tree.exists("/c"));
    d.tree.checkInvariants();
  }
}
