package io.paddock.server.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server-wide counters of {@code srvr}, {@code stat} and {@code mntr}. The outstanding count is
 * shared with the transport's threads; every other field belongs to the state thread.
 */
final class ServerStats {
  private static final int AVG_LATENCY_SCALE = 4;

  /** Requests accepted from the transport and not yet answered or dropped. */
  final AtomicInteger outstanding = new AtomicInteger();

  private long packetsReceived;
  private long packetsSent;
  private long minLatencyMs;
  private long maxLatencyMs;
  private long totalLatencyMs;
  private long latencyCount;
  private long commits;
  private long committedTxns;

  ServerStats() {
    reset();
  }

  /** Clears the latency and packet counters ({@code srst}). */
  void reset() {
    packetsReceived = 0;
    packetsSent = 0;
    minLatencyMs = Long.MAX_VALUE;
    maxLatencyMs = 0;
    totalLatencyMs = 0;
    latencyCount = 0;
  }

  void packetReceived() {
    packetsReceived++;
  }

  void packetSent() {
    packetsSent++;
  }

  void latency(long ms) {
    minLatencyMs = Math.min(minLatencyMs, ms);
    maxLatencyMs = Math.max(maxLatencyMs, ms);
    totalLatencyMs += ms;
    latencyCount++;
  }

  void committed(int txns) {
    commits++;
    committedTxns += txns;
  }

  long packetsReceived() {
    return packetsReceived;
  }

  long packetsSent() {
    return packetsSent;
  }

  long minLatencyMs() {
    return minLatencyMs == Long.MAX_VALUE ? 0 : minLatencyMs;
  }

  long maxLatencyMs() {
    return maxLatencyMs;
  }

  /** The average latency rounded to four decimals, as ZooKeeper's AvgMinMaxCounter prints it. */
  double avgLatencyMs() {
    if (latencyCount == 0) {
      return 0;
    }
    return BigDecimal.valueOf((double) totalLatencyMs / latencyCount)
        .setScale(AVG_LATENCY_SCALE, RoundingMode.HALF_UP)
        .doubleValue();
  }

  long commits() {
    return commits;
  }

  long committedTxns() {
    return committedTxns;
  }
}
