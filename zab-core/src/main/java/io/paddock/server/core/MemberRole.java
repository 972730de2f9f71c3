package io.paddock.server.core;

import io.paddock.server.zab.PeerStatus;
import io.paddock.server.zab.ServerState;
import io.paddock.server.zab.ZabMessage;
import io.paddock.store.model.Zxid;
import io.paddock.store.txn.DecodedTxn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ensemble member's request pipeline: the standalone stages (handshake, dispatch, apply,
 * housekeeping, four-letter words) over this member's database, with the commit stage of its role —
 * {@link LeaderCommit} on the leader, {@link LearnerCommit} on a follower or observer.
 *
 * <p><b>Changing role without dropping clients.</b> When the peer leaves BROADCAST (its leader
 * died, or it lost its quorum) the pipeline {@link #pause pauses}: client events wait, the old
 * stage keeps applying what ZAB still commits (the new leader's history) and answers the requests
 * those txns complete. When the peer serves again it {@link #resume resumes} with the stage of its
 * new role and re-submits what is still unanswered — safe, because after the resync a write the new
 * history lacks can never be committed any more — then runs the waiting events. Clients see a
 * pause, not a disconnect (ZooKeeper closes every connection instead). If the tree was replaced
 * meanwhile (a snapshot sync) or the pause lasts too long, the member gives up: every connection
 * closes.
 */
final class MemberRole {
  private static final Logger LOG = LoggerFactory.getLogger(MemberRole.class);

  /** What the role needs of ZAB. */
  interface Zab extends LeaderCommit.Replication {
    /** Learner: sends a payload to the leader, ordered with the protocol; false without one. */
    boolean toLeader(byte[] payload);

    /** Leader: sends a payload to a learner; false when it is not connected. */
    boolean toLearner(long learnerId, byte[] payload);
  }

  final CoreState state;
  private final Zab zab;
  private final SwitchableCommit commit;
  private final Applier applier;
  private final Handshake handshake;
  private final Dispatcher dispatcher;
  private final FourLetterRunner fourLetter;
  private final List<CompletableFuture<Void>> barriers = new ArrayList<>();
  private final ArrayDeque<CoreEvent> waiting = new ArrayDeque<>();
  private final long pauseMsMax;
  private ServerState kind;
  private long epoch;
  private LeaderCommit leader;
  private LearnerCommit learner;
  private Housekeeping housekeeping;
  private boolean serving;
  private long pausedAtMs;

  MemberRole(
      CoreState state, PeerStatus status, Zab zab, Supplier<PeerStatus> peerStatus, String host) {
    this.state = state;
    this.zab = zab;
    this.applier = new Applier(state, p -> handshake().sessionCreated(p));
    this.commit = new SwitchableCommit(null);
    this.handshake = new Handshake(state, commit);
    this.dispatcher = new Dispatcher(state, commit);
    this.fourLetter = new FourLetterRunner(state, host);
    this.pauseMsMax = state.config.minSessionTimeoutMs();
    state.peerStatus = peerStatus;
    become(status);
  }

  /** The mode four-letter words report for a peer state. */
  static String modeName(ServerState s) {
    return switch (s) {
      case LEADING -> "leader";
      case FOLLOWING -> "follower";
      case OBSERVING -> "observer";
      case LOOKING -> "looking";
    };
  }

  private Handshake handshake() {
    return handshake;
  }

  private void become(PeerStatus status) {
    kind = status.state();
    epoch = status.currentEpoch();
    state.mode = modeName(kind);
    if (kind == ServerState.LEADING) {
      leader = new LeaderCommit(state, applier, dispatcher::runHeld, zab);
      learner = null;
      commit.switchTo(leader);
      state.resetNextZxid(Math.max(Zxid.make(epoch, 1), state.db.lastLoggedZxid() + 1));
      state.sessions.recordTouches(false);
      // ZooKeeper's rule for a new leader: every session gets a full timeout from now.
      long now = state.clock.monotonicMs();
      for (long id : state.tree.sessions().keySet()) {
        if (state.sessions.isActive(id)) {
          state.sessions.touch(id, now);
        }
      }
    } else {
      learner = new LearnerCommit(state, applier, dispatcher::runHeld, zab::toLeader);
      leader = null;
      commit.switchTo(learner);
      state.sessions.recordTouches(true);
    }
    housekeeping = new Housekeeping(state, commit, kind == ServerState.LEADING);
    serving = true;
  }

  /** True when this pipeline can keep its clients for a role given by {@code status}. */
  boolean canResume() {
    return state.tree == state.db.tree();
  }

  /** The peer left BROADCAST: client events wait; commits that still come are applied. */
  void pause(String reason) {
    if (!serving) {
      return;
    }
    serving = false;
    pausedAtMs = state.clock.monotonicMs();
    state.mode = modeName(ServerState.LOOKING);
    if (leader != null) {
      leader.pause();
    }
    LOG.info("Clients of this member wait: {}", reason);
  }

  /** True while paused for longer than the shortest session: the clients had better move on. */
  boolean pausedTooLong(long nowMs) {
    return !serving && nowMs - pausedAtMs > pauseMsMax;
  }

  boolean isServing() {
    return serving;
  }

  ServerState kind() {
    return kind;
  }

  long epoch() {
    return epoch;
  }

  /**
   * The peer serves again (maybe in another role): swap the commit stage, re-submit what the old
   * one left unanswered, then run the events that waited.
   */
  void resume(PeerStatus status) {
    List<Object> unanswered = leader != null ? leader.takeUnanswered() : learner.takeUnanswered();
    become(status);
    for (Connection c : state.connections()) {
      c.resetUnappliedWrites();
    }
    for (Object item : unanswered) {
      resubmit(item);
    }
    LOG.info(
        "Serving again as {} of epoch {}; {} requests re-submitted, {} events waited",
        modeName(kind),
        epoch,
        unanswered.size(),
        waiting.size());
    while (!waiting.isEmpty() && serving) {
      handle(waiting.poll());
    }
  }

  private void resubmit(Object item) {
    if (item instanceof PendingBatch.Write w) {
      Connection c = w.connection();
      if (c == null || c.isClosed()) {
        if (w.request() != null) {
          state.outbox.finish(w.request());
        }
        return;
      }
      switch (w.origin()) {
        case CLIENT -> dispatcher.write(w.request(), c, w.header().type(), w.body());
        case CLOSE_BY_CLIENT -> dispatcher.closeSession(w.request(), c);
        case CREATE_SESSION -> handshake.relog(w.handshake());
        case MALFORMED -> dispatcher.malformedMulti(w.request(), c);
        default -> throw new IllegalStateException("not re-submitted: " + w.origin());
      }
    } else if (item instanceof PendingBatch.Held h) {
      dispatcher.redispatch(h);
    } else if (item instanceof LearnerCommit.PendingSync s) {
      if (s.request().connection().isClosed()) {
        state.outbox.finish(s.request());
      } else if (learner != null) {
        learner.sync(s.request(), s.path());
      } else {
        state.outbox.answer(
            s.request(),
            new io.paddock.client.protocol.ReplyHeader(
                s.request().xid(), state.lastProcessedZxid(), 0),
            new io.paddock.client.protocol.SyncResponse(s.path()));
      }
    } else if (item instanceof Runnable r) {
      r.run();
    } else {
      throw new IllegalStateException("unknown unanswered item " + item);
    }
  }

  FourLetterRunner fourLetter() {
    return fourLetter;
  }

  /** A client event, in arrival order; waits while paused or behind the leader's shut gate. */
  void handle(CoreEvent event) {
    if (event instanceof CoreEvent.FourLetter f && !serving) {
      f.result().complete(Pipeline.notServing(f.command()));
    } else if (event instanceof CoreEvent.Barrier b) {
      barriers.add(b.done());
    } else if (!serving) {
      if (waiting.size() >= CoreLimits.EVENT_QUEUE_CAPACITY) {
        StateLoop.reject(event, state.stats);
      } else {
        waiting.add(event);
      }
    } else if (commit.isGateClosed() && !(event instanceof CoreEvent.FourLetter)) {
      commit.park(() -> dispatch(event), true);
    } else {
      dispatch(event);
    }
  }

  private void dispatch(CoreEvent event) {
    if (event instanceof CoreEvent.Packet p) {
      if (learner != null && p.header().type() == io.paddock.store.model.OpCode.SYNC) {
        dispatcher.onLearnerSync(p, learner);
      } else {
        dispatcher.onPacket(p);
      }
    } else if (event instanceof CoreEvent.Connect c) {
      handshake.onConnect(c);
    } else if (event instanceof CoreEvent.BadPacket b) {
      dispatcher.onBadPacket(b);
    } else if (event instanceof CoreEvent.Disconnect d) {
      dispatcher.onDisconnect(d);
    } else if (event instanceof CoreEvent.FourLetter f) {
      try {
        f.result().complete(fourLetter.run(f.command()));
      } catch (RuntimeException e) {
        f.result().completeExceptionally(e);
      }
    } else {
      throw new IllegalStateException("not a client event: " + event);
    }
  }

  /**
   * A payload from the other side: a learner's request on the leader, a sync's answer on a learner.
   */
  void onForwarded(long fromId, Forwarded f) {
    if (leader == null || !serving) {
      if (f instanceof Forwarded.SyncDone done && learner != null) {
        learner.onSyncDone(done);
      } else {
        LOG.debug("Ignored a forwarded {} from {}", f.getClass().getSimpleName(), fromId);
      }
      return;
    }
    if (commit.isGateClosed()) {
      commit.park(() -> forwarded(fromId, f), false);
    } else {
      forwarded(fromId, f);
    }
  }

  private void forwarded(long learnerId, Forwarded f) {
    if (f instanceof Forwarded.ClientWrite w) {
      dispatcher.forwardedWrite(w.sessionId(), w.ids(), w.xid(), w.op(), w.body());
    } else if (f instanceof Forwarded.CreateSession s) {
      dispatcher.forwardedCreateSession(s.sessionId(), s.timeoutMs());
    } else if (f instanceof Forwarded.MalformedMulti m) {
      dispatcher.forwardedMalformedMulti(m.sessionId(), m.xid());
    } else if (f instanceof Forwarded.Sync s) {
      // Everything proposed before the sync reaches the learner before this answer (one ordered
      // channel); the learner answers its client once it applied up to here.
      zab.toLearner(
          learnerId,
          new Forwarded.SyncDone(s.sessionId(), s.xid(), state.lastAssignedZxid()).encode());
    } else {
      LOG.warn("The leader got a {} from {}; ignored", f.getClass().getSimpleName(), learnerId);
    }
  }

  /** ZAB committed a txn this member logged and synced. */
  void onCommitted(DecodedTxn committed) {
    if (leader != null) {
      leader.onCommitted(committed);
    } else {
      learner.onCommitted(committed);
    }
  }

  /** Learner: the sessions its clients touched since the last ping, reported to the leader. */
  List<ZabMessage.SessionTouch> touches() {
    List<ZabMessage.SessionTouch> out = new ArrayList<>();
    for (long id : state.sessions.drainTouched()) {
      if (state.sessions.isActive(id)) {
        out.add(new ZabMessage.SessionTouch(id, state.sessions.timeoutOf(id)));
      }
    }
    return out;
  }

  /** Leader: a learner's clients touched these sessions. */
  void onTouches(List<ZabMessage.SessionTouch> touches) {
    long now = state.clock.monotonicMs();
    for (ZabMessage.SessionTouch t : touches) {
      if (state.sessions.isKnown(t.sessionId())) {
        if (state.sessions.timeoutOf(t.sessionId()) != t.timeoutMs()) {
          state.sessions.setTimeout(t.sessionId(), t.timeoutMs(), now); // renegotiated there
        } else {
          state.sessions.touch(t.sessionId(), now);
        }
      }
    }
  }

  /** The end of a round: timed work (only while serving). */
  void endOfRound() {
    if (serving) {
      housekeeping.run();
    }
  }

  /** After the peer flushed: replies leave, barriers complete. */
  void afterFlush() {
    state.outbox.flushTouched();
    barriers.forEach(b -> b.complete(null));
    barriers.clear();
  }

  long msUntilDue() {
    return serving ? housekeeping.msUntilDue() : CoreLimits.IDLE_POLL_MS_MAX;
  }

  /** The member gives its clients up: nothing pending is answered; every connection closes. */
  void abandon() {
    if (leader != null) {
      leader.abandon();
    } else {
      learner.abandon();
    }
    for (CoreEvent e : waiting) {
      StateLoop.reject(e, state.stats);
    }
    waiting.clear();
    for (Connection c : new ArrayList<>(state.connections())) {
      state.outbox.close(c);
      state.removeConnection(c);
    }
    state.outbox.flushTouched();
    barriers.forEach(b -> b.complete(null));
    barriers.clear();
  }

  @Override
  public String toString() {
    return modeName(kind) + " of epoch " + epoch + (serving ? "" : " (paused)");
  }
}
