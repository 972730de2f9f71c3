package io.paddock.server.zab.sim;

import io.paddock.store.txn.DecodedTxn;
import io.paddock.store.txn.TxnCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every acknowledged write survives: it is in the committed sequence, at the zxid its client was
 * told, and every member has applied it once the cluster is healed.
 */
final class DurabilityChecker {

  private DurabilityChecker() {}

  static List<String> check(
      List<ClientOp> ops, TreeMap<Long, byte[]> committed, Map<Integer, Long> finalApplied) {
    List<String> out = new ArrayList<>();
    for (ClientOp op : ops) {
      if (!op.isWrite() || !op.completed()) {
        continue;
      }
      byte[] txn = committed.get(op.zxid);
      if (txn == null) {
        out.add("acknowledged write lost: " + op);
        continue;
      }
      DecodedTxn d = TxnCodec.decode(txn);
      if (d.header().sessionId() != op.client || d.header().cxid() != op.opId) {
        out.add("acknowledged write's zxid holds another txn: " + op);
      }
      for (Map.Entry<Integer, Long> e : finalApplied.entrySet()) {
        if (e.getValue() < op.zxid) {
          out.add("member " + e.getKey() + " never applied acknowledged write " + op);
        }
      }
    }
    return out;
  }
}
