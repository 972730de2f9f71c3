package io.paddock.server.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ZooKeeper's checkACL and fixupACL (PROTOCOL 9.10). */
class AclRulesTest {
  static final Id IP = new Id("ip", "127.0.0.1");
  static final Id BOB = new Id("digest", "bob:hash");

  @Test
  void emptyAclAllowsEverythingSuperPassesEverything() {
    assertTrue(AclChecker.permits(List.of(), Perms.ADMIN, List.of(IP)));
    assertTrue(AclChecker.permits(null, Perms.ADMIN, List.of(IP)));
    List<Acl> bobOnly = List.of(new Acl(Perms.ALL, BOB));
    assertFalse(AclChecker.permits(bobOnly, Perms.READ, List.of(IP)));
    assertTrue(AclChecker.permits(bobOnly, Perms.READ, List.of(IP, new Id("super", ""))));
    assertTrue(AclChecker.permits(bobOnly, Perms.READ, List.of(IP, BOB)));
  }

  @Test
  void anyOfTheNeededBitsSuffices() {
    List<Acl> adminOnly = List.of(new Acl(Perms.ADMIN, Id.ANYONE));
    assertTrue(
        AclChecker.permits(adminOnly, Perms.READ | Perms.ADMIN, List.of(IP)),
        "getACL: READ or ADMIN");
    assertFalse(AclChecker.permits(adminOnly, Perms.READ, List.of(IP)));
  }

  @Test
  void schemesCompareTheirOwnWay() {
    assertTrue(
        AclChecker.permits(
            List.of(new Acl(Perms.READ, new Id("ip", "127.0.0.0/8"))), Perms.READ, List.of(IP)));
    assertFalse(
        AclChecker.permits(
            List.of(new Acl(Perms.READ, new Id("world", "someone"))), Perms.READ, List.of(IP)));
    assertFalse(
        AclChecker.permits(
            List.of(new Acl(Perms.READ, new Id("digest", "127.0.0.1"))), Perms.READ, List.of(IP)),
        "schemes must agree");
  }

  @Test
  void fixupDedupesExpandsAuthAndValidates() {
    Acl world = new Acl(Perms.READ, Id.ANYONE);
    assertEquals(List.of(world), AclFixup.fixup(List.of(world, world), List.of(IP)));
    assertEquals(
        List.of(new Acl(Perms.ALL, BOB)),
        AclFixup.fixup(
            List.of(new Acl(Perms.ALL, new Id("auth", "whatever"))),
            List.of(IP, new Id("super", ""), BOB)),
        "auth expands to digest ids only, never ip or super");
    assertNull(AclFixup.fixup(List.of(new Acl(Perms.ALL, new Id("auth", ""))), List.of(IP)));
    assertNull(AclFixup.fixup(List.of(), List.of(IP)));
    assertNull(AclFixup.fixup(null, List.of(IP)));
    assertNull(
        AclFixup.fixup(List.of(world, new Acl(Perms.ALL, new Id("x509", "cn"))), List.of(IP)));
    assertEquals(
        List.of(new Acl(0, IP)),
        AclFixup.fixup(List.of(new Acl(0, IP)), List.of()),
        "perms are not checked");
  }
}
