package io.paddock.server.core;

import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.server.core.auth.AclChecker;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Perms;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.txn.Txn;
import io.paddock.store.watch.WatchDelivery;
import io.paddock.store.watch.WatchEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * The apply stage (DESIGN 3, stages 4 and 5) shared by every role: a committed txn goes into the
 * tree, its notifications go to watchers that may READ the node, then its reply (or the session
 * follow-up) leaves. Replies therefore always follow the events they announce.
 */
final class Applier {
  private final CoreState state;
  private final Consumer<Handshake.Pending> sessionCreated;

  Applier(CoreState state, Consumer<Handshake.Pending> sessionCreated) {
    this.state = state;
    this.sessionCreated = sessionCreated;
  }

  /** Applies a committed write: tree, watches (READ-filtered), then its reply or follow-up. */
  void apply(PendingBatch.Write w) {
    ApplyEffects effects = ApplyEffects.capture(state.tree, w.header(), w.txn());
    ApplyResult result = state.db.apply(w.header(), w.txn());
    state.applied(result.zxid());
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
      case REMOTE -> remoteApplied(w);
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

  /**
   * A txn another member started was applied here: sessions are global, so this member learns a new
   * session and forgets a closed one (closing its connection if the session was moved here).
   */
  private void remoteApplied(PendingBatch.Write w) {
    long id = w.header().sessionId();
    if (w.txn() instanceof Txn.CreateSession create) {
      if (!state.sessions.isKnown(id)) {
        state.sessions.add(id, create.timeoutMs(), state.clock.monotonicMs());
      }
    } else if (w.txn() instanceof Txn.CloseSession) {
      sessionClosed(w);
    }
  }
}
