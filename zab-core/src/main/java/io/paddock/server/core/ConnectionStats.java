package io.paddock.server.core;

import io.paddock.server.core.fourletter.ConnectionInfo;
import java.net.InetSocketAddress;

/** The per-connection counters of {@code cons}; state thread only. {@code crst} resets them. */
final class ConnectionStats {
  private static final long NO_CXID = -1;
  private static final long NO_ZXID = -1;
  private static final int INTEREST_READ = 1;

  private final long establishedMs;
  private long queued;
  private long received;
  private long sent;
  private String lastOp;
  private long lastCxid;
  private long lastZxid;
  private long lastResponseMs;
  private long lastLatencyMs;
  private long minLatencyMs;
  private long maxLatencyMs;
  private long totalLatencyMs;
  private long answered;

  ConnectionStats(long establishedMs) {
    this.establishedMs = establishedMs;
    reset();
  }

  /** Clears every counter except the establishment time ({@code crst}). */
  void reset() {
    received = 0;
    sent = 0;
    lastOp = OpTags.NONE;
    lastCxid = NO_CXID;
    lastZxid = NO_ZXID;
    lastResponseMs = 0;
    lastLatencyMs = 0;
    minLatencyMs = Long.MAX_VALUE;
    maxLatencyMs = 0;
    totalLatencyMs = 0;
    answered = 0;
  }

  void packetReceived() {
    received++;
  }

  void packetSent() {
    sent++;
  }

  void requestQueued() {
    queued++;
  }

  void requestDone() {
    if (queued <= 0) {
      throw new IllegalStateException("a connection finished more requests than it queued");
    }
    queued--;
  }

  /** A request was answered: the fields ZooKeeper's {@code updateStatsForResponse} sets. */
  void answered(long cxid, long zxid, String op, long latencyMs, long nowWallMs) {
    lastCxid = cxid;
    lastZxid = zxid;
    lastOp = op;
    lastResponseMs = nowWallMs;
    lastLatencyMs = latencyMs;
    minLatencyMs = Math.min(minLatencyMs, latencyMs);
    maxLatencyMs = Math.max(maxLatencyMs, latencyMs);
    totalLatencyMs += latencyMs;
    answered++;
  }

  ConnectionInfo describe(InetSocketAddress remote, long sessionId, int timeoutMs) {
    return new ConnectionInfo(
        remote,
        INTEREST_READ,
        queued,
        received,
        sent,
        sessionId,
        lastOp,
        establishedMs,
        timeoutMs,
        lastCxid,
        lastZxid,
        lastResponseMs,
        lastLatencyMs,
        minLatencyMs == Long.MAX_VALUE ? 0 : minLatencyMs,
        answered == 0 ? 0 : totalLatencyMs / answered,
        maxLatencyMs);
  }
}
