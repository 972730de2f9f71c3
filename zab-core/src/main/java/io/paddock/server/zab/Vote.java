package io.paddock.server.zab;

import java.util.Comparator;
import java.util.Objects;

/**
 * A fast-leader-election vote: the leader a peer proposes and what it knows of that leader.
 *
 * @param proposedLeader the server id of the proposed leader
 * @param proposedZxid the proposed leader's last logged zxid
 * @param proposedEpoch the proposed leader's epoch (ZooKeeper's {@code peerEpoch})
 * @param electionEpoch the voter's logical clock: the election round the vote belongs to
 * @param state the voter's state when it cast the vote
 */
public record Vote(
    long proposedLeader,
    long proposedZxid,
    long proposedEpoch,
    long electionEpoch,
    ServerState state) {

  /**
   * The fast-leader-election order of candidates (ZooKeeper's {@code totalOrderPredicate}, without
   * the observer rule): higher {@code proposedEpoch} is better, then higher {@code proposedZxid},
   * then higher {@code proposedLeader}. The election epoch and the voter state do not take part.
   * Ascending, so the best vote is the maximum.
   */
  public static final Comparator<Vote> CANDIDATE_ORDER =
      (a, b) ->
          compareCandidates(
              a.proposedEpoch,
              a.proposedZxid,
              a.proposedLeader,
              b.proposedEpoch,
              b.proposedZxid,
              b.proposedLeader);

  /** Validates the state is not null. */
  public Vote {
    Objects.requireNonNull(state, "state");
  }

  /**
   * Compares two candidates (epoch, zxid, id) lexicographically, each field as a signed long.
   *
   * @return negative if the first is worse, 0 if the triples are equal, positive if it is better
   */
  public static int compareCandidates(
      long epochA, long zxidA, long idA, long epochB, long zxidB, long idB) {
    int c = Long.compare(epochA, epochB);
    if (c != 0) {
      return c;
    }
    c = Long.compare(zxidA, zxidB);
    if (c != 0) {
      return c;
    }
    return Long.compare(idA, idB);
  }

  /**
   * True if this vote's candidate is strictly better than {@code other}'s (see {@link
   * #CANDIDATE_ORDER}).
   */
  public boolean isBetterThan(Vote other) {
    return CANDIDATE_ORDER.compare(this, other) > 0;
  }

  /**
   * ZooKeeper's {@code totalOrderPredicate}: true if {@code newVote} should replace {@code
   * current}. A candidate that is not a voter of {@code spec} (an observer, or unknown) never wins.
   */
  public static boolean supersedes(Vote newVote, Vote current, QuorumSpec spec) {
    return spec.isVoter(newVote.proposedLeader) && newVote.isBetterThan(current);
  }

  /**
   * True if both votes name the same candidate (leader, zxid, epoch) in the same election round.
   * The voter state is ignored.
   */
  public boolean agreesWith(Vote other) {
    return proposedLeader == other.proposedLeader
        && proposedZxid == other.proposedZxid
        && proposedEpoch == other.proposedEpoch
        && electionEpoch == other.electionEpoch;
  }

  /** This vote with another state. */
  public Vote withState(ServerState newState) {
    return new Vote(proposedLeader, proposedZxid, proposedEpoch, electionEpoch, newState);
  }
}
