package io.paddock.recipes.atomic;

/**
 * How an atomic operation went: attempts and time in the optimistic phase and in the phase promoted
 * to a lock. Written by the one thread running the operation; read after it returns.
 */
public final class AtomicStats {
  private int optimisticTries;
  private int promotedLockTries;
  private long optimisticTimeMs;
  private long promotedTimeMs;

  /** Versioned write attempts made without the lock. */
  public int getOptimisticTries() {
    return optimisticTries;
  }

  /** Versioned write attempts made while holding the promotion lock. */
  public int getPromotedLockTries() {
    return promotedLockTries;
  }

  /** Time spent in the optimistic phase. */
  public long getOptimisticTimeMs() {
    return optimisticTimeMs;
  }

  /** Time spent in the promoted phase (lock wait included). */
  public long getPromotedTimeMs() {
    return promotedTimeMs;
  }

  void optimisticTry() {
    optimisticTries++;
  }

  void promotedTry() {
    promotedLockTries++;
  }

  void optimisticTime(long ms) {
    optimisticTimeMs = ms;
  }

  void promotedTime(long ms) {
    promotedTimeMs = ms;
  }

  @Override
  public String toString() {
    return "AtomicStats[optimisticTries="
        + optimisticTries
        + ", promotedLockTries="
        + promotedLockTries
        + ", optimisticTimeMs="
        + optimisticTimeMs
        + ", promotedTimeMs="
        + promotedTimeMs
        + "]";
  }
}
