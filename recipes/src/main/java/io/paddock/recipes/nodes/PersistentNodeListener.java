package io.paddock.recipes.nodes;

/** Hears that a {@link PersistentNode} was created or re-created. */
@FunctionalInterface
public interface PersistentNodeListener {
  /**
   * The node now exists (first create, re-create, or adoption of an existing node). Runs on the
   * client's event thread: it must not block.
   *
   * @param path the node's actual path
   */
  void nodeCreated(String path);
}
