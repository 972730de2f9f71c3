package io.paddock.examples.demo;

import io.paddock.examples.support.ExampleLogging;
import java.io.PrintStream;
import java.util.List;

/**
 * The guided tour behind {@code bin/paddock demo}: it starts a 3-member Paddock ensemble in this
 * JVM (in a temporary directory) and walks through every recipe family in about a minute — config
 * watch, group membership, leader election, locks with fencing tokens, barrier, queue, counter —
 * then kills the ensemble's leader and shows the recipes carrying on: a new leader, the lock handed
 * over to a waiting worker, the queue drained, nothing lost.
 *
 * <p>Each chapter says what it shows, then what happened, then the checks that passed. The tour's
 * output goes to the given stream (stdout from {@link #main}); logging stays quiet (warnings only,
 * on stderr). {@link #run()} returns false, after printing why, if any check fails; {@link #main}
 * exits with status 0 on success and 1 otherwise.
 *
 * <p>Run: {@code bin/paddock demo}.
 */
public final class DemoTour {
  /** Exit status when a check failed. */
  public static final int EXIT_FAILED = 1;

  private final PrintStream out;

  /** A tour that prints to {@code out}. */
  public DemoTour(PrintStream out) {
    this.out = out;
  }

  /** Runs the tour on stdout and exits with 0 when every check passed, 1 otherwise. */
  public static void main(String[] args) {
    ExampleLogging.useQuietConfiguration();
    boolean passed = new DemoTour(System.out).run();
    System.out.flush();
    System.exit(passed ? 0 : EXIT_FAILED);
  }

  /** The chapters after the ensemble's own, in order. */
  static List<TourChapter> chapters() {
    return List.of(
        new ConfigChapter(),
        new GroupChapter(),
        new LeaderChapter(),
        new LockChapter(),
        new BarrierChapter(),
        new QueueChapter(),
        new CounterChapter(),
        new FailoverChapter());
  }

  /**
   * Plays the whole tour.
   *
   * @return true if every check passed; otherwise the reason has been printed
   */
  public boolean run() {
    List<TourChapter> chapters = chapters();
    Narrator narrator = new Narrator(out, chapters.size() + 1);
    narrator.title(
        "Paddock demo tour: every recipe family, on a 3-member ensemble running in this JVM.");
    String current = EnsembleChapter.TITLE;
    try (TourStage stage = EnsembleChapter.open(narrator)) {
      for (TourChapter chapter : chapters) {
        current = chapter.title();
        narrator.chapter(chapter.title(), chapter.shows());
        chapter.play(stage, narrator);
      }
      current = "closing down";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      narrator.failed(current, e);
      return false;
    } catch (Exception e) {
      narrator.failed(current, e);
      return false;
    }
    narrator.finished();
    return true;
  }
}
