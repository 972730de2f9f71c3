package io.paddock.examples.demo;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** The first chapter: the ensemble starts and elects its leader; the applications connect. */
final class EnsembleChapter {
  static final String TITLE = "A Paddock ensemble of three members";

  private EnsembleChapter() {}

  /** Opens the stage, telling what happened. */
  static TourStage open(Narrator narrator) throws InterruptedException, TimeoutException {
    narrator.chapter(
        TITLE,
        "Three members start on free ports of 127.0.0.1, elect a leader with ZAB and replicate\n"
            + "every write to a majority. Three application processes (app-1..3) connect to them.");
    long start = System.nanoTime();
    TourStage stage = TourStage.open();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    narrator.happened(
        "member %d leads, the other two follow (ready in %.1f s)",
        stage.firstLeaderMemberId(), Narrator.seconds(took));
    narrator.happened("clients connect to %s", stage.ensemble().connectString());
    narrator.check(stage.ensemble().leaderId().isPresent(), "the ensemble has a leader");
    return stage;
  }
}
