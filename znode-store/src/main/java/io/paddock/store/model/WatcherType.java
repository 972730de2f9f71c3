package io.paddock.store.model;

/** Which watches checkWatches and removeWatches look at ({@code Watcher.WatcherType}). */
public enum WatcherType {
  /** Standard child watches. */
  CHILDREN(1),
  /** Standard data and exist watches. */
  DATA(2),
  /** Anything on the path. */
  ANY(3),
  /** Persistent watches. */
  PERSISTENT(4),
  /** Persistent recursive watches. */
  PERSISTENT_RECURSIVE(5);

  private final int code;

  WatcherType(int code) {
    this.code = code;
  }

  /** The wire number. */
  public int code() {
    return code;
  }

  /** The constant for a wire number, or null when there is none. */
  public static WatcherType fromCode(int code) {
    for (WatcherType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
