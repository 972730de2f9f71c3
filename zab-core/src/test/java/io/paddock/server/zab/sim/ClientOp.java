package io.paddock.server.zab.sim;

/**
 * One client operation on a register (a znode): its call, its real-time interval in ticks and its
 * outcome. A write whose reply never came has {@code responseTick == MAYBE}: it may or may not have
 * happened.
 */
final class ClientOp {

  /** The kinds of operations. */
  enum Kind {
    CREATE,
    SET,
    CAS,
    READ
  }

  /** Response time of an op whose outcome is unknown. */
  static final long MAYBE = Long.MAX_VALUE;

  final int client;
  final int opId;
  final Kind kind;
  final String key;
  final int value;
  final int expectedVersion;
  final long invokeTick;
  long responseTick = MAYBE;

  /** Error code of the reply (0 = OK). */
  int err;

  /** Version after the write, or the version read; -1 when the node did not exist. */
  int version = -1;

  /** The value read; -1 when the node did not exist. */
  int readValue = -1;

  long zxid = -1;

  ClientOp(
      int client,
      int opId,
      Kind kind,
      String key,
      int value,
      int expectedVersion,
      long invokeTick) {
    this.client = client;
    this.opId = opId;
    this.kind = kind;
    this.key = key;
    this.value = value;
    this.expectedVersion = expectedVersion;
    this.invokeTick = invokeTick;
  }

  boolean completed() {
    return responseTick != MAYBE;
  }

  boolean isWrite() {
    return kind != Kind.READ;
  }

  @Override
  public String toString() {
    return "c"
        + client
        + "#"
        + opId
        + " "
        + kind
        + " "
        + key
        + " v="
        + value
        + " exp="
        + expectedVersion
        + " ["
        + invokeTick
        + ","
        + (completed() ? responseTick : "?")
        + "] err="
        + err
        + " ver="
        + version
        + " read="
        + readValue
        + " zxid=0x"
        + Long.toHexString(zxid);
  }
}
