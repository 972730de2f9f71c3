package io.paddock.server.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Seeded whole-ensemble simulations with random faults, each ending with a liveness check and every
 * checker. A failure prints its seed; {@code -Dzab.sim.seed=N} replays exactly that run.
 */
class SimulationTest {

  /** Seeds the default suite runs. */
  static final int SEEDS_DEFAULT = 300;

  @Test
  void happyPathElectsSyncsAndBroadcasts() {
    for (int voters : new int[] {1, 3, 5, 7}) {
      SimRun.Result r = SimRun.run(voters, SimConfig.quiet(voters, voters == 1 ? 0 : 1));
      assertTrue(r.ok(), r::describe);
      assertTrue(r.committed() > 10, "committed only " + r.committed() + " txns\n" + r.describe());
    }
  }

  @Test
  void aSeedReplaysIdentically() {
    for (long seed : new long[] {7, 1_000_059}) {
      SimRun.Result a = SimRun.run(seed);
      SimRun.Result b = SimRun.run(seed);
      assertEquals(a.trace(), b.trace());
      assertEquals(a.stats(), b.stats());
      assertEquals(a.committed(), b.committed());
    }
  }

  @Test
  void randomFaultSeeds() {
    String replay = System.getProperty("zab.sim.seed");
    if (replay != null) {
      SimRun.Result r = SimRun.run(Long.parseLong(replay));
      assertTrue(r.ok(), r::describe);
      return;
    }
    runSeeds(1, SEEDS_DEFAULT);
  }

  static void runSeeds(long first, int count) {
    long committed = 0;
    java.util.Map<String, Long> totals = new java.util.TreeMap<>();
    for (long seed = first; seed < first + count; seed++) {
      SimRun.Result r = SimRun.run(seed);
      if (!r.ok()) {
        fail(r.describe());
      }
      committed += r.committed();
      r.stats().forEach((k, v) -> totals.merge(k, v, Long::sum));
    }
    System.out.println(count + " seeds from " + first + ": committed " + committed + ", " + totals);
    for (String kind : new String[] {"DIFF", "TRUNC", "SNAP", "crash", "maybe"}) {
      assertTrue(totals.getOrDefault(kind, 0L) > 0, "the runs never saw " + kind + ": " + totals);
    }
    assertTrue(committed > count, "the runs committed almost nothing: " + committed);
  }
}
