package io.paddock.client.internal;

import java.util.Random;

/**
 * Seeded randomness for tests: a failure names the seed. Rerun with {@code -Dpaddock.seed=<seed>}.
 */
final class Seeds {
  private Seeds() {}

  /** One randomized iteration. */
  interface Body {
    void run(Random random, int iteration) throws Exception;
  }

  static long seed() {
    Long fixed = Long.getLong("paddock.seed");
    return fixed != null ? fixed : new Random().nextLong();
  }

  static void run(int iterations, Body body) {
    long seed = seed();
    Random random = new Random(seed);
    for (int i = 0; i < iterations; i++) {
      try {
        body.run(random, i);
      } catch (Throwable t) {
        throw new AssertionError(
            "failed with seed "
                + seed
                + " at iteration "
                + i
                + " (rerun: -Dpaddock.seed="
                + seed
                + "): "
                + t,
            t);
      }
    }
  }
}
