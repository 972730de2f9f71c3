package io.paddock.server.zab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a simulation run observed that the checkers judge: what each member delivered
 * (applied), in segments that start at the member's durable state after a restart or a snapshot
 * install; what each leader proposed; which leader each member found established per epoch; the
 * client history; and store-rule violations.
 */
final class Recorder {

  /** A run of deliveries of one member from {@code baseZxid} on. */
  static final class Segment {
    final int member;
    final long baseZxid;
    final List<Long> zxids = new ArrayList<>();
    final List<byte[]> txns = new ArrayList<>();

    Segment(int member, long baseZxid) {
      this.member = member;
      this.baseZxid = baseZxid;
    }
  }

  /** A leader proposed {@code zxid} while its state machine had applied up to {@code applied}. */
  record Proposed(int leader, long zxid, byte[] txn, long applied) {}

  /** Member {@code member} found {@code leader} established in {@code epoch} (it serves). */
  record Established(int member, long epoch, long leader) {}

  final List<String> violations = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();
  private final Map<Integer, Segment> current = new HashMap<>();
  final List<Proposed> proposals = new ArrayList<>();
  final List<Established> establishments = new ArrayList<>();
  final List<ClientOp> ops = new ArrayList<>();

  void violation(String what) {
    violations.add(what);
  }

  void segmentStart(int member, long baseZxid) {
    Segment s = new Segment(member, baseZxid);
    segments.add(s);
    current.put(member, s);
  }

  void delivered(int member, long zxid, byte[] txn) {
    Segment s = current.get(member);
    s.zxids.add(zxid);
    s.txns.add(txn);
  }

  void proposed(int leader, long zxid, byte[] txn, long applied) {
    proposals.add(new Proposed(leader, zxid, txn, applied));
  }

  void established(int member, long epoch, long leader) {
    establishments.add(new Established(member, epoch, leader));
  }

  /** The committed sequence: every delivered zxid once, in order, with its txn. */
  java.util.TreeMap<Long, byte[]> committed() {
    java.util.TreeMap<Long, byte[]> out = new java.util.TreeMap<>();
    for (Segment s : segments) {
      for (int i = 0; i < s.zxids.size(); i++) {
        byte[] prev = out.putIfAbsent(s.zxids.get(i), s.txns.get(i));
        if (prev != null && !Arrays.equals(prev, s.txns.get(i))) {
          violations.add(
              "agreement: zxid 0x" + Long.toHexString(s.zxids.get(i)) + " delivered with two txns");
        }
      }
    }
    return out;
  }
}
