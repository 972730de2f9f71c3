package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Random txns keep every invariant (the separate model test checks the semantics against a
 * reference model; this one checks the structure). Seeds are printed on failure.
 */
class DataTreeRandomOpsTest {
  private static final int SEEDS = 12;
  private static final int STEPS = 1500;
  private static final int CHECK_EVERY = 50;

  @Test
  void invariantsHoldAfterRandomOps() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      try {
        run(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed with seed " + seed + ": " + e, e);
      }
    }
  }

  private static void run(long seed) {
    TreeDriver d = new TreeDriver();
    RandomTxns random = new RandomTxns(seed);
    int okMultis = 0;
    int failedMultis = 0;
    int closedEphemerals = 0;
    for (int i = 1; i <= STEPS; i++) {
      ApplyResult r = random.step(d);
      if (r.result() instanceof OpResult.MultiResults m && !m.results().isEmpty()) {
        if (r.err().isOk()) {
          okMultis++;
        } else if (m.results().get(0) instanceof OpResult.Failed f && f.err().isOk()) {
          failedMultis++; // failed after at least one applied op: a real rollback
        }
      } else if (r.result() instanceof OpResult.SessionClosed c) {
        closedEphemerals += c.deletedEphemerals().size();
      }
      if (i % CHECK_EVERY == 0) {
        d.tree.checkInvariants();
        assertEquals(sizeByPaths(d.tree), d.tree.approximateDataSize(), "data size at step " + i);
      }
    }
    d.tree.checkInvariants();
    assertTrue(
        okMultis > 0 && failedMultis > 0 && closedEphemerals > 0,
        "the generator must exercise multis and session closes: "
            + okMultis
            + "/"
            + failedMultis
            + "/"
            + closedEphemerals);
    assertTrue(d.tree.nodeCount() > 10, "tree too small: " + d.tree.nodeCount());
    DataTree loaded = SnapshotCodec.load(SnapshotCodec.write(d.tree));
    loaded.checkInvariants();
    TreeComparison.assertSameState(d.tree, loaded, "seed " + seed);
    assertEquals(d.tree.lastProcessedZxid(), loaded.lastProcessedZxid());
    assertEquals(sizeByPaths(d.tree), loaded.approximateDataSize(), "data size after a load");
  }

  /**
   * zk_approximate_data_size the slow way, through the public reads: every path's length plus its
   * data's length (the oracle for the size the tree keeps per op and rolls back with a multi).
   */
  private static long sizeByPaths(DataTree tree) {
    java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
    pending.push("/");
    long sum = 0;
    while (!pending.isEmpty()) {
      String path = pending.pop();
      ChildrenWithStat node = tree.getChildren(path);
      sum += path.length() + (long) node.stat().dataLength();
      for (String name : node.children()) {
        pending.push(path.equals("/") ? "/" + name : path + "/" + name);
      }
    }
    return sum;
  }
}
