package io.paddock.bench.compare;

/**
 * The times of successful writes around a kill: once armed with the kill time, it keeps the longest
 * gap between consecutive successes that ends after the kill (the first such gap starts at the last
 * success before the kill), and when writes last became steady again.
 *
 * <p>Writes are steady when successes follow each other with no gap over {@value
 * #STEADY_GAP_NS_MAX} ns. A write in flight at the kill may still succeed just after it; the outage
 * comes later, so the measurement may end only once writes have been steady for a while ({@link
 * #steadyForNs}), never merely because some write succeeded after the kill.
 */
final class WriteGaps {
  /** Longest gap between successes that still counts as writes flowing steadily. */
  static final long STEADY_GAP_NS_MAX = 100_000_000L;

  private long lastSuccessNs = -1;
  private long killNs = -1;
  private long steadySinceNs = -1;
  private long longestGapNs;

  /** Records a successful write completed at {@code nowNs}. */
  synchronized void success(long nowNs) {
    if (killNs >= 0 && nowNs > killNs && lastSuccessNs >= 0) {
      long gap = nowNs - lastSuccessNs;
      longestGapNs = Math.max(longestGapNs, gap);
      if (steadySinceNs < 0 || gap > STEADY_GAP_NS_MAX) {
        steadySinceNs = nowNs;
      }
    }
    lastSuccessNs = nowNs;
  }

  /** Starts watching for the gap caused by a kill at {@code nowNs}. */
  synchronized void arm(long nowNs) {
    killNs = nowNs;
    steadySinceNs = -1;
    longestGapNs = 0;
  }

  /**
   * How long writes have been steady after the kill as of {@code nowNs}: 0 until a success follows
   * the kill, and 0 while the last success is more than {@value #STEADY_GAP_NS_MAX} ns old.
   */
  synchronized long steadyForNs(long nowNs) {
    if (steadySinceNs < 0 || nowNs - lastSuccessNs > STEADY_GAP_NS_MAX) {
      return 0;
    }
    return nowNs - steadySinceNs;
  }

  /** The last success, or -1. */
  synchronized long lastSuccessNs() {
    return lastSuccessNs;
  }

  /** The longest gap ending after the kill, ns. */
  synchronized long longestGapNs() {
    return longestGapNs;
  }
}
