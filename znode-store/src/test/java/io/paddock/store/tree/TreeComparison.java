package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Node-by-node comparison of two trees, beyond the digest. */
final class TreeComparison {
  private TreeComparison() {}

  /** Every path of the tree, sorted. */
  static List<String> paths(DataTree t) {
    List<String> out = new ArrayList<>();
    List<String> stack = new ArrayList<>(List.of("/"));
    while (!stack.isEmpty()) {
      String p = stack.remove(stack.size() - 1);
      out.add(p);
      for (String c : t.getChildren(p).children()) {
        stack.add(p.equals("/") ? "/" + c : p + "/" + c);
      }
    }
    out.sort(null);
    return out;
  }

  /** Asserts the two trees hold the same nodes, stored fields, sessions and digest. */
  static void assertSameState(DataTree expected, DataTree actual, String context) {
    List<String> paths = paths(expected);
    assertEquals(paths, paths(actual), context + ": paths");
    for (String p : paths) {
      assertEquals(expected.exists(p), actual.exists(p), context + ": stat of " + p);
      assertArrayEquals(expected.getData(p).data(), actual.getData(p).data(), context + ": " + p);
      assertEquals(expected.aclOf(p), actual.aclOf(p), context + ": acl of " + p);
      assertEquals(
          new HashSet<>(expected.getChildren(p).children()),
          new HashSet<>(actual.getChildren(p).children()),
          context + ": children of " + p);
      Znode e = expected.store().lookup(p);
      Znode a = actual.store().lookup(p);
      assertEquals(e.storedOwner(), a.storedOwner(), context + ": owner of " + p);
      assertEquals(e.cversion, a.cversion, context + ": stored cversion of " + p);
    }
    assertEquals(expected.sessions(), actual.sessions(), context + ": sessions");
    assertEquals(expected.nodeCount(), actual.nodeCount(), context + ": node count");
    assertEquals(expected.digest(), actual.digest(), context + ": digest");
  }
}
