package io.paddock.store.tree;

import java.util.Arrays;

/**
 * Depth-first walks with an explicit stack: a path may be long enough to nest hundreds of thousands
 * of levels, far beyond what recursion survives.
 */
final class TreeWalk {
  private static final int STACK_INITIAL = 64;

  private TreeWalk() {}

  /**
   * The nodes below {@code top} in pre-order (parents before children), {@code top} first, with
   * each node's parent position ({@code −1} for {@code top}).
   *
   * @param nodes the nodes in pre-order
   * @param parents the position of each node's parent in {@code nodes}
   */
  record Order(Znode[] nodes, int[] parents) {}

  /** Walks the subtree of {@code top}, which holds {@code size} nodes. */
  static Order preorder(Znode top, int size) {
    Znode[] nodes = new Znode[size];
    int[] parents = new int[size];
    Znode[] stack = new Znode[STACK_INITIAL];
    int[] stackParents = new int[STACK_INITIAL];
    int depth = 0;
    int count = 0;
    stack[depth] = top;
    stackParents[depth++] = -1;
    while (depth > 0) {
      Znode n = stack[--depth];
      stack[depth] = null;
      if (count == size) {
        throw new IllegalStateException("tree holds more than its node count " + size);
      }
      int at = count++;
      nodes[at] = n;
      parents[at] = stackParents[depth];
      ChildTable t = n.children;
      if (t == null) {
        continue;
      }
      for (int i = 0; i < t.capacity(); i++) {
        Znode c = t.slot(i);
        if (c == null) {
          continue;
        }
        if (depth == stack.length) {
          stack = Arrays.copyOf(stack, depth * 2);
          stackParents = Arrays.copyOf(stackParents, depth * 2);
        }
        stack[depth] = c;
        stackParents[depth++] = at;
      }
    }
    if (count != size) {
      throw new IllegalStateException("tree holds " + count + " nodes, its count says " + size);
    }
    return new Order(nodes, parents);
  }

  /** The number of nodes below {@code top}, {@code top} excluded. */
  static int countDescendants(Znode top) {
    Znode[] stack = new Znode[STACK_INITIAL];
    int depth = 0;
    int count = -1;
    stack[depth++] = top;
    while (depth > 0) {
      Znode n = stack[--depth];
      stack[depth] = null;
      count++;
      ChildTable t = n.children;
      if (t == null) {
        continue;
      }
      for (int i = 0; i < t.capacity(); i++) {
        Znode c = t.slot(i);
        if (c != null) {
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = c;
        }
      }
    }
    return count;
  }
}
