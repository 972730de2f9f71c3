package io.paddock.store.model;

/**
 * The kinds of znode a create can make, with ZooKeeper's {@code flags} numbers.
 *
 * <p>Any flag outside 0..6 is {@link ErrorCode#BADARGUMENTS} on the server.
 */
public enum CreateMode {
  /** A node that lives until deleted. */
  PERSISTENT(0, false, false, false, false),
  /** A node deleted when its session ends. */
  EPHEMERAL(1, true, false, false, false),
  /** A persistent node whose name gets a 10-digit sequence suffix. */
  PERSISTENT_SEQUENTIAL(2, false, true, false, false),
  /** An ephemeral node whose name gets a 10-digit sequence suffix. */
  EPHEMERAL_SEQUENTIAL(3, true, true, false, false),
  /** A node the server deletes once it has had children and has none left. */
  CONTAINER(4, false, false, true, false),
  /**
   * A persistent node the server deletes when it has no children and was not modified for its TTL.
   */
  PERSISTENT_WITH_TTL(5, false, false, false, true),
  /** A sequential persistent node with a TTL. */
  PERSISTENT_SEQUENTIAL_WITH_TTL(6, false, true, false, true);

  private static final CreateMode[] BY_FLAG = values();

  private final int flag;
  private final boolean ephemeral;
  private final boolean sequential;
  private final boolean container;
  private final boolean ttl;

  CreateMode(int flag, boolean ephemeral, boolean sequential, boolean container, boolean ttl) {
    this.flag = flag;
    this.ephemeral = ephemeral;
    this.sequential = sequential;
    this.container = container;
    this.ttl = ttl;
  }

  /** The {@code flags} value on the wire. */
  public int flag() {
    return flag;
  }

  /** True when the node dies with its session. */
  public boolean isEphemeral() {
    return ephemeral;
  }

  /** True when the name gets a sequence suffix. */
  public boolean isSequential() {
    return sequential;
  }

  /** True for {@link #CONTAINER}. */
  public boolean isContainer() {
    return container;
  }

  /** True for the two TTL modes. */
  public boolean isTtl() {
    return ttl;
  }

  /** The mode for a wire flag, or null when the flag is not one of 0..6. */
  public static CreateMode fromFlag(int flag) {
    return flag >= 0 && flag < BY_FLAG.length ? BY_FLAG[flag] : null;
  }
}
