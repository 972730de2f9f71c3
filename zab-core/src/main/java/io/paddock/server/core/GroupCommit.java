package io.paddock.server.core;

import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.server.core.auth.AclChecker;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Perms;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.watch.WatchDelivery;
import io.paddock.store.watch.WatchEvent;
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
final class GroupCommit {
  private final CoreState state;
  private final PendingBatch batch = new PendingBatch();
  private final Consumer<Handshake.Pending> sessionCreated;
  private final Consumer<PendingBatch.Held> runHeld;
  private boolean committing;

  GroupCommit(
      CoreState state,
      Consumer<Handshake.Pending> sessionCreated,
      Consumer<PendingBatch.Held> runHeld) {
    this.state = state;
    this.sessionCreated = sessionCreated;
    this.runHeld = runHeld;
  }

  /** Logs a prepped write; commits first-come batches once the batch is full. */
  void log(PendingBatch.Write write) {
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
  void log(PendingBatch.Write write, Collection<String> alsoChanged) {
    batch.footprint().addChangedPaths(alsoChanged);
    log(write);
  }

  /** Parks a request behind the unapplied writes of its connection. */
  void hold(PendingBatch.Held held) {
    batch.hold(held);
  }

  /** True when prep of a request reading {@code reads} must wait for the logged writes to apply. */
  boolean mustCommitBefore(Set<String> reads) {
    return batch.footprint().conflictsWith(reads);
  }

  /** True when writes are logged and not yet applied. */
  boolean hasPending() {
    return !batch.isEmpty();
  }

  /**
   * Commits what is logged (one fsync), then applies and answers everything in order. Replies
   * already queued (reads answered at once) are flushed before the fsync, so they do not wait for
   * the disk.
   *
   * @throws UncheckedIOException when the log cannot be made durable: the server must stop
   */
  void commitNow() {
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
    ApplyEffects effects = ApplyEffects.capture(state.tree, w.header(), w.txn());
    ApplyResult result = state.db.apply(w.header(), w.txn());
    state.applied(result.zxid(), effects.dataSizeDelta(state.tree, result));
    if (w.connection() != null) {
      w.connection().writeApplied();
    }
    fire(result, effects);
    switch (w.origin()) {
      case CLIENT -> {
        Reply reply = WriteReplies.of(w.header().type(), w.body(), result);
        answer(w, reply.err(), reply.bodyToSend());
      }
      case CREATE_SESSION -> sessionCreated.accept(w.handshake());
      case CLOSE_BY_CLIENT, EXPIRY -> sessionClosed(w);
      case MALFORMED -> answer(w, ErrorCode.MARSHALLINGERROR, null);
      case REAPER -> {
        // nobody to answer; a NOTEMPTY or a TTL node touched meanwhile simply stays
      }
    }
  }

  private void answer(PendingBatch.Write w, ErrorCode err, JuteRecord body) {
    ReplyHeader header = new ReplyHeader(w.request().xid(), w.header().zxid(), err.code());
    state.outbox.answer(w.request(), header, body);
  }

  /** Notifications of one txn, each to watchers that may READ the node now (PROTOCOL 8.1). */
  private void fire(ApplyResult result, ApplyEffects effects) {
    for (WatchEvent event : result.events()) {
      List<WatchDelivery<Connection>> deliveries = state.watches.trigger(event);
      if (deliveries.isEmpty()) {
        continue;
      }
      List<Acl> acl = effects.aclForEvent(state.tree, event.path());
      for (WatchDelivery<Connection> d : deliveries) {
        if (AclChecker.permits(acl, Perms.READ, d.watcher().ids())) {
          state.outbox.notify(d.watcher(), event);
        }
      }
    }
  }

  /** A closeSession txn was applied: forget the session; answer and close its connection. */
  private void sessionClosed(PendingBatch.Write w) {
    long id = w.header().sessionId();
    state.sessions.remove(id);
    Connection c;
    if (w.origin() == PendingBatch.Origin.CLOSE_BY_CLIENT) {
      answer(w, ErrorCode.OK, null);
      c = w.connection();
    } else {
      c = state.owner(id);
    }
    state.clearOwner(id);
    if (c != null) {
      closeConnection(c);
    }
  }

  private void closeConnection(Connection c) {
    state.outbox.close(c);
    state.removeConnection(c);
  }
}
