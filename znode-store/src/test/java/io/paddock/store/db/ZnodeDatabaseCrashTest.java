package io.paddock.store.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.io.SimulatedStorage;
import io.paddock.store.log.LogOptions;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.tree.DataTree;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Crash at every point of a run of group commits and sliced snapshots, on disks that keep only what
 * was fsynced (and sometimes a torn part of the rest): recovery must always yield exactly a prefix
 * of the txns that holds every committed one, and the database must go on from there.
 */
class ZnodeDatabaseCrashTest {
  private static final int SEEDS = Integer.getInteger("paddock.db.crash.seeds", 12);

  /** Replays one seed alone: {@code -Dpaddock.db.crash.seed=N}. */
  private static final Long ONLY_SEED = Long.getLong("paddock.db.crash.seed");

  private static final int STEPS = 40;
  private static final LogOptions LOG =
      LogOptions.builder().preAllocBytes(2048).segmentBytesMax(1024).build();

  /** One step of the scripted run. */
  private sealed interface Step permits Batch, SnapshotBegin, SnapshotStep {}

  private record Batch(List<TxnHeader> headers, List<Txn> txns) implements Step {}

  private record SnapshotBegin() implements Step {}

  private record SnapshotStep() implements Step {}

  @Test
  void recoveryAfterACrashAtAnyStepKeepsEveryCommittedTxnAndNothingElse() throws IOException {
    if (ONLY_SEED != null) {
      crashEverywhere(ONLY_SEED, ONLY_SEED);
    } else {
      crashEverywhere(1, SEEDS);
    }
  }

  /** The same property over many more seeds: {@code mvn -B verify -Psoak}. */
  @Test
  @Tag("slow")
  void manySeeds() throws IOException {
    crashEverywhere(1_000, 1_000 + 20 * SEEDS);
  }

  /** Every failure message names its seed; {@code -Dpaddock.db.crash.seed=N} replays it alone. */
  private void crashEverywhere(long firstSeed, long lastSeed) throws IOException {
    for (long seed = firstSeed; seed <= lastSeed; seed++) {
      List<Step> script = script(new Random(seed));
      List<TxnHeader> allHeaders = new ArrayList<>();
      List<Txn> allTxns = new ArrayList<>();
      for (Step step : script) {
        if (step instanceof Batch b) {
          allHeaders.addAll(b.headers());
          allTxns.addAll(b.txns());
        }
      }
      long[] digestAfter = referenceDigests(allHeaders, allTxns);
      for (int crashAt = 0; crashAt <= script.size(); crashAt++) {
        for (boolean torn : new boolean[] {false, true}) {
          String where = "seed " + seed + ", crash after step " + crashAt + ", torn=" + torn;
          crashAndCheck(
              script, crashAt, torn, new Random(seed * 1_000 + crashAt), digestAfter, where);
        }
      }
    }
  }

  private void crashAndCheck(
      List<Step> script, int crashAt, boolean torn, Random random, long[] digestAfter, String where)
      throws IOException {
    SimulatedStorage snaps = new SimulatedStorage("data");
    SimulatedStorage logs = new SimulatedStorage("log");
    long committed = 0;
    ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, new DatabaseOptions(LOG, 1_000_000, 3, 1));
    SnapshotTask snapshot = null;
    for (int i = 0; i < crashAt; i++) {
      Step step = script.get(i);
      if (step instanceof Batch b) {
        for (int k = 0; k < b.headers().size(); k++) {
          db.log(b.headers().get(k), b.txns().get(k));
        }
        db.commit();
        for (int k = 0; k < b.headers().size(); k++) {
          db.apply(b.headers().get(k), b.txns().get(k));
        }
        committed = b.headers().get(b.headers().size() - 1).zxid();
      } else if (step instanceof SnapshotBegin && (snapshot == null || snapshot.isDone())) {
        snapshot = db.beginSnapshot();
      } else if (step instanceof SnapshotStep && snapshot != null) {
        snapshot.step();
      }
    }
    // The process dies: nothing is closed; the disks keep what was synced.
    SimulatedStorage snapsAfter = snaps.crash(random, torn);
    SimulatedStorage logsAfter = logs.crash(random, torn);
    try (ZnodeDatabase recovered =
        ZnodeDatabase.open(snapsAfter, logsAfter, new DatabaseOptions(LOG, 1_000_000, 3, 1))) {
      DataTree tree = recovered.tree();
      long last = tree.lastProcessedZxid();
      assertTrue(
          last >= committed,
          where + ": lost committed txns: recovered " + last + " < " + committed);
      assertTrue(
          last < digestAfter.length, where + ": recovered a txn that was never written: " + last);
      assertEquals(
          digestAfter[(int) last], tree.digest(), where + ": state differs from the prefix");
      tree.checkInvariants();
      // It goes on from there: one more committed write survives a clean reopen.
      TxnHeader next = new TxnHeader(9, 1, last + 1, 5_000_000, OpCode.CREATE);
      Txn txn = new Txn.Create("/after-crash", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0);
      recovered.log(next, txn);
      recovered.commit();
      recovered.apply(next, txn);
    }
    try (ZnodeDatabase reopened =
        ZnodeDatabase.open(snapsAfter, logsAfter, new DatabaseOptions(LOG, 1_000_000, 3, 1))) {
      assertTrue(
          reopened.tree().exists("/after-crash") != null, where + ": write after recovery lost");
    }
  }

  private static long[] referenceDigests(List<TxnHeader> headers, List<Txn> txns) {
    long[] digests = new long[headers.size() + 1];
    DataTree reference = new DataTree();
    digests[0] = reference.digest();
    for (int i = 0; i < headers.size(); i++) {
      reference.apply(headers.get(i), txns.get(i));
      digests[i + 1] = reference.digest();
    }
    return digests;
  }

  private static List<Step> script(Random random) {
    List<Step> steps = new ArrayList<>();
    long zxid = 0;
    for (int s = 0; s < STEPS; s++) {
      int pick = random.nextInt(10);
      if (pick == 0) {
        steps.add(new SnapshotBegin());
      } else if (pick <= 2) {
        steps.add(new SnapshotStep());
      } else {
        int size = 1 + random.nextInt(4);
        List<TxnHeader> headers = new ArrayList<>();
        List<Txn> txns = new ArrayList<>();
        for (int k = 0; k < size; k++) {
          zxid++;
          String path = "/k" + random.nextInt(12);
          byte[] data = new byte[random.nextInt(80)];
          random.nextBytes(data);
          Txn txn =
              switch (random.nextInt(4)) {
                case 0 -> new Txn.SetData(path, data, -1);
                case 1 -> new Txn.Delete(path, -1);
                default ->
                    new Txn.Create(path, data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0);
              };
          headers.add(new TxnHeader(7, (int) zxid, zxid, 1_000 + zxid, OpCode.CREATE));
          txns.add(txn);
        }
        steps.add(new Batch(headers, txns));
      }
    }
    return steps;
  }
}
