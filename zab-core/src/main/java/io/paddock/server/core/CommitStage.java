package io.paddock.server.core;

import java.util.Collection;
import java.util.Set;

/**
 * Where prepped writes go and how they come back applied (DESIGN 3, stages 2 and 3). Standalone,
 * {@link GroupCommit} logs them and applies each batch after one fsync; in an ensemble the leader
 * proposes them to its quorum and a learner forwards its clients' requests to the leader, and both
 * apply what ZAB commits, in zxid order.
 */
interface CommitStage {

  /** Takes a prepped write (or, on a learner, a write to forward). */
  void log(PendingBatch.Write write);

  /**
   * Takes a write that also deletes nodes it does not name (closeSession: the session's
   * ephemerals), so that later writes reading those nodes wait for it.
   */
  void log(PendingBatch.Write write, Collection<String> alsoChanged);

  /** Parks a request behind the unapplied writes of its connection. */
  void hold(PendingBatch.Held held);

  /** True when prep of a request reading {@code reads} must wait for unapplied writes. */
  boolean mustCommitBefore(Set<String> reads);

  /** True when writes were taken and are not yet applied. */
  boolean hasPending();

  /**
   * Pushes what was taken towards commit: standalone, commits and applies it all now (callers may
   * rely on that only when {@link #commitsSynchronously()}); in an ensemble, makes it durable
   * locally and sends it on.
   */
  void commitNow();

  /** True when {@link #commitNow()} leaves nothing pending (standalone). */
  default boolean commitsSynchronously() {
    return true;
  }

  /**
   * Ensemble leader: parks work that must wait until every write taken so far is applied (a prep
   * that reads what an unapplied write changes); until it runs, {@link #isGateClosed()} is true and
   * every later event must be parked behind it with this method too, so that order is kept.
   * Standalone never needs it: {@link #commitNow()} applies at once.
   *
   * @param fromClient true for work a client of this member started (kept when the member changes
   *     role), false for a learner's forwarded work (the learner sends it again itself)
   */
  default void park(Runnable work, boolean fromClient) {
    throw new IllegalStateException("this commit stage applies synchronously; nothing to park");
  }

  /** True while parked work waits: later events must be {@link #park parked} behind it. */
  default boolean isGateClosed() {
    return false;
  }

  /**
   * True on an ensemble learner: writes are not prepped here but forwarded to the leader, which
   * preps them against its own, newest view; {@link #log} then gets the request with a null txn.
   */
  default boolean forwardsWrites() {
    return false;
  }
}
