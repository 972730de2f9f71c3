package io.paddock.server.core;

import io.paddock.server.zab.PeerStatus;
import io.paddock.server.zab.ServerState;
import io.paddock.server.zab.ZabMessage;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Zxid;
import io.paddock.store.txn.DecodedTxn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ensemble member's request pipeline while its peer is in BROADCAST: the standalone stages
 * (handshake, dispatch, apply, housekeeping, four-letter words) over this member's database, with
 * the commit stage of its role — {@link LeaderCommit} on the leader, {@link LearnerCommit} on a
 * follower or observer. Built when the peer starts serving, dropped (every client connection
 * closed, as ZooKeeper does) when it stops; sessions live on in the replicated tree.
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
  final ServerState kind;
  final long epoch;
  private final Zab zab;
  private final CommitStage commit;
  private final LeaderCommit leader;
  private final LearnerCommit learner;
  private final Handshake handshake;
  private final Dispatcher dispatcher;
  private final Housekeeping housekeeping;
  private final FourLetterRunner fourLetter;
  private final List<CompletableFuture<Void>> barriers = new ArrayList<>();

  MemberRole(
      CoreState state, PeerStatus status, Zab zab, Supplier<PeerStatus> peerStatus, String host) {
    this.state = state;
    this.kind = status.state();
    this.epoch = status.currentEpoch();
    this.zab = zab;
    state.mode = modeName(kind);
    state.peerStatus = peerStatus;
    Applier applier = new Applier(state, p -> handshake().sessionCreated(p));
    if (kind == ServerState.LEADING) {
      leader = new LeaderCommit(state, applier, h -> dispatcher().runHeld(h), zab);
      learner = null;
      commit = leader;
      state.resetNextZxid(Math.max(Zxid.make(epoch, 1), state.db.lastLoggedZxid() + 1));
    } else {
      learner = new LearnerCommit(state, applier, h -> dispatcher().runHeld(h), zab::toLeader);
      state.sessions.recordTouches(true);
      leader = null;
      commit = learner;
    }
    this.handshake = new Handshake(state, commit);
    this.dispatcher = new Dispatcher(state, commit);
    this.housekeeping = new Housekeeping(state, commit, kind == ServerState.LEADING);
    this.fourLetter = new FourLetterRunner(state, host);
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

  private Dispatcher dispatcher() {
    return dispatcher;
  }

  FourLetterRunner fourLetter() {
    return fourLetter;
  }

  /**
   * A client event, in arrival order; parked behind earlier work when the leader's gate is shut.
   */
  void handle(CoreEvent event) {
    if (commit.isGateClosed() && !(event instanceof CoreEvent.FourLetter)) {
      commit.park(() -> dispatch(event));
    } else {
      dispatch(event);
    }
  }

  private void dispatch(CoreEvent event) {
    if (event instanceof CoreEvent.Packet p) {
      if (learner != null && p.header().type() == OpCode.SYNC) {
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
    } else if (event instanceof CoreEvent.Barrier b) {
      barriers.add(b.done());
    } else {
      throw new IllegalStateException("not a client event: " + event);
    }
  }

  /** Leader: a learner's payload, in order with the learner's other messages. */
  void onForwarded(long learnerId, Forwarded f) {
    if (leader == null) {
      if (f instanceof Forwarded.SyncDone done) {
        learner.onSyncDone(done);
      } else {
        LOG.warn(
            "A learner got a forwarded {} from {}; ignored",
            f.getClass().getSimpleName(),
            learnerId);
      }
      return;
    }
    if (commit.isGateClosed()) {
      commit.park(() -> forwarded(learnerId, f));
    } else {
      forwarded(learnerId, f);
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

  /** The end of a round: timed work, then the replies of the round leave. */
  void endOfRound() {
    housekeeping.run();
  }

  /** After the peer flushed: replies leave, barriers complete. */
  void afterFlush() {
    state.outbox.flushTouched();
    barriers.forEach(b -> b.complete(null));
    barriers.clear();
  }

  long msUntilDue() {
    return housekeeping.msUntilDue();
  }

  /** The peer left BROADCAST: nothing pending is answered; every client connection closes. */
  void abandon() {
    if (leader != null) {
      leader.abandon();
    } else {
      learner.abandon();
    }
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
    return modeName(kind) + " of epoch " + epoch;
  }
}
