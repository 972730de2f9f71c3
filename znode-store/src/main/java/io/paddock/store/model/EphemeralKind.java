package io.paddock.store.model;

/**
 * How a znode's stored {@code ephemeralOwner} encodes its kind, exactly as ZooKeeper stores it: a
 * session id for ephemerals, {@code Long.MIN_VALUE} for containers, {@code 0xFF00…00 | ttl} for TTL
 * nodes, 0 for plain persistent nodes. Clients see only the session id (else 0).
 */
public final class EphemeralKind {
  /** The stored owner of a container node. */
  public static final long CONTAINER_OWNER = Long.MIN_VALUE;

  /** The high byte that marks a TTL node's stored owner. */
  public static final long TTL_MASK = 0xFF00000000000000L;

  /** The smallest TTL in ms. */
  public static final long TTL_MS_MIN = 1;

  /** The largest TTL in ms (40 bits, about 34 years). */
  public static final long TTL_MS_MAX = 0xFF_FFFF_FFFFL;

  private EphemeralKind() {}

  /** The stored owner of a TTL node. */
  public static long ttlOwner(long ttlMs) {
    if (!isValidTtl(ttlMs)) {
      throw new IllegalArgumentException("ttl out of range: " + ttlMs);
    }
    return TTL_MASK | ttlMs;
  }

  /** True when {@code ttlMs} is within 1..{@link #TTL_MS_MAX}. */
  public static boolean isValidTtl(long ttlMs) {
    return ttlMs >= TTL_MS_MIN && ttlMs <= TTL_MS_MAX;
  }

  /** True when the stored owner marks a container. */
  public static boolean isContainer(long storedOwner) {
    return storedOwner == CONTAINER_OWNER;
  }

  /** True when the stored owner marks a TTL node. */
  public static boolean isTtl(long storedOwner) {
    return storedOwner != CONTAINER_OWNER && (storedOwner & TTL_MASK) == TTL_MASK;
  }

  /** The TTL of a TTL node's stored owner. */
  public static long ttlMs(long storedOwner) {
    return storedOwner & ~TTL_MASK;
  }

  /** True when the stored owner is a session id (an ephemeral node). */
  public static boolean isSession(long storedOwner) {
    return storedOwner != 0 && !isContainer(storedOwner) && !isTtl(storedOwner);
  }

  /** What a client sees in {@link Stat#ephemeralOwner()}: the session id, else 0. */
  public static long visibleOwner(long storedOwner) {
    return isSession(storedOwner) ? storedOwner : 0;
  }
}
