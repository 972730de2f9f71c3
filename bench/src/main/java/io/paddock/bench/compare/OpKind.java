package io.paddock.bench.compare;

/** The operations the load generator issues, each through the ZooKeeper client's async API. */
public enum OpKind {
  /** create of a node the issuing slot owns (persistent, the workload's value size). */
  CREATE("create"),
  /** delete of a node the issuing slot created earlier. */
  DELETE("delete"),
  /** setData of a random key of the pre-populated key space, any version. */
  SET_DATA("setData"),
  /** getData of a random key, no watch. */
  GET_DATA("getData"),
  /** exists of a random key, no watch. */
  EXISTS("exists"),
  /** a multi of two setData ops on random keys. */
  MULTI("multi");

  private final String wireName;

  OpKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in op-mix specifications and reports, as ZooKeeper's API names the call. */
  public String wireName() {
    return wireName;
  }

  /** The kind named {@code name} (case-insensitive), for mix specifications. */
  public static OpKind byName(String name) {
    for (OpKind kind : values()) {
      if (kind.wireName.equalsIgnoreCase(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown op '" + name + "'");
  }

  /** True for ops that write (and so go through the server's log and fsync). */
  public boolean isWrite() {
    return this != GET_DATA && this != EXISTS;
  }
}
