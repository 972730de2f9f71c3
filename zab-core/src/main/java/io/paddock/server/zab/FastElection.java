package io.paddock.server.zab;

import io.paddock.server.zab.ZabMessage.Notification;

/**
 * ZooKeeper's fast leader election for one peer, as a pure state machine: votes (epoch, zxid, id),
 * a logical clock, re-sent notifications with a growing interval, a finalize wait once a quorum
 * agrees, and joining a standing leader from FOLLOWING/LEADING notifications. Observers take part
 * only to find the leader: they never win and never count.
 */
final class FastElection {

  /** The outcome: the leader to follow or be, and the vote that decided it. */
  record Decision(Vote vote) {}

  private final long myId;
  private final QuorumSpec quorum;
  private final PeerTiming timing;
  private final ZabTransport transport;
  private final VoteTally received;
  private final VoteTally outOfElection;
  private long logicalClock;
  private Vote proposal;
  private Vote selfVote;
  private int intervalTicks;
  private int ticksSinceSend;
  private int finalizeLeftTicks = -1;

  FastElection(long myId, QuorumSpec quorum, PeerTiming timing, ZabTransport transport) {
    this.myId = myId;
    this.quorum = quorum;
    this.timing = timing;
    this.transport = transport;
    this.received = new VoteTally(quorum);
    this.outOfElection = new VoteTally(quorum);
  }

  long logicalClock() {
    return logicalClock;
  }

  Vote proposal() {
    return proposal;
  }

  /** A new round: vote for ourselves (observers too, a vote nobody adopts) and tell everyone. */
  Decision begin(long currentEpoch, long lastZxid) {
    logicalClock++;
    received.clear();
    outOfElection.clear();
    finalizeLeftTicks = -1;
    proposal = new Vote(myId, lastZxid, currentEpoch, logicalClock, ServerState.LOOKING);
    selfVote = proposal;
    intervalTicks = timing.notificationTicks();
    sendToVoters();
    if (quorum.isVoter(myId)) {
      received.record(myId, proposal);
      return decideIfUnanimous();
    }
    return null;
  }

  /** Time passes: re-send when quiet, with a doubling interval; end the finalize wait. */
  Decision tick() {
    ticksSinceSend++;
    if (ticksSinceSend >= intervalTicks) {
      intervalTicks = Math.min(intervalTicks * 2, timing.notificationTicksMax());
      sendToVoters();
    }
    if (finalizeLeftTicks > 0 && --finalizeLeftTicks == 0) {
      finalizeLeftTicks = -1;
      if (received.hasQuorumFor(proposal)) {
        return new Decision(proposal);
      }
    }
    return null;
  }

  /** A notification while we are looking. */
  Decision onNotification(long fromId, Vote v) {
    if (!quorum.isVoter(fromId)) {
      // Observers never count; a voter tells a looking observer what it votes.
      if (quorum.isVoter(myId) && v.state() == ServerState.LOOKING) {
        reply(fromId);
      }
      return null;
    }
    return switch (v.state()) {
      case LOOKING -> onLookingVote(fromId, v);
      case FOLLOWING, LEADING -> onEstablishedVote(fromId, v);
      case OBSERVING -> null;
    };
  }

  private Decision onLookingVote(long fromId, Vote v) {
    if (!quorum.isVoter(myId)) {
      return null; // an observer waits for FOLLOWING/LEADING notifications
    }
    if (v.electionEpoch() > logicalClock) {
      logicalClock = v.electionEpoch();
      received.clear();
      finalizeLeftTicks = -1;
      // Our own candidacy is what we started with; keep the better of it and the sender's.
      Vote base = at(selfVote);
      proposal = Vote.supersedes(v, base, quorum) ? at(v) : base;
      sendToVoters();
    } else if (v.electionEpoch() < logicalClock) {
      reply(fromId); // the sender is behind: tell it the current round
      return null;
    } else if (Vote.supersedes(v, proposal, quorum)) {
      proposal = at(v);
      finalizeLeftTicks = -1;
      sendToVoters();
    }
    received.record(fromId, v);
    received.record(myId, proposal);
    if (received.hasQuorumFor(proposal)) {
      Decision now = decideIfUnanimous();
      if (now != null) {
        return now;
      }
      if (finalizeLeftTicks < 0) {
        finalizeLeftTicks = timing.finalizeTicks();
      }
    }
    return null;
  }

  private Vote at(Vote v) {
    return new Vote(
        v.proposedLeader(), v.proposedZxid(), v.proposedEpoch(), logicalClock, ServerState.LOOKING);
  }

  private Decision onEstablishedVote(long fromId, Vote v) {
    // A standing leader: join it once a quorum says so and the leader itself says it leads.
    if (v.electionEpoch() == logicalClock && quorum.isVoter(myId)) {
      received.record(fromId, v);
      if (received.hasQuorumFor(v) && leaderConfirmed(received, v)) {
        return new Decision(v);
      }
    }
    outOfElection.record(fromId, v);
    if (quorum.isQuorum(followersOf(v.proposedLeader())) && leaderConfirmed(outOfElection, v)) {
      logicalClock = v.electionEpoch();
      return new Decision(v);
    }
    return null;
  }

  /**
   * The voters that say they follow or are {@code leader}. Members that joined a standing leader at
   * different times carry different rounds and zxids in their votes, so outside an election only
   * the leader named counts (as ZooKeeper compares non-LOOKING votes).
   */
  private java.util.Set<Long> followersOf(long leader) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    for (java.util.Map.Entry<Long, Vote> e : outOfElection.votes().entrySet()) {
      if (e.getValue().proposedLeader() == leader) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private boolean leaderConfirmed(VoteTally tally, Vote v) {
    if (v.proposedLeader() == myId) {
      return logicalClock == v.electionEpoch();
    }
    Vote leaders = tally.voteOf(v.proposedLeader());
    return leaders != null
        && leaders.state() == ServerState.LEADING
        && leaders.proposedLeader() == v.proposedLeader();
  }

  /** If every voter has voted and all agree with us, there is no better vote to wait for. */
  private Decision decideIfUnanimous() {
    if (received.supporters(proposal).containsAll(quorum.voters())) {
      return new Decision(proposal);
    }
    return null;
  }

  private void reply(long toId) {
    transport.send(toId, new Notification(myId, proposal));
  }

  private void sendToVoters() {
    ticksSinceSend = 0;
    Notification n = new Notification(myId, proposal);
    for (long id : quorum.voters()) {
      if (id != myId) {
        transport.send(id, n);
      }
    }
  }
}
