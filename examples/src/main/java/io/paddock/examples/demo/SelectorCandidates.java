package io.paddock.examples.demo;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.leader.LeaderSelector;
import io.paddock.recipes.leader.LeaderSelectorListenerAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The candidates of the failover chapter's election: LeaderSelectors with {@code autoRequeue()}
 * whose leader keeps leadership until it is interrupted (its connection in doubt) or closed. Each
 * leadership taken is reported, in order, with its fencing token and when it began.
 */
final class SelectorCandidates implements AutoCloseable {
  /** One leadership: who, its fencing token, and when it began ({@link System#nanoTime()}). */
  record Leadership(String id, long token, long beganNanos) {}

  private final String electionPath;
  private final List<LeaderSelector> selectors = new ArrayList<>();
  private final BlockingQueue<Leadership> leaderships = new LinkedBlockingQueue<>();

  SelectorCandidates(String electionPath) {
    this.electionPath = electionPath;
  }

  /** Adds a candidate named {@code id} on {@code framework}. */
  synchronized void join(PaddockFramework framework, String id) {
    LeaderSelector[] self = new LeaderSelector[1];
    LeaderSelector selector =
        new LeaderSelector(
            framework,
            electionPath,
            new LeaderSelectorListenerAdapter() {
              @Override
              public void takeLeadership(PaddockFramework fw) throws InterruptedException {
                long token = self[0].leadershipGrant().orElseThrow().token();
                leaderships.add(new Leadership(id, token, System.nanoTime()));
                new CountDownLatch(1).await(); // lead until interrupted or closed
              }
            });
    self[0] = selector;
    selector.setId(id);
    selector.autoRequeue();
    selectors.add(selector);
    selector.start();
  }

  /**
   * The next leadership taken.
   *
   * @throws TourCheckFailed if none comes within the tour's wait
   */
  Leadership awaitNext() throws InterruptedException {
    Leadership next = leaderships.poll(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS);
    if (next == null) {
      throw new TourCheckFailed("a leader of " + electionPath + " within " + TourStage.WAIT);
    }
    return next;
  }

  /** Stops candidate {@code id} (its process ends: its selector's threads stop with it). */
  synchronized void leave(String id) {
    for (LeaderSelector selector : selectors) {
      if (selector.getId().equals(id)) {
        selector.close();
      }
    }
  }

  /** How many of the candidates that are not {@code except} lead now. */
  synchronized long leadingExcept(String except) {
    return selectors.stream()
        .filter(s -> !s.getId().equals(except))
        .filter(LeaderSelector::hasLeadership)
        .count();
  }

  @Override
  public synchronized void close() {
    selectors.forEach(LeaderSelector::close);
  }
}
