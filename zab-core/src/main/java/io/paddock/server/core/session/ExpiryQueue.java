package io.paddock.server.core.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Session expiry in buckets of one tick, as ZooKeeper's {@code ExpiryQueue}: a session touched at
 * {@code now} with timeout {@code t} expires at {@code (⌊(now + t) / tick⌋ + 1) × tick}, so the
 * real expiry falls in [t, t + tick) after the last touch, and one timer serves a whole bucket.
 */
final class ExpiryQueue {
  private final long tickMs;
  private final Map<Long, Long> expiryById = new HashMap<>();
  private final NavigableMap<Long, Set<Long>> buckets = new TreeMap<>();

  ExpiryQueue(long tickMs) {
    if (tickMs <= 0) {
      throw new IllegalArgumentException("tick must be positive: " + tickMs);
    }
    this.tickMs = tickMs;
  }

  /** The bucket time for a touch at {@code nowMs} with the given timeout. */
  long bucketFor(long nowMs, long timeoutMs) {
    return ((nowMs + timeoutMs) / tickMs + 1) * tickMs;
  }

  /** Moves {@code id} into the bucket of a touch now; returns the bucket time. */
  long update(long id, long nowMs, long timeoutMs) {
    long bucket = bucketFor(nowMs, timeoutMs);
    Long previous = expiryById.put(id, bucket);
    if (previous != null) {
      if (previous == bucket) {
        return bucket;
      }
      removeFromBucket(previous, id);
    }
    buckets.computeIfAbsent(bucket, b -> new LinkedHashSet<>()).add(id);
    return bucket;
  }

  /** Forgets {@code id}. */
  void remove(long id) {
    Long previous = expiryById.remove(id);
    if (previous != null) {
      removeFromBucket(previous, id);
    }
  }

  private void removeFromBucket(long bucket, long id) {
    Set<Long> set = buckets.get(bucket);
    if (set != null) {
      set.remove(id);
      if (set.isEmpty()) {
        buckets.remove(bucket);
      }
    }
  }

  /** Removes and returns every id whose bucket time is at or before {@code nowMs}, oldest first. */
  List<Long> pollExpired(long nowMs) {
    List<Long> out = new ArrayList<>();
    while (!buckets.isEmpty() && buckets.firstKey() <= nowMs) {
      Map.Entry<Long, Set<Long>> first = buckets.pollFirstEntry();
      for (long id : first.getValue()) {
        expiryById.remove(id);
        out.add(id);
      }
    }
    return out;
  }

  /** The earliest bucket time, or {@code Long.MAX_VALUE} when empty. */
  long nextExpiryMs() {
    return buckets.isEmpty() ? Long.MAX_VALUE : buckets.firstKey();
  }

  /** The bucket of {@code id}, or −1 when it has none. */
  long expiryOf(long id) {
    Long bucket = expiryById.get(id);
    return bucket == null ? -1 : bucket;
  }

  /** A copy of the buckets, bucket time to ids in insertion order. */
  NavigableMap<Long, List<Long>> snapshot() {
    NavigableMap<Long, List<Long>> copy = new TreeMap<>();
    buckets.forEach((time, ids) -> copy.put(time, List.copyOf(ids)));
    return copy;
  }

  int size() {
    return expiryById.size();
  }
}
