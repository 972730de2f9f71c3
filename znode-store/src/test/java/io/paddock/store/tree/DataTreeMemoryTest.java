package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Heap per znode with 100-byte data and 18-character paths (the brief's shapes, one character
 * longer than 17, so the arrays are the heavier ones). Budget: 250 bytes, data included.
 *
 * <p>Layout arithmetic (64-bit JVM, compressed oops and class pointers, 8-byte alignment):
 *
 * <ul>
 *   <li>Znode: 12 header + 3 refs × 4 + 5 longs × 8 + 4 ints × 4 = 80 bytes.
 *   <li>byte[]: 16 header + 1 varint + 12 or 17 name bytes + 100 data = 129 or 134, aligned 136.
 *   <li>Child table slot: 4 bytes per slot at a load between 3/8 and 3/4: 1,000 children use 2,048
 *       slots (8.2 bytes per child); 1,000,000 flat children use 2^21 slots (8.4 bytes); 200,000
 *       flat children use 2^19 slots (10.5 bytes).
 *   <li>Per parent: a 24-byte ChildTable object, amortized over 1,000 children.
 * </ul>
 *
 * So about 224.5 bytes per znode at a million nodes in either shape (226.5 flat at 200,000),
 * against about 440 for Apache ZooKeeper 3.9.
 */
class DataTreeMemoryTest {
  private static final int BUDGET_BYTES = 250;
  private static final int DATA_BYTES = 100;
  private static final int GC_ROUNDS = 5;
  private static final int CHILDREN_PER_PARENT = 1000;

  @Test
  void nestedShapeFitsTheBudget() {
    assertPerNode(200_000, false);
  }

  @Test
  void flatShapeFitsTheBudget() {
    assertPerNode(200_000, true);
  }

  @Test
  @Tag("slow")
  void millionNodesFitTheBudget() {
    assertPerNode(1_000_000, false);
    assertPerNode(1_000_000, true);
  }

  private static void assertPerNode(int nodes, boolean flat) {
    long before = usedAfterGc();
    DataTree tree = build(nodes, flat);
    long after = usedAfterGc();
    double perNode = (after - before) / (double) tree.nodeCount();
    String shape = flat ? "flat" : "nested";
    System.out.printf("memory: %s, %,d znodes: %.1f bytes per znode%n", shape, nodes, perNode);
    assertTrue(perNode <= BUDGET_BYTES, shape + " shape: " + perNode + " bytes per znode");
    assertTrue(perNode > 150, shape + " shape: implausibly low " + perNode + ", measure again");
    Reference.reachabilityFence(tree);
  }

  private static DataTree build(int nodes, boolean flat) {
    DataTree tree = new DataTree();
    long zxid = 0;
    int parents = flat ? 0 : nodes / CHILDREN_PER_PARENT;
    for (int p = 0; p < parents; p++) {
      create(tree, ++zxid, String.format("/p%03d", p));
    }
    for (int i = 0; i < nodes - parents; i++) {
      String path =
          flat ? String.format("/n%016d", i) : String.format("/p%03d/c%011d", i % parents, i);
      create(tree, ++zxid, path);
    }
    assertEquals(nodes + 4, tree.nodeCount());
    return tree;
  }

  private static void create(DataTree tree, long zxid, String path) {
    byte[] data = new byte[DATA_BYTES];
    data[0] = (byte) zxid;
    TxnHeader h = new TxnHeader(1, 0, zxid, zxid, OpCode.CREATE);
    tree.apply(h, new Txn.Create(path, data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0));
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < GC_ROUNDS; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
