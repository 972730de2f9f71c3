package io.paddock.examples.demo;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints the tour: numbered chapters (what is being shown), then indented lines of what happened,
 * and the checks that passed. Also the tour's clock.
 */
final class Narrator {
  private static final String INDENT = "      ";

  private final PrintStream out;
  private final int chapters;
  private final long startNanos = System.nanoTime();
  private int chapter;
  private int checksPassed;

  Narrator(PrintStream out, int chapters) {
    this.out = out;
    this.chapters = chapters;
  }

  /** The tour's title. */
  void title(String text) {
    out.println(text);
    out.println();
  }

  /** Opens the next chapter: its title, then what it shows. */
  void chapter(String title, String shows) {
    chapter++;
    if (chapter > 1) {
      out.println();
    }
    out.printf("[%d/%d] %s%n", chapter, chapters, title);
    for (String line : shows.split("\n")) {
      out.println(INDENT + line);
    }
  }

  /** One thing that happened. */
  void happened(String format, Object... args) {
    out.println(INDENT + "- " + String.format(format, args));
  }

  /**
   * Checks a condition and says so.
   *
   * @throws TourCheckFailed if it does not hold
   */
  void check(boolean holds, String what) {
    if (!holds) {
      throw new TourCheckFailed(what);
    }
    checksPassed++;
    out.println(INDENT + "ok: " + what);
  }

  /** The closing line of a tour that passed. */
  void finished() {
    out.println();
    out.printf(
        "Tour complete in %.1f s: %d checks passed. Thanks for watching!%n",
        seconds(sinceStart()), checksPassed);
  }

  /** The closing lines of a tour that failed. */
  void failed(String chapterTitle, Throwable cause) {
    out.println();
    out.printf("FAILED in chapter %d (%s): %s%n", chapter, chapterTitle, describe(cause));
  }

  /** Time since the tour began. */
  Duration sinceStart() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** A duration in seconds, for printing with {@code %.1f}. */
  static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static String describe(Throwable cause) {
    if (cause instanceof TourCheckFailed) {
      return "expected " + cause.getMessage();
    }
    return cause.toString();
  }
}
