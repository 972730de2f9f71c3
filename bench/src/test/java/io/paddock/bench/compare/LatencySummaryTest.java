package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesOfOneThousandEvenlySpacedLatencies() {
    Histogram h = LatencySummary.newHistogram();
    for (int i = 1; i <= 1_000; i++) {
      h.recordValue(i * 1_000_000L); // 1 .. 1000 ms
    }
    LatencySummary s = LatencySummary.of(h);
    // HdrHistogram keeps 3 significant digits: values are exact to 0.1 %.
    assertEquals(500, s.p50Ms(), 0.5);
    assertEquals(900, s.p90Ms(), 0.9);
    assertEquals(990, s.p99Ms(), 1.0);
    assertEquals(999, s.p999Ms(), 1.0);
    assertEquals(1_000, s.maxMs(), 1.0);
    assertEquals(1_000, s.count());
  }

  @Test
  void anEmptyHistogramSummarisesAsZeros() {
    assertEquals(
        new LatencySummary(0, 0, 0, 0, 0, 0), LatencySummary.of(LatencySummary.newHistogram()));
  }

  @Test
  void recorderCountsSuccessesInTheHistogramAndFailuresByCode() {
    SessionRecorder r = new SessionRecorder();
    r.record(0, 2_000_000);
    r.record(0, 4_000_000);
    r.record(-101, 1);
    r.record(-101, 1);
    r.record(-4, 1);
    r.record(-9999, 1);
    assertEquals(2, r.ops());
    assertEquals(2, r.histogram().getTotalCount());
    assertEquals(4, r.errors().total());
    assertEquals(
        java.util.Map.of("NONODE", 2L, "CONNECTIONLOSS", 1L, "OTHER", 1L), r.errors().asMap());
  }

  @Test
  void loadResultDerivesRateAndCpuPerThousandOps() {
    LoadResult r =
        new LoadResult(
            5_000,
            2_000_000_000L,
            LatencySummary.of(LatencySummary.newHistogram()),
            java.util.Map.of(),
            750);
    assertEquals(2_500, r.opsPerSecond(), 1e-9);
    assertEquals(150, r.cpuMsPerThousandOps(), 1e-9);
    assertEquals(Double.NaN, r.withServerCpuMs(-1).cpuMsPerThousandOps());
  }
}
