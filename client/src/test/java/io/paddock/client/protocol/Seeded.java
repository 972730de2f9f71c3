package io.paddock.client.protocol;

import java.util.Random;

/**
 * Runs randomized checks from one seed and names the seed when a check fails. Rerun a failure with
 * {@code -Dpaddock.seed=<seed>}.
 */
public final class Seeded {
  private Seeded() {}

  /** One randomized iteration. */
  public interface Body {
    void run(Random random, int iteration) throws Exception;
  }

  /** The seed from {@code paddock.seed}, else a fresh one. */
  public static long seed() {
    Long fixed = Long.getLong("paddock.seed");
    return fixed != null ? fixed : new Random().nextLong();
  }

  /** Runs {@code iterations} iterations from one seed; a failure reports the seed. */
  public static void run(int iterations, Body body) {
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
