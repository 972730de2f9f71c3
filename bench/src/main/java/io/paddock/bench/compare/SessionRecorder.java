package io.paddock.bench.compare;

import org.HdrHistogram.Histogram;

/**
 * What one session's ops produced in the measured window: latencies, successes, failures by code.
 * Written only by that session's event thread; read after the run has drained.
 */
final class SessionRecorder {
  private final Histogram latencyNs = LatencySummary.newHistogram();
  private final ErrorCounts errors = new ErrorCounts();
  private long ops;

  /** Records one op that completed with {@code rc} after {@code latencyNs}. */
  void record(int rc, long latencyNanos) {
    if (rc == 0) {
      ops++;
      latencyNs.recordValue(Math.min(Math.max(latencyNanos, 0), LatencySummary.LATENCY_NS_MAX));
    } else {
      errors.add(rc);
    }
  }

  long ops() {
    return ops;
  }

  Histogram histogram() {
    return latencyNs;
  }

  ErrorCounts errors() {
    return errors;
  }
}
