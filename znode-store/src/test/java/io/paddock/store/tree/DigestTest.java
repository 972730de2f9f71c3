package io.paddock.store.tree;

import static io.paddock.store.tree.TreeDriver.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.txn.Txn;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {
  private static final List<Acl> A = List.of(new Acl(31, new Id("digest", "a:1")));
  private static final List<Acl> Z = List.of(new Acl(1, new Id("digest", "z:9")));

  @Test
  void equalStatesWithDifferentAclRefsHaveEqualDigests() {
    TreeDriver one = new TreeDriver();
    TreeDriver two = new TreeDriver();
    one.apply(new Txn.Error(ErrorCode.NONODE));
    // consumes the next ACL ref, then rolls back: "two" ends up with other ref numbers
    two.apply(
        new Txn.Multi(
            List.of(
                new Txn.Create("/tmp", null, Z, CreateMode.PERSISTENT, 0),
                new Txn.Delete("/missing", -1))));
    for (TreeDriver d : List.of(one, two)) {
      d.apply(new Txn.Create("/x", bytes("v"), A, CreateMode.PERSISTENT, 0));
    }
    assertNotEquals(one.tree.store().lookup("/x").aclRef, two.tree.store().lookup("/x").aclRef);
    assertEquals(one.tree.digest(), two.tree.digest());
    TreeComparison.assertSameState(one.tree, two.tree, "same state");
  }

  @Test
  void digestSeesDataNullnessAclStatAndSessions() {
    TreeDriver base = new TreeDriver();
    base.create("/x", "");
    long empty = base.tree.digest();
    base.apply(new Txn.SetData("/x", null, -1));
    long nullData = base.tree.digest();
    assertNotEquals(empty, nullData);
    base.apply(new Txn.SetAcl("/x", A, -1));
    long acl = base.tree.digest();
    assertNotEquals(nullData, acl);
    base.apply(new Txn.Check("/x", -1));
    assertEquals(acl, base.tree.digest());
    base.apply(0x9L, new Txn.CreateSession(100));
    assertNotEquals(acl, base.tree.digest());
    base.apply(0x9L, new Txn.CloseSession());
    assertEquals(acl, base.tree.digest());
    base.tree.checkInvariants();
  }

  @Test
  void sameNamesUnderDifferentParentsDiffer() {
    TreeDriver one = new TreeDriver();
    TreeDriver two = new TreeDriver();
    one.create("/p", "");
    one.create("/q", "");
    one.create("/p/c", "");
    two.create("/p", "");
    two.create("/q", "");
    two.create("/q/c", "");
    assertNotEquals(one.tree.digest(), two.tree.digest());
  }
}
