package io.paddock.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.client.internal.ConnectString.HostAndPort;
import io.paddock.client.protocol.Seeded;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Connect strings, chroots and the host order. */
class ConnectStringTest {
  @Test
  void hostsPortsAndChroot() {
    ConnectString cs = ConnectString.parse("h1:1,h2, [::1]:3 ,h4/app/x");
    assertEquals(
        List.of(
            new HostAndPort("h1", 1),
            new HostAndPort("h2", 2181),
            new HostAndPort("::1", 3),
            new HostAndPort("h4", 2181)),
        cs.hosts());
    assertEquals("/app/x", cs.chroot());
    assertNull(ConnectString.parse("h1:1/").chroot(), "\"/\" is no chroot");
    assertNull(ConnectString.parse("h1:1").chroot());
  }

  @Test
  void badStringsAreRefused() {
    for (String bad :
        new String[] {
          "", " ", "/app", ",", "h:0", "h:70000", "h:x", "h/a/", "h/a//b", "h/a/..", "[::1", ":2181"
        }) {
      assertThrows(IllegalArgumentException.class, () -> ConnectString.parse(bad), bad);
    }
  }

  @Test
  void chrootIsAddedAndStripped() {
    Chroot chroot = new Chroot("/app");
    assertEquals("/app", chroot.toServer("/"));
    assertEquals("/app/a", chroot.toServer("/a"));
    assertEquals("/", chroot.toClient("/app"));
    assertEquals("/a/b", chroot.toClient("/app/a/b"));
    assertEquals("/apple", chroot.toClient("/apple"), "not under the chroot: unchanged");
    assertEquals("/a", Chroot.NONE.toServer("/a"));
    assertEquals("/a", Chroot.NONE.toClient("/a"));
    assertThrows(IllegalArgumentException.class, () -> new Chroot("/"));
    assertThrows(IllegalArgumentException.class, () -> new Chroot("app"));
  }

  @Test
  void hostOrderIsSeededShuffleThenRoundRobin() {
    List<HostAndPort> hosts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      hosts.add(new HostAndPort("h" + i, 2181));
    }
    Seeded.run(
        50,
        (random, i) -> {
          long seed = random.nextLong();
          HostList a = new HostList(hosts, new Random(seed));
          HostList b = new HostList(hosts, new Random(seed));
          assertEquals(a.order(), b.order(), "same seed, same order");
          assertEquals(Set.copyOf(hosts), Set.copyOf(a.order()));
          Set<String> seen = new HashSet<>();
          for (int n = 0; n < hosts.size(); n++) {
            InetSocketAddress next = a.next();
            assertEquals(true, next.isUnresolved(), "resolved afresh on every attempt");
            seen.add(next.getHostString());
          }
          assertEquals(hosts.size(), seen.size(), "a full round visits every host once");
          assertEquals(a.order().get(0).host(), a.next().getHostString(), "then starts over");
        });
    assertNotEquals(
        new HostList(hosts, new Random(1)).order(), new HostList(hosts, new Random(2)).order());
  }
}
