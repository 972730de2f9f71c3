package io.paddock.server.zab.sim;

import io.paddock.store.model.Zxid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ZAB's safety properties (RELIABILITY.md B5) over what members delivered: integrity (only proposed
 * txns are delivered), agreement and total order (one txn per zxid, and every member's deliveries
 * are a gap-free run of the one committed sequence from a committed starting point, which is also
 * prefix consistency and local/global primary order, since zxids order primaries by epoch), and
 * primary integrity (a primary has delivered every txn of earlier epochs before it proposes).
 */
final class ZabSafetyChecker {

  private ZabSafetyChecker() {}

  static List<String> check(Recorder r) {
    List<String> out = new ArrayList<>();
    Map<Long, byte[]> proposed = new HashMap<>();
    for (Recorder.Proposed p : r.proposals) {
      byte[] prev = proposed.putIfAbsent(p.zxid(), p.txn());
      if (prev != null && !Arrays.equals(prev, p.txn())) {
        out.add("two primaries proposed zxid 0x" + Long.toHexString(p.zxid()));
      }
    }
    TreeMap<Long, byte[]> committed = new TreeMap<>();
    for (Recorder.Segment s : r.segments) {
      for (int i = 0; i < s.zxids.size(); i++) {
        long z = s.zxids.get(i);
        byte[] txn = s.txns.get(i);
        byte[] prev = committed.putIfAbsent(z, txn);
        if (prev != null && !Arrays.equals(prev, txn)) {
          out.add("agreement: zxid 0x" + Long.toHexString(z) + " delivered as two different txns");
        }
        byte[] p = proposed.get(z);
        if (p == null || !Arrays.equals(p, txn)) {
          out.add(
              "integrity: member "
                  + s.member
                  + " delivered 0x"
                  + Long.toHexString(z)
                  + " that no primary proposed");
        }
      }
    }
    for (Recorder.Segment s : r.segments) {
      if (s.baseZxid != 0 && !committed.containsKey(s.baseZxid)) {
        out.add(
            "member "
                + s.member
                + " restarted from state 0x"
                + Long.toHexString(s.baseZxid)
                + " that is not committed");
      }
      long prev = s.baseZxid;
      for (long z : s.zxids) {
        Long expected = committed.higherKey(prev);
        if (expected == null || expected != z) {
          out.add(
              "total order: member "
                  + s.member
                  + " delivered 0x"
                  + Long.toHexString(z)
                  + " after 0x"
                  + Long.toHexString(prev)
                  + " but the committed successor is 0x"
                  + (expected == null ? "none" : Long.toHexString(expected)));
          break;
        }
        prev = z;
      }
    }
    for (Recorder.Proposed p : r.proposals) {
      long epoch = Zxid.epoch(p.zxid());
      Long older = epoch == 0 ? null : committed.lowerKey(Zxid.make(epoch, 0));
      if (older != null && p.applied() < older) {
        out.add(
            "primary integrity: leader "
                + p.leader()
                + " proposed 0x"
                + Long.toHexString(p.zxid())
                + " before delivering 0x"
                + Long.toHexString(older)
                + " of an earlier epoch");
      }
    }
    return out;
  }
}
