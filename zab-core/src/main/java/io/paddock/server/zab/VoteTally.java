package io.paddock.server.zab;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The votes received in the current election round, at most one per sender (a newer vote from a
 * sender replaces its older one, as ZooKeeper's {@code recvset}), and whether a quorum agrees with
 * a vote.
 *
 * <p>Mutable, not thread-safe; does no I/O.
 */
public final class VoteTally {

  private final QuorumSpec spec;
  private final Map<Long, Vote> votes = new LinkedHashMap<>();

  /** An empty tally judged against {@code spec}. */
  public VoteTally(QuorumSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The quorum the tally is judged against. */
  public QuorumSpec spec() {
    return spec;
  }

  /**
   * Records {@code vote} as the current vote of {@code senderId}, replacing any earlier one.
   *
   * @return the sender's previous vote, or null
   */
  public Vote record(long senderId, Vote vote) {
    return votes.put(senderId, Objects.requireNonNull(vote, "vote"));
  }

  /** The current vote of {@code senderId}, or null. */
  public Vote voteOf(long senderId) {
    return votes.get(senderId);
  }

  /** The senders whose current vote {@link Vote#agreesWith agrees with} {@code vote}. */
  public Set<Long> supporters(Vote vote) {
    Set<Long> out = new HashSet<>();
    for (Map.Entry<Long, Vote> e : votes.entrySet()) {
      if (e.getValue().agreesWith(vote)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * True if the senders agreeing with {@code vote} form a quorum of {@link #spec()}; votes from
   * observers and non-members do not count.
   */
  public boolean hasQuorumFor(Vote vote) {
    return spec.isQuorum(supporters(vote));
  }

  /** All current votes by sender; unmodifiable view. */
  public Map<Long, Vote> votes() {
    return Collections.unmodifiableMap(votes);
  }

  /** Number of senders with a vote. */
  public int size() {
    return votes.size();
  }

  /** Forgets every vote (a new election round starts). */
  public void clear() {
    votes.clear();
  }
}
