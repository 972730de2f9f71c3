package io.paddock.examples.leader;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.Grant;
import io.paddock.recipes.leader.LeaderLatch;
import io.paddock.recipes.leader.LeaderObserver;
import io.paddock.recipes.leader.Participant;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic leader election with {@link LeaderLatch}: three candidates, each with its own connection,
 * join one election; exactly one leads. The leader steps down by closing its latch and the next in
 * line takes over, until every candidate has led once. Each leadership carries a fencing token that
 * grows with every new leader. A {@link LeaderObserver}, which does not take part, prints each
 * change as it sees it.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.leader.LeaderLatchExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class LeaderLatchExample {
  /** The election's path. */
  public static final String ELECTION_PATH = "/examples/leader-latch";

  static final int CANDIDATES = 3;
  private static final long LEADER_WAIT_S = 20;

  private LeaderLatchExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Runs the election until every candidate has led once.
   *
   * @throws IllegalStateException if no leader comes, two lead at once, or a token did not grow
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    LeaderObserver observer = new LeaderObserver(cluster.newFramework(), ELECTION_PATH);
    observer.addListener(
        leader ->
            out.println(
                "  (observer) the leader is now " + leader.map(Participant::id).orElse("nobody")));
    observer.start();
    List<LeaderLatch> latches = new ArrayList<>();
    for (int i = 1; i <= CANDIDATES; i++) {
      LeaderLatch latch = new LeaderLatch(cluster.newFramework(), ELECTION_PATH, "candidate-" + i);
      latches.add(latch);
      latch.start();
    }
    try {
      long lastToken = 0;
      for (int term = 1; term <= CANDIDATES; term++) {
        LeaderLatch leader = awaitSoleLeader(latches);
        Grant grant = leader.leadershipGrant().orElseThrow();
        if (grant.token() <= lastToken) {
          throw new IllegalStateException("token " + grant.token() + " not above " + lastToken);
        }
        lastToken = grant.token();
        out.printf("%s leads (fencing token %d); it steps down%n", leader.getId(), grant.token());
        leader.close();
        latches.remove(leader);
      }
      out.println("every candidate led once");
    } finally {
      latches.forEach(LeaderLatch::close);
      observer.close();
    }
  }

  /** Waits for one of the latches to lead and checks that no other does. */
  private static LeaderLatch awaitSoleLeader(List<LeaderLatch> latches)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEADER_WAIT_S);
    Optional<LeaderLatch> leader = Optional.empty();
    while (leader.isEmpty()) {
      for (LeaderLatch latch : latches) {
        if (latch.await(50, TimeUnit.MILLISECONDS)) {
          leader = Optional.of(latch);
          break;
        }
      }
      if (leader.isEmpty() && System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no leader within " + LEADER_WAIT_S + " s");
      }
    }
    long leading = latches.stream().filter(LeaderLatch::hasLeadership).count();
    if (leading != 1) {
      throw new IllegalStateException(leading + " candidates lead at once");
    }
    return leader.get();
  }
}
