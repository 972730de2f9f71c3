package io.paddock.server.core;

import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.tree.ChildrenWithStat;
import io.paddock.store.tree.DataTree;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * ZooKeeper's {@code zk_approximate_data_size}: the sum over all nodes of the path length and the
 * data length. Computed once at start ({@link #total}); afterwards kept up to date per txn.
 */
final class DataSizes {
  private DataSizes() {}

  /** The size contribution of one node, 0 when it does not exist. */
  static long sizeOf(DataTree tree, String path) {
    Stat stat = tree.exists(path);
    return stat == null ? 0 : path.length() + (long) stat.dataLength();
  }

  /** Walks the whole tree once. O(nodes); used at start-up only. */
  static long total(DataTree tree) {
    Deque<String> pending = new ArrayDeque<>();
    pending.push(ZnodePaths.ROOT);
    long sum = 0;
    long visitsMax = tree.nodeCount();
    long visits = 0;
    while (!pending.isEmpty()) {
      if (++visits > visitsMax) {
        throw new IllegalStateException("tree walk visited more nodes than the tree holds");
      }
      String path = pending.pop();
      ChildrenWithStat node = tree.getChildren(path);
      if (node == null) {
        throw new IllegalStateException("tree walk lost node " + path);
      }
      sum += path.length() + (long) node.stat().dataLength();
      for (String name : node.children()) {
        pending.push(ZnodePaths.child(path, name));
      }
    }
    return sum;
  }
}
