package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.CreateMode;
import io.paddock.store.txn.Txn;
import io.paddock.store.watch.NodeZxids;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTreeReadTest {
  private final TreeDriver d = new TreeDriver();

  @Test
  void missingAndMalformedPathsReadAsNull() {
    for (String p : List.of("/x", "x", "/zookeeper/", "//", "/zookeeper//quota", "/a/.")) {
      assertNull(d.tree.exists(p), p);
      assertNull(d.tree.getData(p), p);
      assertNull(d.tree.getChildren(p), p);
      assertNull(d.tree.getAcl(p), p);
      assertNull(d.tree.aclOf(p), p);
      assertEquals(-1, d.tree.getAllChildrenNumber(p), p);
      assertEquals(-1, d.tree.mzxid(p), p);
      assertEquals(-1, d.tree.pzxid(p), p);
    }
  }

  @Test
  void childrenAndDescendantCounts() {
    d.create("/a", "");
    d.create("/a/b", "");
    d.create("/a/b/c", "");
    d.create("/a/d", "");
    d.create("/\u00e9t\u00e9", "unicode");
    assertEquals(Set.of("b", "d"), new HashSet<>(d.tree.getChildren("/a").children()));
    assertEquals(3, d.tree.getAllChildrenNumber("/a"));
    assertEquals(0, d.tree.getAllChildrenNumber("/a/d"));
    assertEquals(d.tree.nodeCount() - 1, d.tree.getAllChildrenNumber("/"));
    assertEquals(9, d.tree.nodeCount());
    assertTrue(d.tree.getChildren("/").children().contains("\u00e9t\u00e9"));
    assertEquals(7, d.tree.getData("/\u00e9t\u00e9").stat().dataLength());
    d.tree.checkInvariants();
  }

  @Test
  void nodeZxidsView() {
    d.create("/a", "");
    long created = d.zxid;
    d.create("/a/b", "");
    d.apply(new Txn.SetData("/a", null, -1));
    NodeZxids z = d.tree.nodeZxids();
    assertTrue(z.exists("/a"));
    assertFalse(z.exists("/b"));
    assertEquals(d.zxid, z.mzxid("/a"));
    assertEquals(created + 1, z.pzxid("/a"));
    assertEquals(-1, z.mzxid("/b"));
    assertEquals(d.tree.mzxid("/a"), z.mzxid("/a"));
  }

  @Test
  void reaperCandidates() {
    d.create("/used", "", CreateMode.CONTAINER);
    d.create("/used/x", "");
    d.apply(new Txn.Delete("/used/x", -1));
    d.create("/full", "", CreateMode.CONTAINER);
    d.create("/full/x", "");
    d.create("/fresh", "", CreateMode.CONTAINER);
    long freshMtime = d.timeMs;
    d.apply(TreeDriver.createTxn("/ttl", "", CreateMode.PERSISTENT_WITH_TTL, 100));
    long ttlMtime = d.timeMs;
    d.create("/plain", "");
    assertEquals(List.of("/used"), d.tree.reapCandidates(ttlMtime + 100, 0));
    assertEquals(List.of("/ttl", "/used"), d.tree.reapCandidates(ttlMtime + 101, 0));
    assertEquals(List.of("/ttl", "/used"), d.tree.reapCandidates(ttlMtime + 101, 1_000_000));
    assertEquals(
        List.of("/fresh", "/ttl", "/used"), d.tree.reapCandidates(freshMtime + 1001, 1000));
    d.apply(new Txn.SetData("/ttl", null, -1));
    assertEquals(List.of("/used"), d.tree.reapCandidates(ttlMtime + 101, 0));
  }
}
