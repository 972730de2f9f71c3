package io.paddock.server.zab;

import java.util.List;

/**
 * How the leader brings one learner to its history: DIFF (the learner's log is a prefix of the
 * leader's), TRUNC (the learner holds txns the leader lacks: cut back to the last common zxid, then
 * the difference) or SNAP (the leader's log no longer reaches back far enough, or the difference is
 * too long: the state machine, then the txns logged after it).
 *
 * @param kind which of the three
 * @param point DIFF: the learner's last zxid; TRUNC: the zxid to cut back to; SNAP: the snapshot's
 *     zxid
 * @param snapshot SNAP only: the snapshot bytes, else null
 * @param entries the leader's txns after {@code point}, to send as proposals
 */
record SyncPlan(Kind kind, long point, byte[] snapshot, List<LogEntry> entries) {

  /** The three ways of synchronization. */
  enum Kind {
    DIFF,
    TRUNC,
    SNAP
  }

  /** The end of the history the learner holds after this payload. */
  long end() {
    return entries.isEmpty() ? point : entries.get(entries.size() - 1).zxid();
  }
}
