package io.paddock.bench.compare;

import java.util.Locale;
import java.util.OptionalDouble;

/** One figure in the table: a number with its printed form, or a text such as a failure. */
public record Cell(String text, OptionalDouble value) {
  /** The cell of a figure that was not measured for this system. */
  public static final Cell NONE = new Cell("—", OptionalDouble.empty());

  /** A number printed with {@code format} (a {@link String#format} pattern, root locale). */
  public static Cell number(double value, String format) {
    if (Double.isNaN(value)) {
      return new Cell("n/a", OptionalDouble.empty());
    }
    return new Cell(String.format(Locale.ROOT, format, value), OptionalDouble.of(value));
  }

  /** A text cell with no number. */
  public static Cell text(String text) {
    return new Cell(text, OptionalDouble.empty());
  }

  /** Paddock / ZooKeeper as text, two decimals; empty text unless both are positive numbers. */
  public static String ratio(Cell zookeeper, Cell paddock) {
    if (zookeeper.value.isEmpty()
        || paddock.value.isEmpty()
        || zookeeper.value.getAsDouble() <= 0) {
      return "";
    }
    return String.format(
        Locale.ROOT, "%.2f", paddock.value.getAsDouble() / zookeeper.value.getAsDouble());
  }
}
