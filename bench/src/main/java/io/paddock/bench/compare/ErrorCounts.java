package io.paddock.bench.compare;

import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.KeeperException;

/**
 * Counts of failed ops by ZooKeeper result code, kept in a fixed array indexed by the negated code
 * so that counting allocates nothing. One instance is written by one thread only.
 */
final class ErrorCounts {
  /** Codes are small negative numbers; anything outside is counted under {@link #OTHER}. */
  private static final int CODES_MAX = 256;

  private static final int OTHER = 0;

  private final long[] byNegatedCode = new long[CODES_MAX];
  private long total;

  /** Counts one failure with result code {@code rc} (non-zero). */
  void add(int rc) {
    int index = -rc;
    byNegatedCode[index > 0 && index < CODES_MAX ? index : OTHER]++;
    total++;
  }

  long total() {
    return total;
  }

  /** Adds {@code other}'s counts to {@code into}, keyed by code name. */
  void addTo(Map<String, Long> into) {
    for (int i = 0; i < CODES_MAX; i++) {
      if (byNegatedCode[i] > 0) {
        into.merge(name(i), byNegatedCode[i], Long::sum);
      }
    }
  }

  /** The counts keyed by code name, sorted. */
  Map<String, Long> asMap() {
    Map<String, Long> m = new TreeMap<>();
    addTo(m);
    return m;
  }

  private static String name(int negatedCode) {
    if (negatedCode == OTHER) {
      return "OTHER";
    }
    KeeperException.Code code = KeeperException.Code.get(-negatedCode);
    return code != null ? code.name() : "CODE_" + (-negatedCode);
  }
}
