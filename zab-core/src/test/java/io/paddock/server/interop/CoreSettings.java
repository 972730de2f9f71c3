package io.paddock.server.interop;

/**
 * The server settings every interop core starts with, identical on both sides so that negotiated
 * timeouts, TTL support and size limits agree.
 *
 * @param tickTimeMs the tick; min and max session timeouts default to 2 and 20 ticks as in
 *     ZooKeeper
 * @param extendedTypesEnabled whether TTL nodes are allowed (ZooKeeper's {@code
 *     zookeeper.extendedTypesEnabled})
 */
public record CoreSettings(int tickTimeMs, boolean extendedTypesEnabled) {

  /** The defaults of the interop suites: a 500 ms tick (sessions of 1–10 s) and TTL nodes on. */
  public static final CoreSettings DEFAULT = new CoreSettings(500, true);

  /** The smallest session timeout the server grants, 2 ticks. */
  public int minSessionTimeoutMs() {
    return 2 * tickTimeMs;
  }

  /** The largest session timeout the server grants, 20 ticks. */
  public int maxSessionTimeoutMs() {
    return 20 * tickTimeMs;
  }
}
