package io.paddock.examples.demo;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole tour, in-process, as {@code bin/paddock demo} runs it. */
class DemoTourTest {
  /** Well under the two minutes the tour may take on a loaded 2-core machine. */
  private static final Duration TOUR_LIMIT = Duration.ofSeconds(110);

  @Test
  void theTourPassesEveryCheckAndSaysSo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    boolean passed = assertTimeoutPreemptively(TOUR_LIMIT, () -> new DemoTour(out).run());
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(passed, () -> "the tour failed:\n" + printed);
    int chapters = DemoTour.chapters().size() + 1;
    for (int chapter = 1; chapter <= chapters; chapter++) {
      String heading = "[" + chapter + "/" + chapters + "]";
      assertTrue(printed.contains(heading), () -> "no " + heading + " in:\n" + printed);
    }
    assertTrue(printed.contains("Tour complete"), () -> "no closing line in:\n" + printed);
    assertTrue(printed.contains("ensemble leader: member"), () -> "no failover in:\n" + printed);
  }
}
