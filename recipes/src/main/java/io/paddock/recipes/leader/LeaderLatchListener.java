package io.paddock.recipes.leader;

/** Told when a {@link LeaderLatch} gains or loses leadership; must not block for long. */
public interface LeaderLatchListener {
  /** This latch is the leader now. */
  void isLeader();

  /** This latch is no longer the leader. */
  void notLeader();
}
