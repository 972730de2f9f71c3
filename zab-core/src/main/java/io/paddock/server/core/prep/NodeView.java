package io.paddock.server.core.prep;

import io.paddock.store.model.Acl;
import java.util.List;

/** What prep may read of the tree: whether a node exists, and its ACL. */
@FunctionalInterface
public interface NodeView {
  /** The node's ACL, or null when the node does not exist. */
  List<Acl> aclOf(String path);
}
