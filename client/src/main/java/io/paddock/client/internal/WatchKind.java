package io.paddock.client.internal;

/** The five kinds of watch a client keeps, as ZooKeeper's ZKWatchManager tables. */
public enum WatchKind {
  /** One-shot data watch (getData, or exists on a node that exists). */
  DATA,
  /** One-shot exist watch (exists on a node that does not exist): fires on create. */
  EXIST,
  /** One-shot child watch (getChildren). */
  CHILD,
  /** Persistent watch on one node: data, existence and children. */
  PERSISTENT,
  /** Persistent recursive watch: data and existence of the node and every descendant. */
  PERSISTENT_RECURSIVE
}
