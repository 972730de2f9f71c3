package io.paddock.bench.compare;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Latency percentiles of one run, in milliseconds, read from an HdrHistogram of nanoseconds. */
public record LatencySummary(
    double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, long count) {
  private static final double NANOS_PER_MS = 1e6;

  /** Highest latency a histogram records, ns; longer ones are recorded as this. */
  public static final long LATENCY_NS_MAX = 120_000_000_000L;

  /** Significant digits the histograms keep. */
  public static final int SIGNIFICANT_DIGITS = 3;

  /** A histogram of nanoseconds as the generator records them. */
  public static Histogram newHistogram() {
    return new Histogram(LATENCY_NS_MAX, SIGNIFICANT_DIGITS);
  }

  /** The percentiles of {@code h}; all zero when it is empty. */
  public static LatencySummary of(Histogram h) {
    if (h.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)),
        ms(h.getMaxValue()),
        h.getTotalCount());
  }

  private static double ms(long nanos) {
    return nanos / NANOS_PER_MS;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms",
        p50Ms,
        p90Ms,
        p99Ms,
        p999Ms,
        maxMs);
  }
}
