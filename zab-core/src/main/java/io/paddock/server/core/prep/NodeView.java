package io.paddock.server.core.prep;

import io.paddock.store.model.Acl;
import java.util.List;

/** What prep may read of the tree: whether a node exists, its ACL, and its child-create count. */
@FunctionalInterface
public interface NodeView {
  /** The node's ACL, or null when the node does not exist. */
  List<Acl> aclOf(String path);

  /**
   * The node's stored cversion: how many children were ever created under it (PROTOCOL 9.2), which
   * names the next sequential child. Prep uses it to know the name a sequential create inside a
   * multi will get, so that later ops of the multi can name that node. A view that knows only ACLs
   * (a test's) keeps this default, 0: a node under which no child was ever created.
   */
  default int storedCversionOf(String path) {
    return 0;
  }
}
