package io.paddock.examples.leader;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.leader.LeaderSelector;
import io.paddock.recipes.leader.LeaderSelectorListenerAdapter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dynamic leader election with {@link LeaderSelector}: three candidates with {@code autoRequeue()};
 * whoever leads runs {@code takeLeadership} (here: a short piece of work), and leadership passes on
 * when it returns. The adapter interrupts a leader whose connection is in doubt. The example checks
 * that no two candidates ever lead at once, and stops after {@link #TERMS} leaderships.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.leader.LeaderSelectorExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class LeaderSelectorExample {
  /** The election's path. */
  public static final String ELECTION_PATH = "/examples/leader-selector";

  /** How many leaderships the example waits for. */
  static final int TERMS = 6;

  static final int CANDIDATES = 3;
  private static final long WORK_MS = 100;
  private static final long RUN_LIMIT_S = 60;

  private LeaderSelectorExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Runs the candidates until {@link #TERMS} leaderships have ended.
   *
   * @throws IllegalStateException if two lead at once or the terms do not come in time
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    CountDownLatch terms = new CountDownLatch(TERMS);
    AtomicInteger leading = new AtomicInteger();
    AtomicBoolean overlap = new AtomicBoolean();
    List<LeaderSelector> selectors = new ArrayList<>();
    for (int i = 1; i <= CANDIDATES; i++) {
      String id = "candidate-" + i;
      LeaderSelector[] self = new LeaderSelector[1];
      LeaderSelector selector =
          new LeaderSelector(
              cluster.newFramework(),
              ELECTION_PATH,
              new LeaderSelectorListenerAdapter() {
                @Override
                public void takeLeadership(PaddockFramework framework) throws Exception {
                  if (leading.incrementAndGet() != 1) {
                    overlap.set(true);
                  }
                  try {
                    long token = self[0].leadershipGrant().orElseThrow().token();
                    out.printf("%s leads (fencing token %d), works, then yields%n", id, token);
                    Thread.sleep(WORK_MS); // the leader's work
                  } finally {
                    leading.decrementAndGet();
                    terms.countDown();
                  }
                }
              });
      self[0] = selector;
      selector.setId(id);
      selector.autoRequeue();
      selectors.add(selector);
    }
    try {
      selectors.forEach(LeaderSelector::start);
      if (!terms.await(RUN_LIMIT_S, TimeUnit.SECONDS)) {
        throw new IllegalStateException("fewer than " + TERMS + " terms in " + RUN_LIMIT_S + " s");
      }
    } finally {
      selectors.forEach(LeaderSelector::close);
    }
    if (overlap.get()) {
      throw new IllegalStateException("two candidates led at once");
    }
    out.printf("%d terms, never two leaders at once%n", TERMS);
  }
}
