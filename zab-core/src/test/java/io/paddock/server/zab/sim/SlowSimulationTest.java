package io.paddock.server.zab.sim;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random-fault seeds (run by {@code -Psoak}). {@code -Dzab.sim.seeds=N} sets how many,
 * {@code -Dzab.sim.firstSeed=S} where to start (so parallel soaks can split the space).
 */
@Tag("slow")
class SlowSimulationTest {

  @Test
  void thousandsOfRandomFaultSeeds() {
    int count = Integer.getInteger("zab.sim.seeds", 5000);
    long first = Long.getLong("zab.sim.firstSeed", 1_000_000L);
    SimulationTest.runSeeds(first, count);
  }
}
