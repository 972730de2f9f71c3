package io.paddock.recipes.internal;

import java.util.Comparator;
import java.util.List;

/** The sequence numbers of sequential node names, and sorting by them. */
public final class Sequences {
  /** The digits a sequential node's name ends with. */
  public static final int SEQUENCE_DIGITS = 10;

  /** Orders names by sequence number, then by name. */
  public static final Comparator<String> BY_SEQUENCE =
      Comparator.comparingLong(Sequences::sequence).thenComparing(Comparator.naturalOrder());

  private Sequences() {}

  /**
   * The sequence number a name ends with (protection prefix and lock name ignored).
   *
   * @throws IllegalArgumentException if the name does not end with 10 digits
   */
  public static long sequence(String name) {
    if (name.length() < SEQUENCE_DIGITS) {
      throw new IllegalArgumentException("not a sequential name: " + name);
    }
    String digits = name.substring(name.length() - SEQUENCE_DIGITS);
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        throw new IllegalArgumentException("not a sequential name: " + name);
      }
    }
    return Long.parseLong(digits);
  }

  /** True if the name ends with a sequence number. */
  public static boolean isSequential(String name) {
    try {
      sequence(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The names that contain {@code marker} (a lock name like {@code lock-}) and end with a sequence,
   * sorted by sequence; other children (a user's stray node) are ignored.
   */
  public static List<String> sorted(List<String> children, String marker) {
    return children.stream()
        .filter(c -> c.contains(marker) && isSequential(c))
        .sorted(BY_SEQUENCE)
        .toList();
  }
}
