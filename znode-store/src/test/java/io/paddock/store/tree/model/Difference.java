package io.paddock.store.tree.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One observed difference between the reference and the real tree, thrown by the comparisons and
 * turned into a {@link ModelMismatch} with the history's context by {@link ModelRun}.
 */
final class Difference extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was compared, such as {@code getData("/a").stat}. */
  final String what;

  /** The reference's value, rendered. */
  final String expected;

  /** The real tree's value, rendered. */
  final String actual;

  Difference(String what, Object expected, Object actual, Throwable cause) {
    super(what, cause, false, false);
    this.what = what;
    this.expected = Describe.value(expected);
    this.actual = Describe.value(actual);
  }

  /** Throws when the values differ (byte arrays by content). */
  static void check(String what, Object expected, Object actual) {
    boolean same =
        expected instanceof byte[] e && actual instanceof byte[] a
            ? Arrays.equals(e, a)
            : Objects.equals(expected, actual);
    if (!same) {
      throw new Difference(what, expected, actual, null);
    }
  }

  /** Runs a call on the real tree; an exception from it is a difference too. */
  static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException | AssertionError e) {
      throw new Difference(what + " threw", "a normal return", e, e);
    }
  }

  /** Runs a void call on the real tree; an exception from it is a difference. */
  static void run(String what, Runnable call) {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }
}
