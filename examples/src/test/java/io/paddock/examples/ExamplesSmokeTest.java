package io.paddock.examples;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.examples.barrier.BarrierExample;
import io.paddock.examples.barrier.DoubleBarrierExample;
import io.paddock.examples.config.ConfigReaderExample;
import io.paddock.examples.group.GroupMemberExample;
import io.paddock.examples.leader.LeaderLatchExample;
import io.paddock.examples.leader.LeaderSelectorExample;
import io.paddock.examples.leader.MasterExample;
import io.paddock.examples.locks.ExclusiveLockExample;
import io.paddock.examples.locks.HerdFreeLockExample;
import io.paddock.examples.naming.NamingServiceExample;
import io.paddock.examples.queue.QueueExample;
import io.paddock.examples.support.ExampleCluster;
import io.paddock.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs every example program against one embedded server, each within a time limit, and checks the
 * line that says it did what it shows. (Each program also checks its own invariants — growing
 * tokens, one leader at a time — and throws when one breaks, failing the test.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesSmokeTest {
  private static final Duration EXAMPLE_LIMIT = Duration.ofSeconds(60);

  private EmbeddedServer server;

  /** One example's body, given its cluster and output. */
  @FunctionalInterface
  interface ExampleBody {
    void run(ExampleCluster cluster, PrintStream out) throws Exception;
  }

  @BeforeAll
  void startServer() {
    server = EmbeddedServer.builder().build().start();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  /** Runs an example against the shared server and returns what it printed. */
  private String run(ExampleBody body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertTimeoutPreemptively(
        EXAMPLE_LIMIT,
        () -> {
          try (ExampleCluster cluster = ExampleCluster.connectTo(server.connectString())) {
            body.run(cluster, out);
          }
        });
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void assertPrinted(String printed, String expected) {
    assertTrue(printed.contains(expected), () -> "no '" + expected + "' in:\n" + printed);
  }

  @Test
  void herdFreeLockGrantsGrowingTokensAndFencesAReleasedGrant() {
    String printed = run(HerdFreeLockExample::run);
    assertPrinted(printed, "guarded write applied");
    assertPrinted(printed, "refused by the server");
  }

  @Test
  void exclusiveLockIsTakenByEveryWorker() {
    String printed = run(ExclusiveLockExample::run);
    for (int worker = 1; worker <= 3; worker++) {
      assertPrinted(printed, "worker-" + worker + " holds the lock");
    }
  }

  @Test
  void leaderLatchLetsEveryCandidateLeadInTurn() {
    assertPrinted(run(LeaderLatchExample::run), "every candidate led once");
  }

  @Test
  void leaderSelectorNeverHasTwoLeaders() {
    assertPrinted(run(LeaderSelectorExample::run), "never two leaders at once");
  }

  @Test
  void firstToCreateMasterWinsAndTheNextTakesOver() {
    assertPrinted(run(MasterExample::run), "every candidate was master once");
  }

  @Test
  void configReaderHearsEveryStepOfTheWriter() {
    String printed = run((cluster, out) -> ConfigReaderExample.run(cluster, out, true));
    // A cache may skip an intermediate value, so only the last step's outcome is certain.
    assertPrinted(printed, "reader: pool.size changed: (none) -> 8");
    assertPrinted(
        printed, "reader: the config now: {greeting=goodbye, pool.size=8, search.enabled=true}");
  }

  @Test
  void groupMonitorSeesJoinsAChangeAndLeaves() {
    String printed = run(GroupMemberExample::run);
    assertPrinted(printed, "monitor: worker-3 joined with 10.0.0.3:9000");
    assertPrinted(printed, "monitor: worker-1 changed its data to 10.0.0.1:9001");
    assertPrinted(printed, "monitor: worker-2 left");
  }

  @Test
  void barrierHoldsWorkersUntilLifted() {
    assertPrinted(
        run(BarrierExample::run), "every worker went through once the barrier was lifted");
  }

  @Test
  void doubleBarrierStartsAndFinishesTogether() {
    assertPrinted(
        run(DoubleBarrierExample::run), "all workers started together and finished together");
  }

  @Test
  void namingServiceResolvesWatchesAndAllocatesUniqueNames() {
    String printed = run(NamingServiceExample::run);
    assertPrinted(printed, "resolves to 10.0.0.5:5432");
    assertPrinted(printed, "is now 10.0.0.6:5432");
    assertPrinted(printed, "unique names allocated");
  }

  @Test
  void queueConsumersProcessEveryJobIncludingARejectedOne() {
    String printed = run(QueueExample::run);
    assertPrinted(printed, "rejects job-07 (it will be delivered again)");
    assertPrinted(printed, "processed job-07");
    assertPrinted(printed, "all 20 jobs processed");
  }

  @Test
  void anExampleStartsItsOwnServerWithoutAConnectString() {
    assertTimeoutPreemptively(
        EXAMPLE_LIMIT,
        () -> {
          try (ExampleCluster cluster = ExampleCluster.fromArgs(new String[0])) {
            assertTrue(cluster.isEmbedded(), "an embedded server was started");
            cluster.newFramework().create().forPath("/hello");
          }
        });
  }
}
