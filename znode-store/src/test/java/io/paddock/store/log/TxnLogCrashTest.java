package io.paddock.store.log;

import static io.paddock.store.log.LogTesting.append;
import static io.paddock.store.log.LogTesting.payload;
import static io.paddock.store.log.LogTesting.readAll;
import static io.paddock.store.log.LogTesting.small;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.io.SimulatedStorage;
import io.paddock.store.log.LogTesting.Expected;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Crash-consistency of the txn log. A seeded workload of appends, group commits of random size,
 * rolls, truncations and purges runs on a simulated disk with tiny segments and preallocation
 * steps. After every single storage operation the disk is copied and crashed (durable state only,
 * and with a random torn tail), and the copy is recovered. Recovery must yield a contiguous run of
 * the appended entries, with intact payloads, that contains every entry that was durable
 * (lastDurableZxid) and starts no later than purging allowed; a crash during recovery itself must
 * not change the outcome; and appending after recovery, then crashing again, must keep the new
 * entries. Every assertion names the seed; run one seed alone with -Dpaddock.seed=N.
 */
class TxnLogCrashTest {
  private static final int SEEDS = 10;
  private static final int STEPS = 40;

  @Test
  void recoveryAfterACrashAtEveryOperationKeepsExactlyADurablePrefix() throws IOException {
    String only = System.getProperty("paddock.seed");
    if (only != null) {
      new Run(Long.parseLong(only)).run();
      return;
    }
    for (long seed = 1; seed <= SEEDS; seed++) {
      new Run(seed).run();
    }
  }

  /** One seeded workload and its crash checks. */
  private static final class Run {
    private final long seed;
    private final Random workload;
    private final Random crashes;
    private final LogOptions options = small().build();
    private final SimulatedStorage disk;
    private final List<Expected> model = new ArrayList<>();
    private TxnLog log;

    /** Entries before this index may be gone: they were purged. */
    private int purgeFloor;

    /** While truncating after a zxid, entries up to it must stay; otherwise null. */
    private Long truncating;

    private int crashPoints;

    Run(long seed) {
      this.seed = seed;
      this.workload = new Random(seed);
      this.crashes = new Random(seed * 1_000_003L);
      this.disk = new SimulatedStorage("seed" + seed);
    }

    void run() throws IOException {
      log = TxnLog.open(disk, options);
      disk.setOperationListener(this::crashHere);
      for (int step = 0; step < STEPS; step++) {
        int r = workload.nextInt(100);
        if (r < 65 || model.isEmpty()) {
          appendAndMaybeCommit();
        } else if (r < 75) {
          log.roll();
        } else if (r < 88) {
          truncate();
        } else {
          purge();
        }
      }
      log.commit();
      log.close();
      disk.setOperationListener(op -> {});
      try (TxnLog reopened = TxnLog.open(disk, options)) {
        checkRecovered(readAll(reopened), model.size(), "seed " + seed + " at the end");
      }
      assertTrue(crashPoints > 100, "seed " + seed + ": only " + crashPoints + " crash points");
    }

    private void appendAndMaybeCommit() throws IOException {
      int count = 1 + workload.nextInt(5);
      for (int i = 0; i < count; i++) {
        long last = log.lastAppendedZxid();
        long zxid =
            workload.nextInt(15) == 0
                ? (((last >>> 32) + 1) << 32) | 1
                : last + 1 + workload.nextInt(3);
        int length =
            workload.nextInt(10) == 0 ? 600 + workload.nextInt(900) : workload.nextInt(200);
        append(log, model, zxid, payload(workload, length));
      }
      if (workload.nextInt(5) != 0) {
        log.commit();
      }
    }

    private void truncate() throws IOException {
      log.commit();
      List<Expected> candidates = new ArrayList<>();
      for (Expected e : model) {
        if (e.zxid() >= log.firstZxid()) {
          candidates.add(e);
        }
      }
      long zxid = candidates.get(workload.nextInt(candidates.size())).zxid();
      truncating = zxid;
      log.truncateAfter(zxid);
      truncating = null;
      model.subList(countAtMost(zxid), model.size()).clear();
      purgeFloor = Math.min(purgeFloor, model.size());
    }

    private void purge() throws IOException {
      log.commit();
      long zxid = model.get(workload.nextInt(model.size())).zxid();
      purgeFloor = Math.max(purgeFloor, countAtMost(zxid - 1));
      log.purgeBefore(zxid);
    }

    private int countAtMost(long zxid) {
      int n = 0;
      while (n < model.size() && model.get(n).zxid() <= zxid) {
        n++;
      }
      return n;
    }

    /** The storage listener: crash a copy of the disk right after operation {@code op}. */
    private void crashHere(String op) {
      crashPoints++;
      int mustKeep = countAtMost(truncating != null ? truncating : log.lastDurableZxid());
      for (boolean torn : new boolean[] {false, true}) {
        String where =
            "seed "
                + seed
                + ", after operation #"
                + disk.operationCount()
                + " ("
                + op
                + "), torn="
                + torn;
        try {
          SimulatedStorage crashed = disk.crash(crashes, torn);
          List<Expected> expected = recoverCleanCopy(crashed, where);
          checkRecovered(expected, mustKeep, where);
          TxnLog recovered = recoverWhileCrashing(crashed, expected, where);
          appendAfterRecovery(crashed, recovered, expected, where);
        } catch (IOException e) {
          throw new AssertionError(where + ": " + e, e);
        }
      }
    }

    private List<Expected> recoverCleanCopy(SimulatedStorage crashed, String where)
        throws IOException {
      try (TxnLog recovered = TxnLog.open(crashed.crash(), options)) {
        List<Expected> entries = readAll(recovered);
        long last = entries.isEmpty() ? TxnLog.NO_ZXID : entries.get(entries.size() - 1).zxid();
        assertEquals(last, recovered.lastDurableZxid(), where);
        return entries;
      }
    }

    /** Recovers {@code crashed}, crashing a copy after each of recovery's own operations. */
    private TxnLog recoverWhileCrashing(
        SimulatedStorage crashed, List<Expected> expected, String where) throws IOException {
      crashed.setOperationListener(
          op -> {
            try (TxnLog again = TxnLog.open(crashed.crash(crashes, true), options)) {
              assertEquals(expected, readAll(again), where + ", crashed again in recovery: " + op);
            } catch (IOException e) {
              throw new AssertionError(where + ", crashed again in recovery: " + op + ": " + e, e);
            }
          });
      TxnLog recovered = TxnLog.open(crashed, options);
      crashed.setOperationListener(op -> {});
      return recovered;
    }

    private void appendAfterRecovery(
        SimulatedStorage crashed, TxnLog recovered, List<Expected> entries, String where)
        throws IOException {
      List<Expected> extended = new ArrayList<>(entries);
      try (recovered) {
        for (int i = 0; i < 3; i++) {
          long zxid = recovered.lastAppendedZxid() + 1;
          append(recovered, extended, zxid, payload(crashes, crashes.nextInt(300)));
        }
        recovered.commit();
      }
      try (TxnLog again = TxnLog.open(crashed.crash(crashes, true), options)) {
        assertEquals(extended, readAll(again), where + ": entries appended after recovery");
      }
    }

    /**
     * Checks that {@code recovered} is model[s, s + n) with s no later than the purge floor and s +
     * n covering every entry that must be kept.
     */
    private void checkRecovered(List<Expected> recovered, int mustKeep, String where) {
      if (recovered.isEmpty()) {
        assertTrue(mustKeep <= purgeFloor, where + ": log empty, but " + mustKeep + " durable");
        return;
      }
      int start = model.indexOf(recovered.get(0));
      assertTrue(
          start >= 0 && start <= purgeFloor,
          where
              + ": recovered log starts at "
              + recovered.get(0)
              + ", index "
              + start
              + ", purge floor "
              + purgeFloor);
      assertTrue(start + recovered.size() <= model.size(), where + ": more entries than appended");
      assertEquals(
          model.subList(start, start + recovered.size()),
          recovered,
          where + ": not a contiguous run of the appended entries");
      assertTrue(
          start + recovered.size() >= mustKeep,
          where
              + ": recovered "
              + recovered.size()
              + " entries from index "
              + start
              + ", but the"
              + " first "
              + mustKeep
              + " were durable");
    }
  }
}
