package io.paddock.server.zab;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The membership of an ensemble and its quorum arithmetic: which server ids vote and which only
 * observe.
 *
 * <p>A quorum is a strict majority of the voting members. Observers never count towards a quorum,
 * and acknowledgements from ids that are not members at all are ignored. Instances are immutable
 * and do no I/O.
 */
public final class QuorumSpec {

  private final Set<Long> voters;
  private final Set<Long> observers;

  private QuorumSpec(Set<Long> voters, Set<Long> observers) {
    this.voters = voters;
    this.observers = observers;
  }

  /**
   * Builds a spec.
   *
   * @param voters the voting members; at least one, no id twice
   * @param observers the observers; no id twice, and none that is also a voter
   * @throws IllegalArgumentException if there is no voter, an id is repeated, or an id is both a
   *     voter and an observer
   * @throws NullPointerException if a collection or an id is null
   */
  public static QuorumSpec of(Collection<Long> voters, Collection<Long> observers) {
    Set<Long> v = unique(voters, "voter");
    Set<Long> o = unique(observers, "observer");
    if (v.isEmpty()) {
      throw new IllegalArgumentException("a quorum needs at least one voter");
    }
    for (Long id : o) {
      if (v.contains(id)) {
        throw new IllegalArgumentException("server " + id + " is both a voter and an observer");
      }
    }
    return new QuorumSpec(Collections.unmodifiableSet(v), Collections.unmodifiableSet(o));
  }

  /** A spec with the given voters and no observers. */
  public static QuorumSpec ofVoters(Collection<Long> voters) {
    return of(voters, Set.of());
  }

  private static Set<Long> unique(Collection<Long> ids, String what) {
    Set<Long> set = new LinkedHashSet<>();
    for (Long id : ids) {
      if (id == null) {
        throw new NullPointerException(what + " id is null");
      }
      if (!set.add(id)) {
        throw new IllegalArgumentException(what + " id " + id + " appears twice");
      }
    }
    return set;
  }

  /** The voting members, in the order given; unmodifiable. */
  public Set<Long> voters() {
    return voters;
  }

  /** The observers, in the order given; unmodifiable. */
  public Set<Long> observers() {
    return observers;
  }

  /** True if {@code id} is a voting member. */
  public boolean isVoter(long id) {
    return voters.contains(id);
  }

  /** True if {@code id} is an observer. */
  public boolean isObserver(long id) {
    return observers.contains(id);
  }

  /** True if {@code id} is a voter or an observer. */
  public boolean isMember(long id) {
    return isVoter(id) || isObserver(id);
  }

  /** The smallest number of voters that forms a quorum: {@code voters / 2 + 1}. */
  public int quorumSize() {
    return voters.size() / 2 + 1;
  }

  /**
   * True if the voters among {@code ackers} form a strict majority of all voters. Observers and
   * non-members in {@code ackers} are ignored.
   */
  public boolean isQuorum(Set<Long> ackers) {
    int count = 0;
    for (Long id : ackers) {
      if (id != null && voters.contains(id)) {
        count++;
      }
    }
    return count >= quorumSize();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuorumSpec other
        && voters.equals(other.voters)
        && observers.equals(other.observers);
  }

  @Override
  public int hashCode() {
    return 31 * voters.hashCode() + observers.hashCode();
  }

  @Override
  public String toString() {
    return "QuorumSpec[voters=" + voters + ", observers=" + observers + "]";
  }
}
