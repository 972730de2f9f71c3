package io.paddock.server.zab;

import io.paddock.server.zab.ZabMessage.AckEpoch;
import io.paddock.server.zab.ZabMessage.FollowerInfo;
import io.paddock.server.zab.ZabMessage.Forward;
import io.paddock.server.zab.ZabMessage.Notification;
import io.paddock.server.zab.ZabMessage.Ping;
import java.util.Objects;
import java.util.Random;

/**
 * One ZAB peer as a pure, single-threaded state machine (DESIGN.md section 2): fast leader
 * election, discovery, synchronization and broadcast, driven by {@link #tick()}, {@link #step},
 * {@link #propose} and {@link #disconnected}, with every effect going through the {@link
 * ReplicaStore}, {@link ZabTransport} and {@link PeerListener} seams. No I/O, no clock, no threads.
 *
 * <p>Group commit: the driver calls the inputs for a batch of events, then {@link #flush()} once;
 * the flush does one {@link ReplicaStore#sync()} and then sends the acks, commits and applies that
 * waited for durability. A broken invariant throws {@link IllegalStateException}: the peer must
 * then be stopped, never resumed.
 */
public final class ZabPeer {

  private final long myId;
  private final QuorumSpec quorum;
  private final PeerTiming timing;
  private final ReplicaLog log;
  private final ZabTransport transport;
  private final PeerListener listener;
  private final FastElection election;
  private ServerState state = ServerState.LOOKING;
  private long leaderId = -1;
  private Vote currentVote;
  private LeaderRole leader;
  private LearnerRole learner;
  private boolean started;
  private boolean stopped;
  private long protocolErrors;
  private final long[] syncsByKind = new long[SyncPlan.Kind.values().length];

  /**
   * A peer over its store; call {@link #start()} to begin.
   *
   * @param myId this server's id; a voter or an observer of {@code quorum}
   * @param random the seeded random source (reserved for randomized timeouts; the peer is
   *     deterministic given its inputs)
   */
  public ZabPeer(
      long myId,
      QuorumSpec quorum,
      PeerTiming timing,
      ReplicaStore store,
      ZabTransport transport,
      PeerListener listener,
      Random random) {
    this.myId = myId;
    this.quorum = Objects.requireNonNull(quorum, "quorum");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.log = new ReplicaLog(Objects.requireNonNull(store, "store"));
    this.transport = Objects.requireNonNull(transport, "transport");
    this.listener = Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(random, "random");
    if (!quorum.isMember(myId)) {
      throw new IllegalArgumentException("server " + myId + " is not a member of " + quorum);
    }
    this.election = new FastElection(myId, quorum, timing, transport);
  }

  /** Begins: the peer looks for a leader (an observer looks for the standing leader). */
  public void start() {
    if (started || stopped) {
      return;
    }
    started = true;
    goLooking("started");
  }

  /** One peer tick of time: resends, timeouts, pings. */
  public void tick() {
    if (!running()) {
      return;
    }
    if (state == ServerState.LOOKING) {
      decide(election.tick());
    } else if (leader != null) {
      leader.tick();
    } else if (learner != null) {
      learner.tick();
    }
  }

  /** A message from peer {@code fromId}. */
  public void step(long fromId, ZabMessage m) {
    if (!running() || !quorum.isMember(fromId) || fromId == myId) {
      return;
    }
    if (m instanceof Notification n) {
      onNotification(fromId, n.vote());
    } else if (leader != null) {
      onLeaderMessage(fromId, m);
    } else if (learner != null && fromId == learner.leaderId()) {
      learner.onMessage(m);
    }
  }

  private void onLeaderMessage(long fromId, ZabMessage m) {
    leader.onHeard(fromId);
    if (m instanceof FollowerInfo fi) {
      leader.onFollowerInfo(fromId, fi);
    } else if (m instanceof AckEpoch ae) {
      leader.onAckEpoch(fromId, ae);
    } else if (m instanceof ZabMessage.Ack a) {
      leader.onAck(fromId, a.zxid());
    } else if (m instanceof Ping p) {
      leader.onPing(fromId, p);
    } else if (m instanceof Forward f) {
      leader.onForward(fromId, f);
    } else {
      protocolError(fromId, "unexpected " + m.getClass().getSimpleName() + " at the leader");
      leader.disconnected(fromId);
      transport.disconnect(fromId);
    }
  }

  private void onNotification(long fromId, Vote v) {
    if (state == ServerState.LOOKING) {
      decide(election.onNotification(fromId, v));
    } else if (v.state() == ServerState.LOOKING && quorum.isVoter(myId) && currentVote != null) {
      // Tell a looking peer who leads, so a restarted or late member joins it.
      transport.send(fromId, new Notification(myId, currentVote.withState(state)));
    }
  }

  /** The transport lost its connection to {@code peerId}. */
  public void disconnected(long peerId) {
    if (!running()) {
      return;
    }
    if (leader != null) {
      leader.disconnected(peerId);
    } else if (learner != null && peerId == learner.leaderId()) {
      goLooking("connection to leader " + peerId + " lost");
    }
  }

  /** True when this peer leads in BROADCAST and may {@link #propose}. */
  public boolean canPropose() {
    return running() && leader != null && leader.canPropose();
  }

  /**
   * Leader: orders {@code txn} as the next zxid, appends it (durable at the next {@link #flush()})
   * and sends the proposal to the followers.
   *
   * @return the zxid assigned
   * @throws IllegalStateException when this peer cannot propose; when the epoch's zxid counter is
   *     exhausted the peer also starts a new election
   */
  public long propose(byte[] txn) {
    Objects.requireNonNull(txn, "txn");
    if (!running() || leader == null) {
      throw new IllegalStateException("peer " + myId + " is not leading (" + state + ")");
    }
    return leader.propose(txn);
  }

  /**
   * One {@link ReplicaStore#sync()} for everything appended since the last flush, then the
   * NEWLEADER and proposal acks, commits and applies that waited for it.
   */
  public void flush() {
    if (!running()) {
      return;
    }
    if (log.hasUnsynced()) {
      log.sync();
    }
    if (leader != null) {
      leader.afterSync();
    } else if (learner != null) {
      learner.afterSync();
    }
  }

  /**
   * Learner in BROADCAST: sends an application payload to the leader, ordered with the protocol
   * messages; false (nothing sent) otherwise.
   */
  public boolean forwardToLeader(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return running() && learner != null && learner.forward(payload);
  }

  /** Leader: sends an application payload to a learner in BROADCAST; false if not connected. */
  public boolean sendToLearner(long learnerId, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return running() && leader != null && leader.sendToLearner(learnerId, payload);
  }

  /** The peer's externally visible state. */
  public PeerStatus status() {
    ReplicaStore store = log.store();
    return new PeerStatus(
        myId,
        state,
        phase(),
        leaderId,
        store.currentEpoch(),
        store.lastLoggedZxid(),
        store.lastAppliedZxid(),
        leader == null ? 0 : leader.learnerCount(),
        leader == null ? 0 : leader.syncedFollowers(),
        leader == null ? 0 : leader.syncedObservers(),
        leader == null ? 0 : leader.pendingSyncs(),
        leader == null ? 0 : leader.outstandingCount());
  }

  /** Stops the peer and drops its connections; every later call is ignored. */
  public void shutdown() {
    if (stopped) {
      return;
    }
    if (leader != null) {
      leader.abandon();
    } else if (learner != null) {
      transport.disconnect(learner.leaderId());
    }
    leader = null;
    learner = null;
    stopped = true;
  }

  /** How many protocol errors (messages illegal in the receiver's state) this peer has seen. */
  public long protocolErrors() {
    return protocolErrors;
  }

  /** True between {@link #start()} and {@link #shutdown()}. */
  public boolean isRunning() {
    return running();
  }

  // ---- package-private, for the roles and tests ----

  long myId() {
    return myId;
  }

  QuorumSpec quorum() {
    return quorum;
  }

  PeerListener listener() {
    return listener;
  }

  /** How many learners this peer synced (as leader) by {@code kind}. */
  long syncs(SyncPlan.Kind kind) {
    return syncsByKind[kind.ordinal()];
  }

  LeaderRole leaderRole() {
    return leader;
  }

  void syncChosen(long learnerId, SyncPlan.Kind kind) {
    syncsByKind[kind.ordinal()]++;
  }

  void protocolError(long fromId, String what) {
    protocolErrors++;
  }

  void transitioned(String reason) {
    listener.onTransition(status(), reason);
  }

  /** Back to election: drop every in-memory protocol state, keep the store. */
  void goLooking(String reason) {
    if (leader != null) {
      leader.abandon();
    } else if (learner != null) {
      transport.disconnect(learner.leaderId());
    }
    leader = null;
    learner = null;
    state = ServerState.LOOKING;
    leaderId = -1;
    currentVote = null;
    transitioned(reason);
    ReplicaStore store = log.store();
    decide(election.begin(store.currentEpoch(), store.lastLoggedZxid()));
  }

  private void decide(FastElection.Decision d) {
    if (d == null || state != ServerState.LOOKING) {
      return;
    }
    Vote v = d.vote();
    leaderId = v.proposedLeader();
    String why = "elected " + leaderId + " in round " + v.electionEpoch();
    if (leaderId == myId) {
      state = ServerState.LEADING;
      currentVote = v.withState(ServerState.LEADING);
      leader = new LeaderRole(this, log, timing, transport);
      transitioned(why);
      leader.start();
    } else {
      state = quorum.isObserver(myId) ? ServerState.OBSERVING : ServerState.FOLLOWING;
      currentVote = v.withState(state);
      learner = new LearnerRole(this, leaderId, log, timing, transport);
      transitioned(why);
      learner.start();
    }
  }

  private Phase phase() {
    if (leader != null) {
      return leader.phase();
    }
    if (learner != null) {
      return learner.phase();
    }
    return Phase.ELECTION;
  }

  private boolean running() {
    return started && !stopped;
  }
}
