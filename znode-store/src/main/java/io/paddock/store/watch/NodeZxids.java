package io.paddock.store.watch;

/**
 * What re-registering watches (setWatches) needs to know about a node: whether it exists and the
 * zxids of its last data change and last child change. The DataTree implements it.
 */
public interface NodeZxids {
  /** True when the node exists. */
  boolean exists(String path);

  /** The node's mzxid, or −1 when it does not exist. */
  long mzxid(String path);

  /** The node's pzxid, or −1 when it does not exist. */
  long pzxid(String path);
}
