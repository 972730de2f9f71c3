package io.paddock.server.core.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ip scheme, as ZooKeeper 3.9.3's IPAuthenticationProvider. */
class IpAuthTest {
  @Test
  void exactAddressesMatchOnlyThemselves() {
    assertTrue(IpAuth.matches("127.0.0.1", "127.0.0.1"));
    assertFalse(IpAuth.matches("127.0.0.2", "127.0.0.1"));
  }

  @Test
  void masksCompareTheLeadingBits() {
    assertTrue(IpAuth.matches("10.1.200.3", "10.1.0.0/16"));
    assertFalse(IpAuth.matches("10.2.0.1", "10.1.0.0/16"));
    assertTrue(IpAuth.matches("192.168.1.130", "192.168.1.128/25"));
    assertFalse(IpAuth.matches("192.168.1.127", "192.168.1.128/25"));
    assertTrue(IpAuth.matches("8.8.8.8", "0.0.0.0/0"), "/0 matches everyone");
    assertTrue(IpAuth.matches("10.1.2.9", "10.1.2.14/29"), "the ACL's host bits are masked too");
  }

  @Test
  void ipv6AndGarbageNeverMatch() {
    assertFalse(IpAuth.matches("0:0:0:0:0:0:0:1", "127.0.0.1"));
    assertFalse(IpAuth.matches("127.0.0.1", "::1"));
    assertFalse(IpAuth.matches("127.0.0.1", "127.0.0.1/x"));
    assertFalse(IpAuth.matches("127.0.0.1", "127.0.0.1/33"));
  }

  @Test
  void agreesWithZooKeepersProviderOnRandomInputs() {
    org.apache.zookeeper.server.auth.IPAuthenticationProvider zk =
        new org.apache.zookeeper.server.auth.IPAuthenticationProvider();
    java.util.Random random = new java.util.Random(7);
    String[] pieces = {"0", "1", "10", "127", "128", "255", "256", "-1", "+1", "x", ""};
    for (int i = 0; i < 20_000; i++) {
      String client =
          random.nextInt(8)
              + "."
              + random.nextInt(3)
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256);
      StringBuilder acl = new StringBuilder();
      int parts = 3 + random.nextInt(3);
      for (int p = 0; p < parts; p++) {
        acl.append(p == 0 ? "" : ".")
            .append(
                random.nextInt(4) == 0
                    ? pieces[random.nextInt(pieces.length)]
                    : String.valueOf(random.nextInt(8)));
      }
      if (random.nextBoolean()) {
        acl.append('/')
            .append(
                random.nextInt(4) == 0
                    ? pieces[random.nextInt(pieces.length)]
                    : String.valueOf(random.nextInt(34)));
      }
      String expr = acl.toString();
      org.junit.jupiter.api.Assertions.assertEquals(zk.isValid(expr), IpAuth.isValid(expr), expr);
      org.junit.jupiter.api.Assertions.assertEquals(
          zk.matches(client, expr), IpAuth.matches(client, expr), client + " vs " + expr);
    }
  }

  @Test
  void validity() {
    assertTrue(IpAuth.isValid("1.2.3.4"));
    assertTrue(IpAuth.isValid("1.2.3.4/32"));
    assertFalse(IpAuth.isValid("1.2.3.4/-1"));
    assertFalse(IpAuth.isValid("1.2.3"));
    assertFalse(IpAuth.isValid("1.2.3.256"));
    assertFalse(IpAuth.isValid("host.example.com"));
    assertFalse(IpAuth.isValid("::1"));
  }
}
