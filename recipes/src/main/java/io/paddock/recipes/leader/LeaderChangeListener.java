package io.paddock.recipes.leader;

import java.util.Optional;

/** Told by a {@link LeaderObserver} when the leader changes; must not block for long. */
@FunctionalInterface
public interface LeaderChangeListener {
  /**
   * The leader changed.
   *
   * @param leader the new leader, or empty when there is no candidate
   */
  void leaderChanged(Optional<Participant> leader);
}
