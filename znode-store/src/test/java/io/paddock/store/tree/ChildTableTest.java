package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChildTableTest {
  private static final Znode PARENT = new Znode(null, NodeBytes.ROOT, 0, 0, 1);

  private static Znode child(String name) {
    return new Znode(PARENT, NodeBytes.build(name, 0, name.length(), null), 1, 0, 1);
  }

  @Test
  void growsFindsRemovesAndShrinks() {
    ChildTable t = new ChildTable();
    List<Znode> all = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      Znode c = child("c" + i);
      t.add(c);
      all.add(c);
    }
    t.checkInvariants("grown");
    assertEquals(5000, t.size());
    assertEquals(8192, t.capacity());
    for (Znode c : all) {
      String name = NodeBytes.name(c.bytes);
      assertSame(c, t.find("/" + name, 1, name.length() + 1));
    }
    assertNull(t.find("/c5000", 1, 6));
    Collections.shuffle(all, new Random(7));
    for (int i = 0; i < 4990; i++) {
      t.remove(all.get(i));
      if (i % 500 == 0) {
        t.checkInvariants("shrinking");
      }
    }
    t.checkInvariants("shrunk");
    assertEquals(10, t.size());
    assertEquals(64, t.capacity()); // halves below 1/8 full: 10 < 128 / 8
    for (int i = 4990; i < 5000; i++) {
      byte[] b = all.get(i).bytes;
      assertSame(all.get(i), t.find(b, NodeBytes.nameOffset(b), NodeBytes.nameLength(b)));
    }
    assertThrows(IllegalStateException.class, () -> t.remove(all.get(0)));
  }

  @Test
  void randomAddRemoveKeepsProbeRunsIntact() {
    Random random = new Random(11);
    ChildTable t = new ChildTable();
    List<Znode> present = new ArrayList<>();
    for (int step = 0; step < 20_000; step++) {
      if (present.isEmpty() || random.nextInt(3) > 0) {
        Znode c = child("n" + step);
        t.add(c);
        present.add(c);
      } else {
        t.remove(present.remove(random.nextInt(present.size())));
      }
    }
    t.checkInvariants("random");
    assertEquals(present.size(), t.size());
    for (Znode c : present) {
      byte[] b = c.bytes;
      assertSame(c, t.find(b, NodeBytes.nameOffset(b), NodeBytes.nameLength(b)));
    }
  }

  @Test
  void nodeBytesKeepNameAndData() {
    String longName = "x".repeat(300); // a two-byte varint header
    byte[] b = NodeBytes.build("/" + longName, 1, 301, new byte[] {1, 2});
    assertEquals(longName, NodeBytes.name(b));
    assertEquals(2, NodeBytes.dataLength(b));
    byte[] nulled = NodeBytes.withData(b, null);
    assertNull(NodeBytes.data(nulled));
    assertEquals(0, NodeBytes.dataLength(nulled));
    assertEquals(longName, NodeBytes.name(nulled));
    byte[] empty = NodeBytes.withData(nulled, new byte[0]);
    assertEquals(0, NodeBytes.data(empty).length);
    String unicode = "\u00e9\u4e2d\u0041";
    byte[] u = NodeBytes.build(unicode, 0, 3, null);
    assertEquals(unicode, NodeBytes.name(u));
    assertEquals(
        Names.hash(unicode, 0, 3), Names.hash(u, NodeBytes.nameOffset(u), NodeBytes.nameLength(u)));
    assertEquals(StateDigest.pathHash("/" + unicode), finishedChildHash(u));
  }

  private static long finishedChildHash(byte[] child) {
    return StateDigest.finishPath(
        StateDigest.childPathState(StateDigest.rootPathState(), true, child));
  }
}
