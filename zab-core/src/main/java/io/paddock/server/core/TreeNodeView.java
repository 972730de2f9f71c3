package io.paddock.server.core;

import io.paddock.server.core.prep.NodeView;
import io.paddock.store.model.Acl;
import io.paddock.store.model.Stat;
import io.paddock.store.tree.DataTree;
import java.util.List;

/** The DataTree as prep sees it (state thread only). */
final class TreeNodeView implements NodeView {
  private static final long UINT_MASK = 0xffff_ffffL;

  private final DataTree tree;

  TreeNodeView(DataTree tree) {
    this.tree = tree;
  }

  @Override
  public List<Acl> aclOf(String path) {
    return tree.aclOf(path);
  }

  /**
   * The stored cversion, recovered from the Stat, whose cversion is {@code 2 × stored −
   * numChildren} (PROTOCOL 9.2) in int arithmetic: {@code stored = (cversion + numChildren) / 2}
   * modulo 2^31. Exact until 2^31 children were ever created under the node.
   */
  @Override
  public int storedCversionOf(String path) {
    Stat stat = tree.exists(path);
    if (stat == null) {
      return 0;
    }
    long twiceStored = ((long) stat.cversion() + stat.numChildren()) & UINT_MASK;
    return (int) (twiceStored >>> 1);
  }
}
