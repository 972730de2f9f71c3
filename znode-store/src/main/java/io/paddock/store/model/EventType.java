package io.paddock.store.model;

/** The type of a watch event ({@code Watcher.Event.EventType}) with its wire number. */
public enum EventType {
  /** A connection-state change (client-local). */
  NONE(-1),
  /** The node was created. */
  NODE_CREATED(1),
  /** The node was deleted. */
  NODE_DELETED(2),
  /** The node's data changed. */
  NODE_DATA_CHANGED(3),
  /** The node's children changed. */
  NODE_CHILDREN_CHANGED(4),
  /** A data watch was removed (client-local). */
  DATA_WATCH_REMOVED(5),
  /** A child watch was removed (client-local). */
  CHILD_WATCH_REMOVED(6),
  /** A persistent watch was removed (client-local). */
  PERSISTENT_WATCH_REMOVED(7);

  private final int code;

  EventType(int code) {
    this.code = code;
  }

  /** The wire number. */
  public int code() {
    return code;
  }

  /**
   * The constant for a wire number.
   *
   * @throws IllegalArgumentException for an unknown number
   */
  public static EventType fromCode(int code) {
    for (EventType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown event type " + code);
  }
}
