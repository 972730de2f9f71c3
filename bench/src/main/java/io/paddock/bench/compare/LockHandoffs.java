package io.paddock.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.zookeeper.KeeperException;

/**
 * Lock hand-offs: {@code contenders} threads, each with its own session and lock handle on one lock
 * path, loop acquire → release as fast as the lock lets them. One op is one acquisition (a hand-off
 * from the previous holder); its latency is the wait for the lock.
 */
public final class LockHandoffs {
  /** The contender count the issue names. */
  public static final int DEFAULT_CONTENDERS = 8;

  /** Longest wait for the lock before an attempt counts as failed. */
  static final long ACQUIRE_WAIT_MS = 30_000;

  /** Time the contender threads may take to finish after the window. */
  static final long JOIN_WAIT_MS = 60_000;

  private final String connectString;
  private final ServerCpuMeter cpu;

  /** Hand-offs on the servers at {@code connectString}, whose CPU {@code cpu} reads. */
  public LockHandoffs(String connectString, ServerCpuMeter cpu) {
    this.connectString = connectString;
    this.cpu = cpu;
  }

  /** Runs {@code contenders} contenders of {@code lock} on {@code lockPath} (fresh per run). */
  public LoadResult run(
      LockImplementation lock, String lockPath, int contenders, long warmupMs, long measureMs)
      throws Exception {
    List<LockImplementation.Contender> opened = new ArrayList<>();
    try {
      for (int i = 0; i < contenders; i++) {
        opened.add(lock.open(connectString, lockPath));
      }
      return drive(opened, warmupMs, measureMs);
    } finally {
      opened.forEach(LockImplementation.Contender::close);
    }
  }

  private LoadResult drive(
      List<LockImplementation.Contender> contenders, long warmupMs, long measureMs)
      throws InterruptedException {
    RunPhase phase = new RunPhase();
    CountDownLatch finished = new CountDownLatch(contenders.size());
    AtomicReference<Throwable> crash = new AtomicReference<>();
    List<SessionRecorder> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < contenders.size(); i++) {
      SessionRecorder recorder = new SessionRecorder();
      recorders.add(recorder);
      LockImplementation.Contender c = contenders.get(i);
      Thread t =
          new Thread(
              () -> {
                try {
                  contend(c, phase, recorder);
                } catch (Throwable e) {
                  crash.compareAndSet(null, e);
                } finally {
                  finished.countDown();
                }
              },
              "lock-contender-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    Thread.sleep(warmupMs);
    double cpuBeforeMs = cpu.cpuMs();
    long startNs = System.nanoTime();
    phase.set(RunPhase.MEASURE);
    Thread.sleep(measureMs);
    phase.set(RunPhase.STOP);
    long windowNs = System.nanoTime() - startNs;
    double cpuAfterMs = cpu.cpuMs();
    if (!finished.await(JOIN_WAIT_MS, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "lock contenders still running " + JOIN_WAIT_MS + " ms after the run");
    }
    if (crash.get() != null) {
      throw new IllegalStateException("a lock contender failed", crash.get());
    }
    Histogram all = LatencySummary.newHistogram();
    Map<String, Long> errors = new TreeMap<>();
    long ops = 0;
    for (SessionRecorder r : recorders) {
      all.add(r.histogram());
      r.errors().addTo(errors);
      ops += r.ops();
    }
    double cpuMs = cpuBeforeMs < 0 ? -1 : cpuAfterMs - cpuBeforeMs;
    return new LoadResult(ops, windowNs, LatencySummary.of(all), errors, cpuMs);
  }

  private static void contend(
      LockImplementation.Contender c, RunPhase phase, SessionRecorder recorder) throws Exception {
    while (phase.get() != RunPhase.STOP) {
      boolean measuring = phase.get() == RunPhase.MEASURE;
      long start = System.nanoTime();
      int rc;
      boolean acquired = false;
      try {
        acquired = c.acquire(ACQUIRE_WAIT_MS, TimeUnit.MILLISECONDS);
        rc = acquired ? 0 : KeeperException.Code.OPERATIONTIMEOUT.intValue();
      } catch (KeeperException e) {
        rc = e.code().intValue();
      }
      long waitNs = System.nanoTime() - start;
      if (acquired) {
        c.release();
      }
      if (measuring && phase.get() == RunPhase.MEASURE) {
        recorder.record(rc, waitNs);
      }
    }
  }
}
