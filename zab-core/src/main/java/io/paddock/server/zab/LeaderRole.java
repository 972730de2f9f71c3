package io.paddock.server.zab;

import io.paddock.server.zab.LearnerHandler.Stage;
import io.paddock.server.zab.ZabMessage.Commit;
import io.paddock.server.zab.ZabMessage.Diff;
import io.paddock.server.zab.ZabMessage.FollowerInfo;
import io.paddock.server.zab.ZabMessage.Forward;
import io.paddock.server.zab.ZabMessage.Inform;
import io.paddock.server.zab.ZabMessage.LeaderInfo;
import io.paddock.server.zab.ZabMessage.NewLeader;
import io.paddock.server.zab.ZabMessage.Ping;
import io.paddock.server.zab.ZabMessage.Proposal;
import io.paddock.server.zab.ZabMessage.Snap;
import io.paddock.server.zab.ZabMessage.Trunc;
import io.paddock.server.zab.ZabMessage.UpToDate;
import io.paddock.store.model.Zxid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leader side of discovery, synchronization and broadcast for one term of leadership. Any
 * failure to keep a quorum sends the peer back to election through {@link ZabPeer}.
 */
final class LeaderRole {

  private final ZabPeer peer;
  private final long myId;
  private final QuorumSpec quorum;
  private final PeerTiming timing;
  private final ReplicaLog log;
  private final ZabTransport transport;
  private final SyncPlanner planner;
  private final LearnerHandlers handlers;
  private final ProposalQueue outstanding;
  private final Set<Long> epochConnected = new HashSet<>();
  private final Set<Long> epochAckers = new HashSet<>();
  private final Set<Long> newLeaderAckers = new HashSet<>();
  private long maxAcceptedEpoch;
  private long newEpoch = -1;
  private boolean established;
  private long historyEnd = -1;
  private long lastProposed;
  private long counterMax = Zxid.COUNTER_MAX;
  private int phaseTicks;
  private int pingTicks;
  private Phase phase = Phase.DISCOVERY;

  LeaderRole(ZabPeer peer, ReplicaLog log, PeerTiming timing, ZabTransport transport) {
    this.peer = peer;
    this.myId = peer.myId();
    this.quorum = peer.quorum();
    this.timing = timing;
    this.log = log;
    this.transport = transport;
    this.planner = new SyncPlanner(log.store());
    this.outstanding = new ProposalQueue(quorum);
    this.handlers = new LearnerHandlers(transport, timing);
  }

  Phase phase() {
    return phase;
  }

  void start() {
    maxAcceptedEpoch = log.store().acceptedEpoch();
    epochConnected.add(myId);
    maybeFixEpoch();
  }

  boolean canPropose() {
    return phase == Phase.BROADCAST && Zxid.counter(lastProposed) < counterMax;
  }

  void lowerCounterMax(long max) {
    counterMax = max;
  }

  // ---- discovery ----

  void onFollowerInfo(long from, FollowerInfo fi) {
    if (fi.serverId() != from
        || !quorum.isMember(from)
        || fi.isObserver() != quorum.isObserver(from)) {
      transport.disconnect(from);
      return;
    }
    LearnerHandler h = handlers.get(from);
    if (h != null && h.stage == Stage.INFO_RECEIVED) {
      return; // a re-sent FOLLOWERINFO; LEADERINFO goes out once the epoch is fixed
    }
    if (h != null && h.stage == Stage.EPOCH_SENT) {
      // Re-sent, or a new session whose old one we never saw close: answer again (a learner
      // takes only the first LEADERINFO of a session).
      transport.send(from, new LeaderInfo(newEpoch));
      return;
    }
    if (newEpoch >= 0 && quorum.isVoter(from) && fi.acceptedEpoch() > newEpoch) {
      // The voter accepted a higher epoch from a leader that never got established; it refuses
      // ours, so it could never join. Re-elect: the next epoch is above what it accepted.
      peer.goLooking(
          "voter " + from + " accepted epoch " + fi.acceptedEpoch() + " above ours " + newEpoch);
      return;
    }
    h = new LearnerHandler(from, fi.isObserver(), fi.acceptedEpoch(), fi.lastZxid());
    handlers.put(h);
    if (newEpoch < 0) {
      if (quorum.isVoter(from)) {
        maxAcceptedEpoch = Math.max(maxAcceptedEpoch, fi.acceptedEpoch());
        epochConnected.add(from);
      }
      maybeFixEpoch();
    } else {
      h.stage = Stage.EPOCH_SENT;
      transport.send(from, new LeaderInfo(newEpoch));
    }
  }

  private void maybeFixEpoch() {
    if (newEpoch >= 0 || !quorum.isQuorum(epochConnected)) {
      return;
    }
    // newEpoch = max accepted over a quorum + 1; our own acceptedEpoch first, durably.
    newEpoch = maxAcceptedEpoch + 1;
    if (newEpoch > Zxid.EPOCH_MAX) {
      throw new IllegalStateException("epoch space exhausted");
    }
    log.store().writeAcceptedEpoch(newEpoch);
    epochAckers.add(myId);
    for (LearnerHandler h : handlers.all()) {
      h.stage = Stage.EPOCH_SENT;
      transport.send(h.id, new LeaderInfo(newEpoch));
    }
    maybeEstablish();
  }

  void onAckEpoch(long from, ZabMessage.AckEpoch ack) {
    LearnerHandler h = handlers.get(from);
    if (h == null || h.stage != Stage.EPOCH_SENT) {
      protocolError(from, "unexpected ACKEPOCH");
      return;
    }
    h.lastZxid = ack.lastZxid();
    h.stage = Stage.EPOCH_ACKED;
    if (!established && !h.observer && ack.currentEpoch() >= 0) {
      // A learner more recent than us means we must not lead: back to election.
      if (Vote.compareCandidates(
              ack.currentEpoch(),
              ack.lastZxid(),
              0,
              log.store().currentEpoch(),
              log.lastLogged(),
              0)
          > 0) {
        peer.goLooking("learner " + from + " is more recent than this leader");
        return;
      }
      epochAckers.add(from);
    }
    if (established) {
      startSync(h);
    } else {
      maybeEstablish();
    }
  }

  private void maybeEstablish() {
    if (established || !quorum.isQuorum(epochAckers)) {
      return;
    }
    // A quorum accepted newEpoch: it is ours. Sync every learner that acked it.
    established = true;
    historyEnd = log.lastLogged();
    log.resetCommitPoint();
    phase = Phase.SYNCHRONIZATION;
    phaseTicksReset();
    peer.transitioned("epoch " + newEpoch + " acknowledged by a quorum " + epochAckers);
    for (LearnerHandler h : handlers.all()) {
      if (h.stage == Stage.EPOCH_ACKED) {
        startSync(h);
      }
    }
    maybeSelfAckNewLeader();
  }

  private void phaseTicksReset() {
    phaseTicks = 0;
  }

  // ---- synchronization ----

  private void startSync(LearnerHandler h) {
    SyncPlan plan = planner.plan(h.lastZxid);
    switch (plan.kind()) {
      case DIFF -> transport.send(h.id, new Diff(plan.point()));
      case TRUNC -> transport.send(h.id, new Trunc(plan.point()));
      case SNAP -> transport.send(h.id, new Snap(plan.point(), plan.snapshot()));
    }
    for (LogEntry e : plan.entries()) {
      transport.send(h.id, new Proposal(e.zxid(), e.txn()));
    }
    long committed = Math.min(log.commitPoint(), plan.end());
    if (committed > 0) {
      transport.send(h.id, new Commit(committed));
    }
    transport.send(h.id, new NewLeader(Zxid.make(newEpoch, 0)));
    h.syncEnd = plan.end();
    h.stage = Stage.SYNCING;
    h.silentTicks = 0;
    peer.syncChosen(h.id, plan.kind());
  }

  void onAck(long from, long zxid) {
    LearnerHandler h = handlers.get(from);
    if (h == null || !h.streaming()) {
      protocolError(from, "ACK before sync");
      return;
    }
    if (h.stage == Stage.SYNCING) {
      if (zxid != Zxid.make(newEpoch, 0)) {
        protocolError(from, "expected the NEWLEADER ack, got 0x" + Long.toHexString(zxid));
        return;
      }
      h.stage = Stage.SYNCED;
      h.ackedZxid = h.syncEnd;
      if (phase == Phase.SYNCHRONIZATION) {
        if (!h.observer) {
          newLeaderAckers.add(from);
        }
        maybeBroadcast();
      } else {
        sendUpToDate(h);
        countAcks(h);
      }
      return;
    }
    if (h.observer || zxid > log.lastLogged()) {
      protocolError(from, "ACK of unknown zxid 0x" + Long.toHexString(zxid));
      return;
    }
    h.ackedZxid = Math.max(h.ackedZxid, zxid);
    countAcks(h);
  }

  private void maybeSelfAckNewLeader() {
    if (phase == Phase.SYNCHRONIZATION && log.synced() >= historyEnd) {
      newLeaderAckers.add(myId);
      maybeBroadcast();
    }
  }

  private void maybeBroadcast() {
    // The leader's own ack (its history durable) is always part of the quorum: it is about to
    // commit that history.
    if (phase != Phase.SYNCHRONIZATION
        || !newLeaderAckers.contains(myId)
        || !quorum.isQuorum(newLeaderAckers)) {
      return;
    }
    // ZAB: currentEpoch only after our own log is durable (self ack needs a sync), then commit the
    // whole history and let the synced learners serve.
    if (log.synced() < historyEnd) {
      throw new IllegalStateException("leader history not durable at NEWLEADER quorum");
    }
    log.store().writeCurrentEpoch(newEpoch);
    log.commitUpTo(historyEnd);
    log.applyCommitted();
    lastProposed = Zxid.make(newEpoch, 0);
    phase = Phase.BROADCAST;
    phaseTicksReset();
    peer.transitioned("NEWLEADER acknowledged by a quorum " + newLeaderAckers);
    for (LearnerHandler h : handlers.all()) {
      if (h.stage == Stage.SYNCED) {
        sendUpToDate(h);
      }
    }
  }

  private void sendUpToDate(LearnerHandler h) {
    if (log.commitPoint() > 0) {
      transport.send(h.id, new Commit(log.commitPoint()));
    }
    transport.send(h.id, new UpToDate());
    h.stage = Stage.BROADCAST;
  }

  // ---- broadcast ----

  long propose(byte[] txn) {
    if (phase != Phase.BROADCAST || !established) {
      throw new IllegalStateException("not a leader in broadcast (phase " + phase + ")");
    }
    if (Zxid.counter(lastProposed) >= counterMax) {
      peer.goLooking("zxid counter exhausted in epoch " + newEpoch);
      throw new IllegalStateException("zxid counter exhausted; a new election starts");
    }
    long zxid = lastProposed + 1;
    if (Zxid.epoch(zxid) != newEpoch || Zxid.epoch(zxid) != log.store().currentEpoch()) {
      throw new IllegalStateException("proposal outside the established epoch " + newEpoch);
    }
    log.append(zxid, txn);
    lastProposed = zxid;
    outstanding.add(zxid, txn);
    Proposal msg = new Proposal(zxid, txn);
    for (LearnerHandler h : handlers.all()) {
      if (!h.observer && h.streaming()) {
        transport.send(h.id, msg);
      }
    }
    return zxid;
  }

  void afterSync() {
    if (phase == Phase.SYNCHRONIZATION) {
      maybeSelfAckNewLeader();
      return;
    }
    outstanding.ackUpTo(myId, log.synced());
    commitReady();
    log.applyCommitted();
  }

  private void countAcks(LearnerHandler h) {
    if (h.observer) {
      return;
    }
    outstanding.ackUpTo(h.id, h.ackedZxid);
    commitReady();
    log.applyCommitted();
  }

  /**
   * Commits in zxid order every head proposal a quorum of voters acked. Followers get one COMMIT
   * for the last of them (a learner commits everything it logged up to a COMMIT's zxid, and it
   * logged them all: the proposals went first on the same FIFO channel), so a batch of acks costs
   * one message per follower instead of one per txn; observers get an INFORM per txn, which carries
   * the txn.
   */
  private void commitReady() {
    List<ProposalQueue.Pending> ready = outstanding.takeCommittable();
    if (ready.isEmpty()) {
      return;
    }
    for (ProposalQueue.Pending p : ready) {
      if (p.zxid <= log.commitPoint()) {
        throw new IllegalStateException("commit out of order: 0x" + Long.toHexString(p.zxid));
      }
      log.commitUpTo(p.zxid);
    }
    Commit commit = new Commit(ready.get(ready.size() - 1).zxid);
    for (LearnerHandler h : handlers.all()) {
      if (!h.streaming()) {
        continue;
      }
      if (!h.observer) {
        transport.send(h.id, commit);
        continue;
      }
      for (ProposalQueue.Pending p : ready) {
        transport.send(h.id, new Inform(p.zxid, p.txn));
      }
    }
  }

  // ---- liveness ----

  void onHeard(long from) {
    LearnerHandler h = handlers.get(from);
    if (h != null) {
      h.silentTicks = 0;
    }
  }

  void onPing(long from, Ping ping) {
    if (handlers.get(from) != null && !ping.touches().isEmpty()) {
      peer.listener().onTouches(from, ping.touches());
    }
  }

  void onForward(long from, Forward f) {
    LearnerHandler h = handlers.get(from);
    if (h != null && h.stage == Stage.BROADCAST) {
      peer.listener().onForward(from, f.payload());
    }
  }

  boolean sendToLearner(long learnerId, byte[] payload) {
    LearnerHandler h = handlers.get(learnerId);
    if (h == null || h.stage != Stage.BROADCAST) {
      return false;
    }
    transport.send(learnerId, new Forward(payload));
    return true;
  }

  void disconnected(long peerId) {
    handlers.remove(peerId);
  }

  void tick() {
    phaseTicks++;
    if (phase != Phase.BROADCAST) {
      if (phaseTicks > timing.initTicks()) {
        peer.goLooking("discovery and synchronization did not finish within initTicks");
        return;
      }
    }
    if (++pingTicks >= timing.pingTicks()) {
      pingTicks = 0;
      handlers.pingAll();
    }
    Set<Long> alive = handlers.expireSilent();
    alive.add(myId);
    if (phase == Phase.BROADCAST && !quorum.isQuorum(alive)) {
      peer.goLooking("leader lost its quorum of synced followers");
    }
  }

  void abandon() {
    handlers.dropAll();
    outstanding.clear();
  }

  long epoch() {
    return newEpoch;
  }

  int learnerCount() {
    return handlers.count();
  }

  int syncedFollowers() {
    return handlers.inBroadcast(false);
  }

  int syncedObservers() {
    return handlers.inBroadcast(true);
  }

  int pendingSyncs() {
    return handlers.syncing();
  }

  int outstandingCount() {
    return outstanding.size();
  }

  private void protocolError(long from, String what) {
    handlers.remove(from);
    transport.disconnect(from);
    peer.protocolError(from, what);
  }
}
