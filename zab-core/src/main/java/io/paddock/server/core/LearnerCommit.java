package io.paddock.server.core;

import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.SyncResponse;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.txn.DecodedTxn;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The commit stage of a follower or observer: its clients' writes (and new sessions, closes and
 * syncs) go to the leader, which preps and orders them; every txn ZAB commits comes back through
 * {@link #onCommitted} and is applied here, and the client that sent it is answered then, with the
 * result this replica's tree computed. Per session, requests are answered in the order they came:
 * reads and syncs wait behind the session's forwarded writes (DESIGN 3, stage 3).
 */
final class LearnerCommit implements CommitStage {

  /** One request of a session waiting for its turn. */
  private sealed interface Waiting permits Forward, Hold, SyncWait {}

  private record Forward(PendingBatch.Write write) implements Waiting {}

  private record Hold(PendingBatch.Held held) implements Waiting {}

  private static final class SyncWait implements Waiting {
    final Inflight request;
    final String path;
    long zxid = -1;

    SyncWait(Inflight request, String path) {
      this.request = request;
      this.path = path;
    }
  }

  private final CoreState state;
  private final Applier applier;
  private final Consumer<PendingBatch.Held> runHeld;
  private final Predicate<byte[]> toLeader;
  private final Map<Long, ArrayDeque<Waiting>> bySession = new HashMap<>();
  private final Set<Long> syncHeads = new HashSet<>();

  LearnerCommit(
      CoreState state,
      Applier applier,
      Consumer<PendingBatch.Held> runHeld,
      Predicate<byte[]> toLeader) {
    this.state = state;
    this.applier = applier;
    this.runHeld = runHeld;
    this.toLeader = toLeader;
  }

  @Override
  public void log(PendingBatch.Write w) {
    TxnHeader h = w.header();
    Forwarded payload =
        switch (w.origin()) {
          case CLIENT ->
              new Forwarded.ClientWrite(
                  h.sessionId(), w.connection().ids(), h.cxid(), h.type(), w.body());
          case CLOSE_BY_CLIENT ->
              new Forwarded.ClientWrite(
                  h.sessionId(),
                  w.connection().ids(),
                  h.cxid(),
                  OpCode.CLOSE_SESSION,
                  io.paddock.client.protocol.EmptyRequest.INSTANCE);
          case CREATE_SESSION ->
              new Forwarded.CreateSession(h.sessionId(), ((Txn.CreateSession) w.txn()).timeoutMs());
          case MALFORMED -> new Forwarded.MalformedMulti(h.sessionId(), h.cxid());
          default ->
              throw new IllegalStateException("a learner does not start " + w.origin() + " writes");
        };
    queue(h.sessionId()).add(new Forward(w));
    if (w.connection() != null) {
      w.connection().writeLogged();
    }
    send(payload, w.connection());
  }

  @Override
  public void log(PendingBatch.Write write, Collection<String> alsoChanged) {
    log(write);
  }

  @Override
  public void hold(PendingBatch.Held held) {
    long session = held.request().connection().sessionId();
    ArrayDeque<Waiting> q = bySession.get(session);
    if (q == null || q.isEmpty()) {
      runHeld.accept(held);
    } else {
      q.add(new Hold(held));
    }
  }

  /** A client's sync: answered once this replica applied what the leader had proposed. */
  void sync(Inflight request, String path) {
    Connection c = request.connection();
    queue(c.sessionId()).add(new SyncWait(request, path));
    c.writeLogged();
    send(new Forwarded.Sync(c.sessionId(), request.xid()), c);
  }

  /** The leader answered a sync. */
  void onSyncDone(Forwarded.SyncDone done) {
    ArrayDeque<Waiting> q = bySession.get(done.sessionId());
    if (q == null) {
      return; // the session closed or moved meanwhile
    }
    for (Waiting w : q) {
      if (w instanceof SyncWait s && s.request.xid() == done.xid() && s.zxid < 0) {
        s.zxid = done.zxid();
        break;
      }
    }
    drain(done.sessionId(), q);
  }

  @Override
  public boolean mustCommitBefore(Set<String> reads) {
    return false;
  }

  @Override
  public boolean hasPending() {
    return !bySession.isEmpty();
  }

  @Override
  public void commitNow() {
    // the leader orders and commits; the peer's flush syncs what it logged
  }

  @Override
  public boolean commitsSynchronously() {
    return false;
  }

  @Override
  public boolean forwardsWrites() {
    return true;
  }

  /**
   * ZAB committed a txn and this replica logged and synced it: apply it, answer the client here
   * that sent it (it must be the oldest waiting request of its session), then what waited behind.
   */
  void onCommitted(DecodedTxn committed) {
    TxnHeader h = committed.header();
    ArrayDeque<Waiting> q = bySession.get(h.sessionId());
    if (q != null && q.peek() instanceof Forward f && answers(f.write().header(), h)) {
      q.poll();
      PendingBatch.Write w = f.write();
      applier.apply(
          new PendingBatch.Write(
              h,
              committed.txn(),
              w.origin(),
              w.request(),
              w.connection(),
              w.body(),
              w.handshake()));
    } else {
      applier.apply(
          new PendingBatch.Write(
              h, committed.txn(), PendingBatch.Origin.REMOTE, null, null, null, null));
      if (committed.txn() instanceof Txn.CloseSession && q != null) {
        dropSession(h.sessionId(), q);
        q = null;
      }
    }
    if (q != null) {
      drain(h.sessionId(), q);
    }
    if (!syncHeads.isEmpty()) {
      for (long session : List.copyOf(syncHeads)) {
        ArrayDeque<Waiting> waiting = bySession.get(session);
        if (waiting != null) {
          drain(session, waiting);
        }
      }
    }
  }

  private static boolean answers(TxnHeader asked, TxnHeader committed) {
    if (asked.type() == OpCode.CREATE_SESSION) {
      return committed.type() == OpCode.CREATE_SESSION;
    }
    return committed.cxid() == asked.cxid() && committed.type() != OpCode.CREATE_SESSION;
  }

  /** Runs the session's waiting requests that are now at the head and ready. */
  private void drain(long session, ArrayDeque<Waiting> q) {
    syncHeads.remove(session);
    while (!q.isEmpty()) {
      Waiting head = q.peek();
      if (head instanceof Hold hold) {
        q.poll();
        runHeld.accept(hold.held());
      } else if (head instanceof SyncWait s) {
        if (s.zxid < 0 || state.lastProcessedZxid() < s.zxid) {
          syncHeads.add(session);
          return;
        }
        q.poll();
        answerSync(s);
      } else {
        return; // a forwarded write: its commit will come
      }
    }
    bySession.remove(session);
  }

  private void answerSync(SyncWait s) {
    s.request.connection().writeApplied();
    state.outbox.answer(
        s.request,
        new ReplyHeader(s.request.xid(), state.lastProcessedZxid(), ErrorCode.OK.code()),
        new SyncResponse(s.path));
  }

  /** The session was closed by the leader (expiry): nothing of it will be answered. */
  private void dropSession(long session, ArrayDeque<Waiting> q) {
    for (Waiting w : q) {
      finish(w);
    }
    bySession.remove(session);
    syncHeads.remove(session);
  }

  private void finish(Waiting w) {
    if (w instanceof Forward f && f.write().request() != null) {
      state.outbox.finish(f.write().request());
    } else if (w instanceof Hold h) {
      state.outbox.finish(h.held().request());
    } else if (w instanceof SyncWait s) {
      state.outbox.finish(s.request);
    }
  }

  private ArrayDeque<Waiting> queue(long session) {
    return bySession.computeIfAbsent(session, k -> new ArrayDeque<>());
  }

  private void send(Forwarded payload, Connection c) {
    if (!toLeader.test(payload.encode()) && c != null) {
      // No leader to send to: this member is leaving broadcast; the client must go elsewhere.
      state.outbox.close(c);
      state.removeConnection(c);
    }
  }

  /** A sync that waited for the leader, to be asked again by the member's next role. */
  record PendingSync(Inflight request, String path) {}

  /**
   * What this stage leaves unanswered, session by session in order, for the member's next role to
   * re-submit: forwarded writes (after a resync, a write still unanswered never reached the history
   * of the new leader, so sending it again cannot apply it twice), held requests and syncs.
   */
  List<Object> takeUnanswered() {
    List<Object> out = new ArrayList<>();
    for (ArrayDeque<Waiting> q : bySession.values()) {
      for (Waiting w : q) {
        if (w instanceof Forward f) {
          out.add(f.write());
        } else if (w instanceof Hold h) {
          out.add(h.held());
        } else if (w instanceof SyncWait sw) {
          out.add(new PendingSync(sw.request, sw.path));
        }
      }
    }
    bySession.clear();
    syncHeads.clear();
    return out;
  }

  /** The learner stops serving: nothing waiting will be answered here. */
  void abandon() {
    bySession.values().forEach(q -> q.forEach(this::finish));
    bySession.clear();
    syncHeads.clear();
  }
}
