package io.paddock.server.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Zxid;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each checker passes a correct history and fails a history with a planted bug: a checker that
 * cannot fail proves nothing.
 */
class CheckerSelfTest {

  private static final long Z1 = Zxid.make(1, 1);
  private static final long Z2 = Zxid.make(1, 2);
  private static final long Z3 = Zxid.make(2, 1);

  private static byte[] txn(int client, int opId) {
    return SimClients.txnOf(new ClientOp(client, opId, ClientOp.Kind.SET, "/r0", opId, -1, 0));
  }

  /** Three proposals, delivered in order by members 1 and 2. */
  private static Recorder correctRun() {
    Recorder r = new Recorder();
    r.proposed(1, Z1, txn(1, 1), 0);
    r.proposed(1, Z2, txn(1, 2), 0);
    r.proposed(2, Z3, txn(1, 3), Z2);
    for (int m = 1; m <= 2; m++) {
      r.segmentStart(m, 0);
      r.delivered(m, Z1, txn(1, 1));
      r.delivered(m, Z2, txn(1, 2));
      r.delivered(m, Z3, txn(1, 3));
    }
    r.established(1, 1, 1);
    r.established(2, 1, 1);
    r.established(1, 2, 2);
    return r;
  }

  @Test
  void safetyCheckerAcceptsACorrectRun() {
    assertEquals(List.of(), ZabSafetyChecker.check(correctRun()));
    assertEquals(List.of(), LeadershipChecker.check(correctRun()));
  }

  @Test
  void safetyCheckerCatchesADeliveryNobodyProposed() {
    Recorder r = correctRun();
    r.segmentStart(3, 0);
    r.delivered(3, Z1, txn(9, 9));
    assertTrue(ZabSafetyChecker.check(r).stream().anyMatch(v -> v.startsWith("integrity")));
    assertTrue(ZabSafetyChecker.check(r).stream().anyMatch(v -> v.startsWith("agreement")));
  }

  @Test
  void safetyCheckerCatchesAGapAndAnOutOfOrderDelivery() {
    Recorder gap = correctRun();
    gap.segmentStart(3, 0);
    gap.delivered(3, Z1, txn(1, 1));
    gap.delivered(3, Z3, txn(1, 3)); // skipped Z2
    assertTrue(ZabSafetyChecker.check(gap).stream().anyMatch(v -> v.startsWith("total order")));
    Recorder order = correctRun();
    order.segmentStart(3, 0);
    order.delivered(3, Z2, txn(1, 2));
    assertTrue(ZabSafetyChecker.check(order).stream().anyMatch(v -> v.startsWith("total order")));
  }

  @Test
  void safetyCheckerCatchesARestartFromAnUncommittedState() {
    Recorder r = correctRun();
    r.segmentStart(3, Zxid.make(1, 7));
    assertTrue(ZabSafetyChecker.check(r).stream().anyMatch(v -> v.contains("not committed")));
  }

  @Test
  void safetyCheckerCatchesPrimaryIntegrityAndDuplicateZxids() {
    Recorder r = correctRun();
    r.proposed(3, Zxid.make(2, 2), txn(1, 4), Z1); // epoch 2 leader had not delivered Z2
    assertTrue(ZabSafetyChecker.check(r).stream().anyMatch(v -> v.startsWith("primary integrity")));
    Recorder twice = correctRun();
    twice.proposed(3, Z3, txn(5, 5), Z2);
    assertTrue(ZabSafetyChecker.check(twice).stream().anyMatch(v -> v.startsWith("two primaries")));
  }

  @Test
  void leadershipCheckerCatchesTwoLeadersInOneEpoch() {
    Recorder r = correctRun();
    r.established(2, 2, 3);
    assertEquals(1, LeadershipChecker.check(r).size());
  }

  private static ClientOp acked(
      int client,
      int opId,
      ClientOp.Kind kind,
      int value,
      int expected,
      long inv,
      long resp,
      long zxid,
      int err,
      int version) {
    ClientOp op = new ClientOp(client, opId, kind, "/r0", value, expected, inv);
    op.responseTick = resp;
    op.zxid = zxid;
    op.err = err;
    op.version = version;
    return op;
  }

  private static ClientOp read(int client, int opId, long tick, int value, int version) {
    ClientOp op = new ClientOp(client, opId, ClientOp.Kind.READ, "/r0", 0, -1, tick);
    op.responseTick = tick;
    op.readValue = value;
    op.version = version;
    return op;
  }

  /** create v=10 (zxid Z1), set v=20 (Z2), as client 1; client 2 reads. */
  private static TreeMap<Long, byte[]> log(List<ClientOp> writes) {
    TreeMap<Long, byte[]> log = new TreeMap<>();
    for (ClientOp op : writes) {
      log.put(op.zxid, SimClients.txnOf(op));
    }
    return log;
  }

  private static List<ClientOp> history() {
    return List.of(
        acked(1, 1, ClientOp.Kind.CREATE, 10, -1, 0, 5, Z1, 0, 0),
        acked(1, 2, ClientOp.Kind.SET, 20, -1, 6, 9, Z2, 0, 1),
        read(2, 1, 7, 10, 0),
        read(2, 2, 10, 20, 1));
  }

  @Test
  void historyCheckerAcceptsALinearizableHistory() {
    List<ClientOp> h = history();
    assertEquals(List.of(), ClientHistoryChecker.check(h, log(h.subList(0, 2))));
  }

  @Test
  void historyCheckerCatchesAWrongReply() {
    List<ClientOp> h = history();
    h.get(1).version = 5;
    assertTrue(
        ClientHistoryChecker.check(h, log(h.subList(0, 2))).stream()
            .anyMatch(v -> v.contains("differs from the model")));
  }

  @Test
  void historyCheckerCatchesACasThatShouldHaveFailed() {
    List<ClientOp> h =
        List.of(
            acked(1, 1, ClientOp.Kind.CREATE, 10, -1, 0, 5, Z1, 0, 0),
            acked(1, 2, ClientOp.Kind.CAS, 20, 3, 6, 9, Z2, 0, 1));
    assertTrue(
        ClientHistoryChecker.check(h, log(h)).stream()
            .anyMatch(v -> v.contains("differs from the model")));
    h.get(1).err = ErrorCode.BADVERSION.code();
    h.get(1).version = -1;
    assertEquals(List.of(), ClientHistoryChecker.check(h, log(h)));
  }

  @Test
  void historyCheckerCatchesARealTimeInversion() {
    // Client 2's create began after client 1's set was acknowledged, yet is ordered before it.
    List<ClientOp> h =
        List.of(
            acked(1, 1, ClientOp.Kind.CREATE, 10, -1, 0, 3, Z1, 0, 0),
            acked(1, 2, ClientOp.Kind.SET, 20, -1, 4, 5, Z3, 0, 1),
            acked(2, 1, ClientOp.Kind.SET, 30, -1, 6, 9, Z2, 0, 1));
    List<String> v = ClientHistoryChecker.check(h, log(h));
    assertTrue(v.stream().anyMatch(s -> s.startsWith("real-time order")), v.toString());
  }

  @Test
  void historyCheckerCatchesAReadGoingBackInTime() {
    List<ClientOp> h =
        List.of(
            acked(1, 1, ClientOp.Kind.CREATE, 10, -1, 0, 5, Z1, 0, 0),
            acked(1, 2, ClientOp.Kind.SET, 20, -1, 6, 9, Z2, 0, 1),
            read(1, 3, 10, 10, 0)); // its own write of 20 was acknowledged before
    assertTrue(
        ClientHistoryChecker.check(h, log(h.subList(0, 2))).stream()
            .anyMatch(v -> v.startsWith("read is no prefix")));
    List<ClientOp> made = List.of(h.get(0), read(2, 1, 7, 99, 0));
    assertTrue(
        ClientHistoryChecker.check(made, log(made.subList(0, 1))).stream()
            .anyMatch(v -> v.startsWith("read is no prefix")));
  }

  @Test
  void historyCheckerCatchesUninvokedAndDuplicatedWrites() {
    List<ClientOp> h = history();
    TreeMap<Long, byte[]> log = log(h.subList(0, 2));
    log.put(Z3, SimClients.txnOf(new ClientOp(7, 7, ClientOp.Kind.SET, "/r0", 1, -1, 0)));
    assertTrue(
        ClientHistoryChecker.check(h, log).stream().anyMatch(v -> v.contains("never invoked")));
    TreeMap<Long, byte[]> dup = log(h.subList(0, 2));
    dup.put(Z3, SimClients.txnOf(h.get(1)));
    assertTrue(
        ClientHistoryChecker.check(h, dup).stream()
            .anyMatch(v -> v.startsWith("write applied twice")));
  }

  @Test
  void durabilityCheckerCatchesALostAcknowledgedWrite() {
    List<ClientOp> h = history();
    TreeMap<Long, byte[]> full = log(h.subList(0, 2));
    assertEquals(List.of(), DurabilityChecker.check(h, full, Map.of(1, Z2, 2, Z2)));
    TreeMap<Long, byte[]> lost = log(h.subList(0, 1));
    assertTrue(
        DurabilityChecker.check(h, lost, Map.of(1, Z1))
            .get(0)
            .startsWith("acknowledged write lost"));
    assertTrue(
        DurabilityChecker.check(h, full, Map.of(1, Z2, 2, Z1)).get(0).contains("never applied"));
  }

  @Test
  void digestCheckerCatchesDivergentReplicas() {
    assertEquals(
        List.of(),
        DigestChecker.check(
            Map.of(1, new DigestChecker.Replica(Z2, 7), 2, new DigestChecker.Replica(Z2, 7))));
    assertEquals(
        1,
        DigestChecker.check(
                Map.of(1, new DigestChecker.Replica(Z2, 7), 2, new DigestChecker.Replica(Z2, 8)))
            .size());
  }

  @Test
  void logOrderCheckerCatchesANonIncreasingLog() {
    assertEquals(List.of(), LogOrderChecker.check(Map.of(1, List.of(Z1, Z2, Z3)), Map.of(1, 0L)));
    assertEquals(1, LogOrderChecker.check(Map.of(1, List.of(Z1, Z3, Z2)), Map.of(1, 0L)).size());
    assertEquals(1, LogOrderChecker.check(Map.of(1, List.of(Z1, Z2)), Map.of(1, Z1)).size());
  }
}
