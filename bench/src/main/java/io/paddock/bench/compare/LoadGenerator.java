package io.paddock.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.zookeeper.ZooKeeper;

/**
 * Drives one server (or ensemble) with the official ZooKeeper client as a {@link LoadSpec} says:
 * every session keeps its requests in flight through the async API, warm-up is run and discarded,
 * then the measured window is timed, its ops and latencies recorded, and the server processes' CPU
 * read on both sides of it.
 */
public final class LoadGenerator {
  /** How long in-flight requests may take to finish after the window closes. */
  static final long DRAIN_WAIT_MS = 30_000;

  private final String connectString;
  private final ServerCpuMeter cpu;

  /** A generator for the servers at {@code connectString} whose CPU {@code cpu} reads. */
  public LoadGenerator(String connectString, ServerCpuMeter cpu) {
    this.connectString = connectString;
    this.cpu = cpu;
  }

  /**
   * Runs {@code spec} against key space {@code keys} (populated already when the mix uses it);
   * nodes that the mix creates go under {@code ownRoot}, which must be fresh for this run.
   */
  public LoadResult run(LoadSpec spec, KeySpace keys, String ownRoot, long seed) throws Exception {
    List<ZooKeeper> sessions = new ArrayList<>();
    try {
      for (int s = 0; s < spec.sessions(); s++) {
        sessions.add(Sessions.open(connectString));
      }
      if (spec.mix().createsNodes()) {
        Sessions.createPath(sessions.get(0), ownRoot);
      }
      return drive(spec, keys, ownRoot, seed, sessions);
    } finally {
      sessions.forEach(Sessions::closeQuietly);
    }
  }

  private LoadResult drive(
      LoadSpec spec, KeySpace keys, String ownRoot, long seed, List<ZooKeeper> sessions)
      throws InterruptedException {
    RunPhase phase = new RunPhase();
    CountDownLatch drained = new CountDownLatch(spec.sessions() * spec.outstanding());
    List<SessionRecorder> recorders = new ArrayList<>();
    List<LoadSlot> slots = new ArrayList<>();
    for (int s = 0; s < spec.sessions(); s++) {
      SessionRecorder recorder = new SessionRecorder();
      recorders.add(recorder);
      for (int m = 0; m < spec.outstanding(); m++) {
        long slotSeed = seed * 1_000_003L + s * 10_007L + m;
        slots.add(
            new LoadSlot(
                sessions.get(s),
                spec,
                keys,
                ownRoot,
                "s" + s + "-" + m,
                phase,
                recorder,
                drained::countDown,
                slotSeed));
      }
    }
    slots.forEach(LoadSlot::issueNext);
    Thread.sleep(spec.warmupMs());
    double cpuBeforeMs = cpu.cpuMs();
    long startNs = System.nanoTime();
    phase.set(RunPhase.MEASURE);
    Thread.sleep(spec.measureMs());
    phase.set(RunPhase.STOP);
    long windowNs = System.nanoTime() - startNs;
    double cpuAfterMs = cpu.cpuMs();
    if (!drained.await(DRAIN_WAIT_MS, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          drained.getCount() + " requests still unanswered " + DRAIN_WAIT_MS + " ms after the run");
    }
    return collect(recorders, windowNs, cpuBeforeMs < 0 ? -1 : cpuAfterMs - cpuBeforeMs);
  }

  private static LoadResult collect(List<SessionRecorder> recorders, long windowNs, double cpuMs) {
    Histogram all = LatencySummary.newHistogram();
    Map<String, Long> errors = new TreeMap<>();
    long ops = 0;
    for (SessionRecorder r : recorders) {
      all.add(r.histogram());
      r.errors().addTo(errors);
      ops += r.ops();
    }
    return new LoadResult(ops, windowNs, LatencySummary.of(all), errors, cpuMs);
  }
}
