package io.paddock.server.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The write path of the state thread (DESIGN 3): writes are logged into the {@link PendingBatch} as
 * they are prepped; {@link #commitNow()} makes them durable with one fsync (group commit), then, in
 * arrival order, applies each txn, sends its notifications (READ-filtered, PROTOCOL 8.1) before its
 * reply, and runs the requests that waited behind it.
 *
 * <p>Invariant: nothing is applied, and so no reply announces a write, before the commit that
 * covers it (the database checks this on every apply). Nothing is logged while a commit runs.
 */
final class GroupCommit implements CommitStage {
  private final CoreState state;
  private final PendingBatch batch = new PendingBatch();
  private final Applier applier;
  private final Consumer<PendingBatch.Held> runHeld;
  private boolean committing;

  GroupCommit(
      CoreState state,
      Consumer<Handshake.Pending> sessionCreated,
      Consumer<PendingBatch.Held> runHeld) {
    this.state = state;
    this.applier = new Applier(state, sessionCreated);
    this.runHeld = runHeld;
  }

  /** Logs a prepped write; commits first-come batches once the batch is full. */
  @Override
  public void log(PendingBatch.Write write) {
    if (committing) {
      throw new IllegalStateException("a write was logged while a commit was being applied");
    }
    state.db.log(write.header(), write.txn());
    batch.addWrite(write);
    if (batch.isFull()) {
      commitNow();
    }
  }

  /**
   * Logs a write that also deletes nodes it does not name (closeSession: the session's ephemerals),
   * so that later writes of the batch that read those nodes wait for it.
   */
  @Override
  public void log(PendingBatch.Write write, Collection<String> alsoChanged) {
    batch.footprint().addChangedPaths(alsoChanged);
    log(write);
  }

  /** Parks a request behind the unapplied writes of its connection. */
  @Override
  public void hold(PendingBatch.Held held) {
    batch.hold(held);
  }

  /** True when prep of a request reading {@code reads} must wait for the logged writes to apply. */
  @Override
  public boolean mustCommitBefore(Set<String> reads) {
    return batch.footprint().conflictsWith(reads);
  }

  /** True when writes are logged and not yet applied. */
  @Override
  public boolean hasPending() {
    return !batch.isEmpty();
  }

  /**
   * Commits what is logged (one fsync), then applies and answers everything in order. Replies
   * already queued (reads answered at once) are flushed before the fsync, so they do not wait for
   * the disk.
   *
   * @throws UncheckedIOException when the log cannot be made durable: the server must stop
   */
  @Override
  public void commitNow() {
    if (committing) {
      throw new IllegalStateException("commit re-entered");
    }
    if (batch.isEmpty()) {
      return;
    }
    int writes = batch.writes();
    List<PendingBatch.Item> items = batch.drain();
    committing = true;
    try {
      if (writes > 0) {
        state.outbox.flushTouched();
        state.db.commit();
        state.stats.committed(writes);
      }
      for (PendingBatch.Item item : items) {
        if (item instanceof PendingBatch.Write w) {
          apply(w);
        } else {
          runHeld.accept((PendingBatch.Held) item);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("group commit failed; the log is no longer writable", e);
    } finally {
      committing = false;
    }
  }

  private void apply(PendingBatch.Write w) {
    applier.apply(w);
  }
}
