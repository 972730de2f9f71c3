package io.paddock.store.tree;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * ZooKeeper's {@code zk_approximate_data_size}: over every node, the length of its path in chars
 * plus the length of its data in bytes. The tree keeps the sum as it changes ({@link WriteOps} adds
 * and subtracts per op, a rolled-back multi restores it); this class computes it from scratch for a
 * tree that was built some other way (the initial tree, a loaded snapshot).
 */
final class ApproximateDataSize {
  private ApproximateDataSize() {}

  /** What one node adds: its path's length in chars and its data's length in bytes. */
  static long of(int pathChars, byte[] nodeBytes) {
    return pathChars + (long) NodeBytes.dataLength(nodeBytes);
  }

  /** The sum over the tree under (and including) {@code root}, by one walk without strings. */
  static long compute(Znode root) {
    Deque<Znode> nodes = new ArrayDeque<>();
    Deque<Integer> pathChars = new ArrayDeque<>();
    nodes.push(root);
    pathChars.push(1); // "/"
    long sum = 0;
    while (!nodes.isEmpty()) {
      Znode n = nodes.pop();
      int chars = pathChars.pop();
      sum += of(chars, n.bytes);
      ChildTable children = n.children;
      if (children == null) {
        continue;
      }
      int prefix = n == root ? 0 : chars; // a child of the root is "/name", of others "…/name"
      for (int i = 0; i < children.capacity(); i++) {
        Znode c = children.slot(i);
        if (c != null) {
          nodes.push(c);
          pathChars.push(prefix + 1 + nameChars(c.bytes));
        }
      }
    }
    return sum;
  }

  /** The chars of a node's name: its bytes that do not continue a multi-byte sequence. */
  private static int nameChars(byte[] nodeBytes) {
    int from = NodeBytes.nameOffset(nodeBytes);
    int to = from + NodeBytes.nameLength(nodeBytes);
    int chars = 0;
    for (int i = from; i < to; i++) {
      if ((nodeBytes[i] & 0xc0) != 0x80) {
        chars++;
      }
    }
    return chars;
  }
}
