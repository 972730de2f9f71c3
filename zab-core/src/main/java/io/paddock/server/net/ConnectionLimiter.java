package io.paddock.server.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts open connections per client IP and refuses one over {@code maxClientCnxns} (zoo.cfg; 0 =
 * unlimited), as ZooKeeper does. Thread-safe: connections are accepted and closed on many I/O
 * threads.
 */
final class ConnectionLimiter {
  private final int maxPerAddress;
  private final ConcurrentMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

  /**
   * A limiter.
   *
   * @param maxPerAddress connections allowed per IP; 0 = unlimited
   */
  ConnectionLimiter(int maxPerAddress) {
    if (maxPerAddress < 0) {
      throw new IllegalArgumentException("maxClientCnxns must be >= 0: " + maxPerAddress);
    }
    this.maxPerAddress = maxPerAddress;
  }

  /** The configured limit; 0 = unlimited. */
  int maxPerAddress() {
    return maxPerAddress;
  }

  /**
   * Counts a new connection from {@code address} unless the address is at its limit.
   *
   * @return true when the connection is counted (and must be {@link #release}d once), false when it
   *     is refused
   */
  boolean tryAcquire(InetAddress address) {
    boolean[] admitted = {false};
    counts.compute(
        address,
        (a, n) -> {
          int current = n == null ? 0 : n;
          if (maxPerAddress != 0 && current >= maxPerAddress) {
            return n;
          }
          admitted[0] = true;
          return current + 1;
        });
    return admitted[0];
  }

  /** Forgets a connection that {@link #tryAcquire} counted. */
  void release(InetAddress address) {
    counts.compute(
        address,
        (a, n) -> {
          if (n == null || n <= 0) {
            throw new IllegalStateException("connection count of " + a + " would go below zero");
          }
          return n == 1 ? null : n - 1;
        });
  }

  /** Connections counted for an address now. */
  int count(InetAddress address) {
    return counts.getOrDefault(address, 0);
  }
}
