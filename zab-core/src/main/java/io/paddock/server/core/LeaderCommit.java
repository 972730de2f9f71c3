package io.paddock.server.core;

import io.paddock.server.core.prep.Footprint;
import io.paddock.store.model.Zxid;
import io.paddock.store.txn.DecodedTxn;
import io.paddock.store.txn.TxnCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The commit stage of an ensemble leader: every prepped write becomes a ZAB proposal at once
 * (pipelined: the next batch is proposed while the quorum acks the previous one); what the quorum
 * commits comes back through {@link #onCommitted} in zxid order and is applied and answered; the
 * requests that waited behind a connection's writes run right after them.
 *
 * <p>A write whose prep reads a node that an unapplied write changes cannot be prepped yet (prep
 * must see the newest state, DESIGN 3); it is {@link #park parked} with every event after it until
 * the writes ahead are applied — the order of the requests is kept.
 */
final class LeaderCommit implements CommitStage {

  /** The ZAB side of the leader. */
  interface Replication {
    /**
     * Proposes an encoded txn; returns the zxid ZAB gave it.
     *
     * @param decoded the same txn, decoded, so the log need not decode it again
     */
    long propose(byte[] txn, DecodedTxn decoded);

    /** Makes what was proposed durable here and sends it on (one fsync). */
    void flush();
  }

  private final CoreState state;
  private final Applier applier;
  private final Consumer<PendingBatch.Held> runHeld;
  private final Replication replication;
  private final ArrayDeque<PendingBatch.Item> inflight = new ArrayDeque<>();
  private final Footprint footprint = new Footprint();
  private final ArrayDeque<Parked> parked = new ArrayDeque<>();

  /** Writes whose proposal the quorum dropped while this leader lost its role (see pause). */
  private final List<PendingBatch.Item> lost = new ArrayList<>();

  private boolean paused;

  /** Work parked behind unapplied writes, and whether a client of this member started it. */
  private record Parked(Runnable work, boolean fromClient) {}

  private int unappliedWrites;
  private boolean draining;

  LeaderCommit(
      CoreState state,
      Applier applier,
      Consumer<PendingBatch.Held> runHeld,
      Replication replication) {
    this.state = state;
    this.applier = applier;
    this.runHeld = runHeld;
    this.replication = replication;
  }

  @Override
  public void log(PendingBatch.Write write) {
    DecodedTxn decoded = new DecodedTxn(write.header(), write.txn());
    long zxid = replication.propose(TxnCodec.encode(write.header(), write.txn()), decoded);
    if (zxid != write.header().zxid()) {
      throw new IllegalStateException(
          "ZAB proposed 0x"
              + Zxid.toHex(zxid)
              + " for a txn prepped as 0x"
              + Zxid.toHex(write.header().zxid()));
    }
    inflight.add(write);
    footprint.addChanges(write.txn());
    unappliedWrites++;
    if (write.connection() != null) {
      write.connection().writeLogged();
    }
  }

  @Override
  public void log(PendingBatch.Write write, Collection<String> alsoChanged) {
    footprint.addChangedPaths(alsoChanged);
    log(write);
  }

  @Override
  public void hold(PendingBatch.Held held) {
    if (unappliedWrites == 0) {
      runHeld.accept(held);
    } else {
      inflight.add(held);
    }
  }

  @Override
  public boolean mustCommitBefore(Set<String> reads) {
    return unappliedWrites > 0 && footprint.conflictsWith(reads);
  }

  @Override
  public boolean hasPending() {
    return !inflight.isEmpty();
  }

  @Override
  public void commitNow() {
    replication.flush();
  }

  @Override
  public boolean commitsSynchronously() {
    return false;
  }

  @Override
  public void park(Runnable work, boolean fromClient) {
    Parked p = new Parked(work, fromClient);
    if (draining) {
      parked.addFirst(p); // re-parked while draining: it stays ahead of what came after it
    } else {
      parked.addLast(p);
    }
  }

  @Override
  public boolean isGateClosed() {
    return !parked.isEmpty();
  }

  /**
   * ZAB committed a txn. Normally it is the oldest unapplied write: it is applied and answered, the
   * requests that waited for it run, and once nothing is unapplied, the parked work. A txn of the
   * history this leader took over (committed while it established its epoch) is applied with nobody
   * to answer.
   */
  void onCommitted(DecodedTxn committed) {
    long zxid = committed.header().zxid();
    PendingBatch.Item head = inflight.peek();
    if (paused) {
      dropOvertaken(zxid);
      head = inflight.peek();
    }
    if (!(head instanceof PendingBatch.Write w) || zxid < w.header().zxid()) {
      if (head != null && !(head instanceof PendingBatch.Write)) {
        throw new IllegalStateException("a held request is ahead of every write: " + head);
      }
      applier.apply(
          new PendingBatch.Write(
              committed.header(),
              committed.txn(),
              PendingBatch.Origin.REMOTE,
              null,
              null,
              null,
              null));
      return;
    }
    if (w.header().zxid() != zxid) {
      throw new IllegalStateException(
          "commit of 0x" + Zxid.toHex(zxid) + " skips the oldest unapplied write: " + head);
    }
    inflight.poll();
    unappliedWrites--;
    applier.apply(w);
    while (inflight.peek() instanceof PendingBatch.Held h) {
      inflight.poll();
      runHeld.accept(h);
    }
    if (unappliedWrites == 0) {
      footprint.clear();
      if (!paused) {
        runParked();
      }
    }
  }

  /**
   * While paused, the history the new leader synced us to may lack proposals this member made: a
   * commit beyond the oldest unapplied write means that write (and what waited behind it) will
   * never commit; it is kept for re-submission.
   */
  private void dropOvertaken(long zxid) {
    while (inflight.peek() instanceof PendingBatch.Write w && w.header().zxid() < zxid) {
      lost.add(inflight.poll());
      unappliedWrites--;
      while (inflight.peek() instanceof PendingBatch.Held h) {
        lost.add(inflight.poll());
      }
    }
  }

  /**
   * The member stopped leading: nothing new is logged here; commits that still come (the new
   * leader's history) are applied and answered, and what they overtake is set aside.
   */
  void pause() {
    paused = true;
  }

  /**
   * What this stage leaves unanswered, oldest first, for the member's next role to re-submit:
   * client writes and held requests (never the leader's own expiry or reaper txns, which the next
   * leader decides anew, nor learners' forwarded work, which the learners send again), then work a
   * client of this member started that was parked.
   */
  List<Object> takeUnanswered() {
    List<Object> out = new ArrayList<>();
    List<PendingBatch.Item> items = new ArrayList<>(lost);
    items.addAll(inflight);
    for (PendingBatch.Item item : items) {
      if (item instanceof PendingBatch.Write w
          && w.origin() != PendingBatch.Origin.CLIENT
          && w.origin() != PendingBatch.Origin.CLOSE_BY_CLIENT
          && w.origin() != PendingBatch.Origin.CREATE_SESSION
          && w.origin() != PendingBatch.Origin.MALFORMED) {
        continue;
      }
      out.add(item);
    }
    for (Parked p : parked) {
      if (p.fromClient()) {
        out.add(p.work());
      }
    }
    lost.clear();
    inflight.clear();
    parked.clear();
    unappliedWrites = 0;
    footprint.clear();
    return out;
  }

  private void runParked() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (!parked.isEmpty()) {
        int before = parked.size();
        parked.poll().work().run();
        if (parked.size() >= before) {
          break; // it parked itself again: wait for the writes now ahead of it
        }
      }
    } finally {
      draining = false;
    }
  }

  /** The leader stops leading: what is unapplied will never be answered here. */
  void abandon() {
    for (PendingBatch.Item item : inflight) {
      if (item instanceof PendingBatch.Write w && w.request() != null) {
        state.outbox.finish(w.request());
      } else if (item instanceof PendingBatch.Held h) {
        state.outbox.finish(h.request());
      }
    }
    inflight.clear();
    parked.clear();
    unappliedWrites = 0;
  }
}
