package io.paddock.store.model;

/** A ZooKeeper transaction id: the epoch in the high 32 bits and a counter in the low 32 bits. */
public final class Zxid {
  /** The largest counter; reaching it forces a new epoch. */
  public static final long COUNTER_MAX = 0xffffffffL;

  private Zxid() {}

  /** Builds a zxid from an epoch and a counter. */
  public static long make(long epoch, long counter) {
    return (epoch << 32) | (counter & COUNTER_MAX);
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
