package io.paddock.server.zab.sim;

import io.paddock.store.txn.DecodedTxn;
import io.paddock.store.txn.TxnCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linearizable writes and sequentially consistent reads of the client history. The committed
 * sequence is the witness order of the writes (ZAB's total order): every committed client txn was
 * invoked and appears once; each acknowledged write's reply equals the register model replayed in
 * zxid order; a write invoked after another was acknowledged comes later in zxid order. Each read
 * returns the model state after some prefix of that sequence, and the prefixes one client sees
 * never go back (nor before its own acknowledged writes). An op whose reply was lost may or may not
 * be in the sequence.
 */
final class ClientHistoryChecker {

  private ClientHistoryChecker() {}

  static List<String> check(List<ClientOp> ops, TreeMap<Long, byte[]> committed) {
    List<String> out = new ArrayList<>();
    Map<Long, ClientOp> byId = new HashMap<>();
    for (ClientOp op : ops) {
      byId.put(id(op.client, op.opId), op);
    }
    // Replay the witness order through the model.
    RegisterModel model = new RegisterModel();
    Map<Long, Integer> indexOf = new HashMap<>();
    Map<String, List<int[]>> changes = new HashMap<>(); // key -> [index, value, version]
    Map<Long, Long> zxidOfOp = new HashMap<>();
    int index = 0;
    for (Map.Entry<Long, byte[]> e : committed.entrySet()) {
      DecodedTxn d = TxnCodec.decode(e.getValue());
      long id = id((int) d.header().sessionId(), d.header().cxid());
      ClientOp op = byId.get(id);
      indexOf.put(e.getKey(), index);
      if (op == null || !op.isWrite()) {
        out.add("committed txn 0x" + Long.toHexString(e.getKey()) + " was never invoked");
        index++;
        continue;
      }
      if (zxidOfOp.put(id, e.getKey()) != null) {
        out.add("write applied twice: " + op);
      }
      RegisterModel.Outcome o = model.apply(op.kind, op.key, op.value, op.expectedVersion);
      if (o.err() == 0) {
        changes
            .computeIfAbsent(op.key, k -> new ArrayList<>())
            .add(new int[] {index, op.value, o.version()});
      }
      if (op.completed()
          && (op.zxid != e.getKey()
              || op.err != o.err()
              || (o.err() == 0 && op.version != o.version()))) {
        out.add(
            "write reply differs from the model at 0x"
                + Long.toHexString(e.getKey())
                + ": "
                + op
                + " model "
                + o);
      }
      if (op.invokeTick == ClientOp.MAYBE) {
        out.add("write committed before it was invoked: " + op);
      }
      index++;
    }
    // Real time: a write invoked after another was acknowledged is ordered after it.
    List<ClientOp> acked = new ArrayList<>();
    for (ClientOp op : ops) {
      if (op.isWrite() && op.completed()) {
        if (!zxidOfOp.containsKey(id(op.client, op.opId))) {
          out.add("acknowledged write not in the committed sequence: " + op);
        } else {
          acked.add(op);
        }
      }
    }
    acked.sort(Comparator.comparingLong(o -> o.responseTick));
    List<ClientOp> inLog = new ArrayList<>();
    for (ClientOp op : ops) {
      if (op.isWrite() && zxidOfOp.containsKey(id(op.client, op.opId))) {
        inLog.add(op);
      }
    }
    inLog.sort(Comparator.comparingLong(o -> o.invokeTick));
    int a = 0;
    long maxZxid = -1;
    ClientOp maxOp = null;
    for (ClientOp b : inLog) {
      while (a < acked.size() && acked.get(a).responseTick < b.invokeTick) {
        long z = zxidOfOp.get(id(acked.get(a).client, acked.get(a).opId));
        if (z > maxZxid) {
          maxZxid = z;
          maxOp = acked.get(a);
        }
        a++;
      }
      long zb = zxidOfOp.get(id(b.client, b.opId));
      if (zb < maxZxid) {
        out.add(
            "real-time order: "
                + b
                + " ordered before "
                + maxOp
                + " which was acknowledged before it began");
      }
    }
    // Reads: each sees a prefix, monotonic per client.
    Map<Integer, Integer> minPrefix = new HashMap<>();
    List<ClientOp> byInvoke = new ArrayList<>(ops);
    byInvoke.sort(
        Comparator.comparingLong((ClientOp o) -> o.invokeTick).thenComparingInt(o -> o.opId));
    for (ClientOp op : byInvoke) {
      int min = minPrefix.getOrDefault(op.client, -1);
      if (op.isWrite()) {
        if (op.completed()) {
          Integer i = indexOf.get(op.zxid);
          if (i != null) {
            minPrefix.put(op.client, Math.max(min, i));
          }
        }
        continue;
      }
      if (!op.completed()) {
        continue;
      }
      int found =
          prefixFor(changes.getOrDefault(op.key, List.of()), min, op.readValue, op.version, index);
      if (found == Integer.MIN_VALUE) {
        out.add("read is no prefix state at or after index " + min + ": " + op);
      } else {
        minPrefix.put(op.client, Math.max(min, found));
      }
    }
    return out;
  }

  /** The first prefix index at or after {@code min} where the key holds (value, version). */
  private static int prefixFor(List<int[]> changes, int min, int value, int version, int end) {
    // intervals: [-1, c0.index), [c0.index, c1.index), ...; state before c0 is absent
    int start = -1;
    int stateValue = -1;
    int stateVersion = -1;
    for (int i = 0; i <= changes.size(); i++) {
      int next = i < changes.size() ? changes.get(i)[0] : end + 1;
      if (next > min && stateValue == value && stateVersion == version) {
        return Math.max(min, start);
      }
      if (i < changes.size()) {
        start = changes.get(i)[0];
        stateValue = changes.get(i)[1];
        stateVersion = changes.get(i)[2];
      }
    }
    return Integer.MIN_VALUE;
  }

  private static long id(int client, int opId) {
    return ((long) client << 32) | (opId & 0xffffffffL);
  }
}
