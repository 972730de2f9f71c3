package io.paddock.store.model;

/** The mode of an addWatch request. */
public enum AddWatchMode {
  /** Fires for the node's data, existence and children; stays until removed. */
  PERSISTENT(0),
  /** Fires for the node and every descendant's data and existence; stays until removed. */
  PERSISTENT_RECURSIVE(1);

  private final int code;

  AddWatchMode(int code) {
    this.code = code;
  }

  /** The wire number. */
  public int code() {
    return code;
  }

  /** The constant for a wire number, or null when there is none. */
  public static AddWatchMode fromCode(int code) {
    return code == 0 ? PERSISTENT : code == 1 ? PERSISTENT_RECURSIVE : null;
  }
}
