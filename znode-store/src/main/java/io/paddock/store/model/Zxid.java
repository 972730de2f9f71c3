package io.paddock.store.model;

/** A ZooKeeper transaction id: the epoch in the high 32 bits and a counter in the low 32 bits. */
public final class Zxid {
  /** The largest counter; reaching it forces a new epoch. */
  public static final long COUNTER_MAX = 0xffffffffL;

  private Zxid() {}

  /** The largest epoch (the high 32 bits, kept non-negative so zxids compare as signed longs). */
  public static final long EPOCH_MAX = 0x7fffffffL;

  /**
   * Builds a zxid from an epoch and a counter.
   *
   * @throws IllegalArgumentException if either part is out of its range (a zxid must never be
   *     silently corrupted)
   */
  public static long make(long epoch, long counter) {
    if (epoch < 0 || epoch > EPOCH_MAX || counter < 0 || counter > COUNTER_MAX) {
      throw new IllegalArgumentException(
          "zxid parts out of range: epoch " + epoch + ", counter " + counter);
    }
    return (epoch << 32) | counter;
  }

  /** The epoch part. */
  public static long epoch(long zxid) {
    return zxid >>> 32;
  }

  /** The counter part. */
  public static long counter(long zxid) {
    return zxid & COUNTER_MAX;
  }

  /** Lower-case hex without leading zeros, as in file names ({@code log.1a}). */
  public static String toHex(long zxid) {
    return Long.toHexString(zxid);
  }

  /** Parses {@link #toHex(long)} output. */
  public static long fromHex(String hex) {
    return Long.parseUnsignedLong(hex, 16);
  }
}
