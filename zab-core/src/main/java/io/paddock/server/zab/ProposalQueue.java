package io.paddock.server.zab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leader's proposals waiting for a quorum, in zxid order, with who acknowledged each. Acks are
 * cumulative (a follower that synced up to z has logged every proposal up to z), and proposals
 * leave only from the head: commit order is zxid order.
 */
final class ProposalQueue {

  /** A proposal and the voters that acknowledged it. */
  static final class Pending {
    final long zxid;
    final byte[] txn;
    final Set<Long> ackers = new HashSet<>();

    Pending(long zxid, byte[] txn) {
      this.zxid = zxid;
      this.txn = txn;
    }
  }

  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final QuorumSpec quorum;

  ProposalQueue(QuorumSpec quorum) {
    this.quorum = quorum;
  }

  void add(long zxid, byte[] txn) {
    Pending last = queue.peekLast();
    if (last != null && zxid <= last.zxid) {
      throw new IllegalStateException("proposals out of zxid order: 0x" + Long.toHexString(zxid));
    }
    queue.addLast(new Pending(zxid, txn));
  }

  /** {@code voterId} has durably logged everything up to {@code zxid}. */
  void ackUpTo(long voterId, long zxid) {
    for (Pending p : queue) {
      if (p.zxid > zxid) {
        break;
      }
      p.ackers.add(voterId);
    }
  }

  /** Removes and returns, in zxid order, the head proposals a quorum of voters acknowledged. */
  List<Pending> takeCommittable() {
    List<Pending> out = new ArrayList<>();
    while (!queue.isEmpty() && quorum.isQuorum(queue.peekFirst().ackers)) {
      out.add(queue.pollFirst());
    }
    return out;
  }

  int size() {
    return queue.size();
  }

  void clear() {
    queue.clear();
  }
}
