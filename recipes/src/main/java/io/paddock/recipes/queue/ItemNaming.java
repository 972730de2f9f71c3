package io.paddock.recipes.queue;

import io.paddock.recipes.internal.CreateOperation;
import io.paddock.recipes.internal.Sequences;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * How one kind of queue names its items and orders them. Every name is {@code queue-}, a
 * kind-specific part, and the server's 10-digit sequence; a protection prefix ({@code _c_<uuid>-})
 * may come first and never affects order.
 *
 * <ul>
 *   <li>FIFO and id queues: {@code queue-<seq>}, {@code queue-|<id>|<seq>}, by sequence;
 *   <li>priority: {@code queue-<8 hex digits>-<seq>}, the priority with its sign bit flipped so the
 *       hex sorts like the number: lower priority value first, then sequence;
 *   <li>delay: {@code queue-<16 hex digits>-<seq>}, the due time (epoch ms): earliest first.
 * </ul>
 */
enum ItemNaming {
  FIFO(false),
  PRIORITY(true),
  DELAY(true),
  ID(false);

  /** The start of every item name. */
  static final String ITEM_PREFIX = "queue-";

  /** The character around an id in an id queue's names. */
  static final char ID_SEPARATOR = '|';

  /** The longest id of an id queue. */
  static final int ID_LENGTH_MAX = 200;

  private static final int PRIORITY_DIGITS = 8;
  private static final int DUE_DIGITS = 16;

  private final boolean refreshOnChange;

  ItemNaming(boolean refreshOnChange) {
    this.refreshOnChange = refreshOnChange;
  }

  /**
   * Whether a change to the queue is looked at before the next item (a late item may come first).
   */
  boolean refreshOnChange() {
    return refreshOnChange;
  }

  /** The name prefix of a FIFO item. */
  static String fifo() {
    return ITEM_PREFIX;
  }

  /** The name prefix of an item of a priority. */
  static String priority(int priority) {
    return ITEM_PREFIX + HexFormat.of().toHexDigits(priority ^ Integer.MIN_VALUE) + "-";
  }

  /** The name prefix of an item due at an epoch time (ms, ≥ 0). */
  static String delay(long dueEpochMs) {
    if (dueEpochMs < 0) {
      throw new IllegalArgumentException("the due time must be ≥ 0");
    }
    return ITEM_PREFIX + HexFormat.of().toHexDigits(dueEpochMs) + "-";
  }

  /** The name prefix of an item with an id. */
  static String id(String id) {
    checkId(id);
    return ITEM_PREFIX + ID_SEPARATOR + id + ID_SEPARATOR;
  }

  /** Checks an id: not empty, short, no separator, slash or NUL. */
  static void checkId(String id) {
    if (id == null
        || id.isEmpty()
        || id.length() > ID_LENGTH_MAX
        || id.indexOf(ID_SEPARATOR) >= 0
        || id.indexOf('/') >= 0
        || id.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "an id is 1–" + ID_LENGTH_MAX + " characters without '|', '/' or NUL: " + id);
    }
  }

  /** The name without protection prefix. */
  static String stripped(String name) {
    return CreateOperation.stripProtection(name);
  }

  /** True for the names of items (not a stray node). */
  boolean isItem(String name) {
    String s = stripped(name);
    if (!s.startsWith(ITEM_PREFIX) || !Sequences.isSequential(s)) {
      return false;
    }
    int middle = s.length() - ITEM_PREFIX.length() - Sequences.SEQUENCE_DIGITS;
    return switch (this) {
      case FIFO -> middle == 0;
      case PRIORITY -> middle == PRIORITY_DIGITS + 1;
      case DELAY -> middle == DUE_DIGITS + 1;
      case ID -> s.charAt(ITEM_PREFIX.length()) == ID_SEPARATOR && middle >= 3;
    };
  }

  /** The item names of a child list, in delivery order. */
  List<String> sorted(List<String> children) {
    Comparator<String> order =
        switch (this) {
          case FIFO, ID -> Comparator.comparingLong(Sequences::sequence);
          case PRIORITY, DELAY -> Comparator.comparing(ItemNaming::stripped);
        };
    return children.stream()
        .filter(this::isItem)
        .sorted(order.thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  /** The epoch ms an item becomes due (0 for every kind but DELAY). */
  long dueEpochMs(String name) {
    if (this != DELAY) {
      return 0;
    }
    String s = stripped(name);
    int start = ITEM_PREFIX.length();
    return HexFormat.fromHexDigitsToLong(s, start, start + DUE_DIGITS);
  }

  /** The id of an id queue's item. */
  static String idOf(String name) {
    String s = stripped(name);
    int start = ITEM_PREFIX.length() + 1;
    int end = s.lastIndexOf(ID_SEPARATOR);
    return end > start ? s.substring(start, end) : "";
  }

  /** The prefix a requeued copy of the item is created with (its id, priority or due kept). */
  static String requeuePrefix(String name) {
    String s = stripped(name);
    return s.substring(0, s.length() - Sequences.SEQUENCE_DIGITS);
  }
}
