package io.paddock.client;

import java.util.Random;

/** The seed of a test run's randomness; printed so that a failure can be replayed. */
final class Seeds {
  private static final long SEED = pick();

  private Seeds() {}

  private static long pick() {
    Long fixed = Long.getLong("paddock.seed");
    long seed = fixed != null ? fixed : new Random().nextLong();
    System.err.println(
        "client tests: random seed " + seed + " (rerun: -Dpaddock.seed=" + seed + ")");
    return seed;
  }

  static long seed() {
    return SEED;
  }
}
