package io.paddock.store.watch;

import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;

/**
 * The modes a (path, watcher) pair can hold, as bits of one int: ZooKeeper's {@code WatchStats} for
 * the data table and for the child table side by side. Package-private: the encoding is the
 * registry's business.
 */
final class WatchModes {
  /** A standard (one-shot) data or exist watch. */
  static final int DATA_STANDARD = 1;

  /** A persistent watch, data-table half. */
  static final int DATA_PERSISTENT = 1 << 1;

  /** A persistent recursive watch (data table only). */
  static final int DATA_RECURSIVE = 1 << 2;

  /** A standard (one-shot) child watch. */
  static final int CHILD_STANDARD = 1 << 3;

  /** A persistent watch, child-table half. */
  static final int CHILD_PERSISTENT = 1 << 4;

  /** Every mode of the data table. */
  static final int DATA_TABLE = DATA_STANDARD | DATA_PERSISTENT | DATA_RECURSIVE;

  /** Every mode of the child table. */
  static final int CHILD_TABLE = CHILD_STANDARD | CHILD_PERSISTENT;

  /** The one-shot modes, used up when they fire. */
  static final int STANDARD = DATA_STANDARD | CHILD_STANDARD;

  /** A persistent watch: always both halves together. */
  static final int PERSISTENT = DATA_PERSISTENT | CHILD_PERSISTENT;

  /** Every mode. */
  static final int ALL = DATA_TABLE | CHILD_TABLE;

  private WatchModes() {}

  /**
   * The tables an event consults (PROTOCOL 8.3): created and data-changed the data table,
   * children-changed the child table, deleted both (data first, then child without repeats).
   */
  static int tablesFor(EventType type) {
    return switch (type) {
      case NODE_CREATED, NODE_DATA_CHANGED -> DATA_TABLE;
      case NODE_CHILDREN_CHANGED -> CHILD_TABLE;
      case NODE_DELETED -> ALL;
      default -> throw new IllegalArgumentException("not a server watch event: " + type);
    };
  }

  /** The modes a checkWatches or removeWatches type names (PROTOCOL 8.6). */
  static int forType(WatcherType type) {
    return switch (type) {
      case CHILDREN -> CHILD_STANDARD;
      case DATA -> DATA_STANDARD;
      case PERSISTENT -> PERSISTENT;
      case PERSISTENT_RECURSIVE -> DATA_RECURSIVE;
      case ANY -> ALL;
    };
  }

  /**
   * +1 when {@code mask} gains its first bit going from → to, −1 when it loses its last, else 0.
   */
  static int delta(int from, int to, int mask) {
    boolean had = (from & mask) != 0;
    boolean has = (to & mask) != 0;
    return had == has ? 0 : has ? 1 : -1;
  }
}
