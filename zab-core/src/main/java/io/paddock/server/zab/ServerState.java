package io.paddock.server.zab;

/**
 * The role a peer shows the outside world, with the codes ZooKeeper's fast leader election puts on
 * the wire (PROTOCOL.md section 14).
 */
public enum ServerState {
  /** Looking for a leader: an election is under way. */
  LOOKING(0),
  /** Following an elected leader. */
  FOLLOWING(1),
  /** Leading the ensemble. */
  LEADING(2),
  /** Observing: receives committed transactions, never votes. */
  OBSERVING(3);

  private final int code;

  ServerState(int code) {
    this.code = code;
  }

  /** The wire code. */
  public int code() {
    return code;
  }

  /**
   * The state with the given wire code.
   *
   * @throws IllegalArgumentException if no state has that code
   */
  public static ServerState fromCode(int code) {
    for (ServerState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown server state " + code);
  }
}
