package io.paddock.bench.compare;

/**
 * The times of successful writes around a kill: once armed with the kill time, it keeps the longest
 * gap between consecutive successes that ends after the kill (the first such gap starts at the last
 * success before the kill).
 */
final class WriteGaps {
  private long lastSuccessNs = -1;
  private long killNs = -1;
  private long firstAfterKillNs = -1;
  private long longestGapNs;

  /** Records a successful write completed at {@code nowNs}. */
  synchronized void success(long nowNs) {
    if (killNs >= 0 && nowNs > killNs && lastSuccessNs >= 0) {
      longestGapNs = Math.max(longestGapNs, nowNs - lastSuccessNs);
      if (firstAfterKillNs < 0) {
        firstAfterKillNs = nowNs;
      }
    }
    lastSuccessNs = nowNs;
  }

  /** Starts watching for the gap caused by a kill at {@code nowNs}. */
  synchronized void arm(long nowNs) {
    killNs = nowNs;
    firstAfterKillNs = -1;
    longestGapNs = 0;
  }

  /** The first success after the kill, or -1. */
  synchronized long firstAfterKillNs() {
    return firstAfterKillNs;
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
