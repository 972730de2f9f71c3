package io.paddock.server.zab;

import io.paddock.server.zab.ZabMessage.Ack;
import io.paddock.server.zab.ZabMessage.AckEpoch;
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

/**
 * The learner side (follower or observer) of discovery, synchronization and broadcast with one
 * leader. The ordering rules that ZooKeeper broke (ZOOKEEPER-3911, 4643, 4646, 4785, 3104, 3642)
 * hold by construction: everything the sync logged is synced before currentEpoch is written, and
 * currentEpoch is written before NEWLEADER is acknowledged; proposal acks go out only after the
 * sync that made them durable, and after the NEWLEADER ack.
 */
final class LearnerRole {

  private final ZabPeer peer;
  private final long leaderId;
  private final boolean observer;
  private final PeerTiming timing;
  private final ReplicaLog log;
  private final ZabTransport transport;
  private Phase phase = Phase.DISCOVERY;
  private long epoch = -1;
  private boolean syncStarted;
  private String syncKind = "none";
  private long pendingNewLeader = -1;
  private boolean newLeaderAcked;
  private long pendingAckZxid = -1;
  private int phaseTicks;
  private int silentTicks;
  private int resendTicks;

  LearnerRole(
      ZabPeer peer, long leaderId, ReplicaLog log, PeerTiming timing, ZabTransport transport) {
    this.peer = peer;
    this.leaderId = leaderId;
    this.observer = peer.quorum().isObserver(peer.myId());
    this.timing = timing;
    this.log = log;
    this.transport = transport;
  }

  long leaderId() {
    return leaderId;
  }

  Phase phase() {
    return phase;
  }

  void start() {
    log.resetCommitPoint();
    sendInfo();
  }

  private void sendInfo() {
    transport.send(
        leaderId,
        new FollowerInfo(log.store().acceptedEpoch(), log.lastLogged(), peer.myId(), observer));
  }

  /** A message from the leader (the caller checked the sender). */
  void onMessage(ZabMessage m) {
    silentTicks = 0;
    if (m instanceof Ping) {
      transport.send(leaderId, new Ping(peer.listener().takeTouches()));
    } else if (m instanceof LeaderInfo li) {
      onLeaderInfo(li);
    } else if (phase == Phase.DISCOVERY) {
      return; // left over from an earlier session with this leader: FIFO puts it before LEADERINFO
    } else if (m instanceof Diff d) {
      onSyncStart(d.zxid() == log.lastLogged(), "DIFF");
    } else if (m instanceof Trunc t) {
      if (onSyncStart(true, "TRUNC")) {
        log.truncateAfter(t.zxid());
      }
    } else if (m instanceof Snap s) {
      if (onSyncStart(true, "SNAP")) {
        log.installSnapshot(s.zxid(), s.snapshot());
      }
    } else if (m instanceof Proposal p) {
      onProposal(p);
    } else if (m instanceof Commit c) {
      onCommit(c.zxid());
    } else if (m instanceof Inform i) {
      onInform(i);
    } else if (m instanceof NewLeader nl) {
      onNewLeader(nl);
    } else if (m instanceof UpToDate) {
      onUpToDate();
    } else if (m instanceof Forward f) {
      if (phase == Phase.BROADCAST) {
        peer.listener().onForward(leaderId, f.payload());
      }
    } else {
      protocolError("unexpected " + m.getClass().getSimpleName());
    }
  }

  private void onLeaderInfo(LeaderInfo li) {
    if (phase != Phase.DISCOVERY || epoch >= 0) {
      return; // a duplicate answer to a re-sent FOLLOWERINFO
    }
    long accepted = log.store().acceptedEpoch();
    long current = log.store().currentEpoch();
    if (!observer && li.newEpoch() < accepted) {
      peer.goLooking("refused LEADERINFO epoch " + li.newEpoch() + " below accepted " + accepted);
      transport.disconnect(leaderId);
      return;
    }
    epoch = li.newEpoch();
    long ackedEpoch = current;
    if (li.newEpoch() > accepted || observer && li.newEpoch() != accepted) {
      // Durable before ACKEPOCH. An observer never votes, so it follows any epoch it is given.
      log.store().writeAcceptedEpoch(li.newEpoch());
    } else if (!observer) {
      ackedEpoch = -1; // already accepted this epoch: does not count again
    }
    transport.send(leaderId, new AckEpoch(ackedEpoch, log.lastLogged()));
    phase = Phase.SYNCHRONIZATION;
    peer.transitioned("accepted epoch " + epoch + " from leader " + leaderId);
  }

  private boolean onSyncStart(boolean valid, String kind) {
    if (phase != Phase.SYNCHRONIZATION || syncStarted || !valid) {
      protocolError("unexpected " + kind);
      return false;
    }
    syncStarted = true;
    syncKind = kind;
    return true;
  }

  private void onProposal(Proposal p) {
    if (!syncStarted || observer && phase == Phase.BROADCAST) {
      protocolError("PROPOSAL before sync");
      return;
    }
    if (p.zxid() <= log.lastLogged()) {
      protocolError("PROPOSAL 0x" + Long.toHexString(p.zxid()) + " not after the log end");
      return;
    }
    if (pendingNewLeader >= 0 || newLeaderAcked) {
      if (Zxid.epoch(p.zxid()) != epoch) {
        protocolError("broadcast PROPOSAL outside epoch " + epoch);
        return;
      }
      if (!observer) {
        pendingAckZxid = p.zxid();
      }
    }
    log.append(p.zxid(), p.txn());
  }

  private void onCommit(long zxid) {
    if (!syncStarted || zxid > log.lastLogged()) {
      protocolError("COMMIT of unknown zxid 0x" + Long.toHexString(zxid));
      return;
    }
    log.commitUpTo(zxid);
    log.applyCommitted();
  }

  private void onInform(Inform i) {
    if (!observer || !syncStarted) {
      protocolError("INFORM to a follower");
      return;
    }
    if (i.zxid() > log.lastLogged()) {
      log.append(i.zxid(), i.txn());
    }
    log.commitUpTo(i.zxid());
    log.applyCommitted();
  }

  private void onNewLeader(NewLeader nl) {
    if (!syncStarted || pendingNewLeader >= 0 || newLeaderAcked || Zxid.epoch(nl.zxid()) != epoch) {
      protocolError("unexpected NEWLEADER");
      return;
    }
    pendingNewLeader = nl.zxid();
    if (!log.hasUnsynced()) {
      ackNewLeader(); // nothing to make durable first
    }
  }

  private void ackNewLeader() {
    if (log.hasUnsynced()) {
      throw new IllegalStateException("NEWLEADER ack before the synced history is durable");
    }
    if (log.store().currentEpoch() < epoch) {
      log.store().writeCurrentEpoch(epoch); // after the history is durable, before the ack
    }
    transport.send(leaderId, new Ack(pendingNewLeader));
    pendingNewLeader = -1;
    newLeaderAcked = true;
  }

  private void onUpToDate() {
    if (!newLeaderAcked || phase != Phase.SYNCHRONIZATION) {
      protocolError("UPTODATE before the NEWLEADER ack");
      return;
    }
    phase = Phase.BROADCAST;
    peer.transitioned(
        "up to date with leader " + leaderId + " in epoch " + epoch + " by " + syncKind);
  }

  /** After the driver's one fsync: the NEWLEADER ack, then proposal acks, then applies. */
  void afterSync() {
    if (pendingNewLeader >= 0) {
      ackNewLeader();
    }
    if (pendingAckZxid >= 0 && newLeaderAcked) {
      transport.send(leaderId, new Ack(pendingAckZxid));
      pendingAckZxid = -1;
    }
    log.applyCommitted();
  }

  void tick() {
    phaseTicks++;
    silentTicks++;
    if (phase != Phase.BROADCAST && phaseTicks > timing.initTicks()) {
      abandon("not up to date with leader " + leaderId + " within initTicks");
      return;
    }
    if (phase == Phase.BROADCAST && silentTicks > timing.syncTicks()) {
      abandon("leader " + leaderId + " silent for syncTicks");
      return;
    }
    if (phase == Phase.DISCOVERY && epoch < 0 && ++resendTicks >= timing.pingTicks()) {
      resendTicks = 0;
      sendInfo(); // the leader may not have been leading yet
    }
  }

  boolean forward(byte[] payload) {
    if (phase != Phase.BROADCAST) {
      return false;
    }
    transport.send(leaderId, new Forward(payload));
    return true;
  }

  long epoch() {
    return epoch;
  }

  private void abandon(String reason) {
    transport.disconnect(leaderId);
    peer.goLooking(reason);
  }

  private void protocolError(String what) {
    peer.protocolError(leaderId, what);
    abandon("protocol error from leader " + leaderId + ": " + what);
  }
}
