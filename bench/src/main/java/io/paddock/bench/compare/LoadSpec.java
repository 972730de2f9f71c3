package io.paddock.bench.compare;

/**
 * What the load generator does: {@code sessions} ZooKeeper sessions, each keeping {@code
 * outstanding} async requests in flight (closed loop: a reply issues the next request), ops drawn
 * from {@code mix}, values of {@code valueBytes}, reads and updates spread uniformly over {@code
 * keyCount} pre-populated keys; {@code warmupMs} of load that is not measured, then {@code
 * measureMs} that is.
 */
public record LoadSpec(
    int sessions,
    int outstanding,
    OpMix mix,
    int valueBytes,
    int keyCount,
    long warmupMs,
    long measureMs) {
  /** Most sessions one run opens. */
  public static final int SESSIONS_MAX = 256;

  /** Most requests in flight per session. */
  public static final int OUTSTANDING_MAX = 1_024;

  /** Largest value, bytes (ZooKeeper's default jute.maxbuffer is about 1 MiB). */
  public static final int VALUE_BYTES_MAX = 512 * 1024;

  /** Largest key space. */
  public static final int KEY_COUNT_MAX = 10_000_000;

  /** Checks every bound. */
  public LoadSpec {
    check(sessions >= 1 && sessions <= SESSIONS_MAX, "sessions", sessions);
    check(outstanding >= 1 && outstanding <= OUTSTANDING_MAX, "outstanding", outstanding);
    check(valueBytes >= 0 && valueBytes <= VALUE_BYTES_MAX, "valueBytes", valueBytes);
    check(keyCount >= 2 && keyCount <= KEY_COUNT_MAX, "keyCount", keyCount);
    check(warmupMs >= 0, "warmupMs", warmupMs);
    check(measureMs > 0, "measureMs", measureMs);
    if (mix == null) {
      throw new IllegalArgumentException("mix is required");
    }
  }

  /** The same load with other warm-up and measurement times. */
  public LoadSpec withTimes(long newWarmupMs, long newMeasureMs) {
    return new LoadSpec(
        sessions, outstanding, mix, valueBytes, keyCount, newWarmupMs, newMeasureMs);
  }

  private static void check(boolean ok, String name, long value) {
    if (!ok) {
      throw new IllegalArgumentException(name + " out of range: " + value);
    }
  }
}
