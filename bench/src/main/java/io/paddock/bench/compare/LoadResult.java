package io.paddock.bench.compare;

import java.util.Locale;
import java.util.Map;

/**
 * What one measured run produced: completed ops in the measured window and its length, latency
 * percentiles, failed ops by result code, and the server processes' CPU time in the window.
 *
 * @param ops ops that completed successfully inside the window
 * @param windowNs the window's length
 * @param latency latency percentiles of those ops
 * @param errors failed ops (inside the window) by ZooKeeper result code name
 * @param serverCpuMs CPU time (user + system) of all server processes over the window; -1 when
 *     unknown
 */
public record LoadResult(
    long ops, long windowNs, LatencySummary latency, Map<String, Long> errors, double serverCpuMs) {

  /** Completed ops per second. */
  public double opsPerSecond() {
    return windowNs == 0 ? 0 : ops * 1e9 / windowNs;
  }

  /** Server CPU milliseconds per 1,000 ops; NaN when unknown or no op completed. */
  public double cpuMsPerThousandOps() {
    return serverCpuMs < 0 || ops == 0 ? Double.NaN : serverCpuMs * 1000.0 / ops;
  }

  /** Failed ops in the window. */
  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The same result with the server CPU time filled in. */
  public LoadResult withServerCpuMs(double cpuMs) {
    return new LoadResult(ops, windowNs, latency, errors, cpuMs);
  }

  /** One line: ops/s, percentiles, CPU and errors. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%,d ops in %.2f s = %,.0f ops/s; %s; server CPU %.1f ms (%.2f ms/1k ops); errors %s",
        ops,
        windowNs / 1e9,
        opsPerSecond(),
        latency,
        serverCpuMs,
        cpuMsPerThousandOps(),
        errors.isEmpty() ? "none" : errors.toString());
  }
}
