package io.paddock.recipes.leader;

import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;

/**
 * The leader's work for a {@link LeaderSelector}; also told the connection states (throw {@link
 * CancelLeadershipException} there to have the leader interrupted).
 */
public interface LeaderSelectorListener extends ConnectionStateListener {
  /**
   * Runs while this candidate leads; leadership ends when it returns or throws. It must react to
   * interruption (the selector interrupts it on cancel and close). Never runs twice at once.
   *
   * @param framework the selector's framework
   */
  void takeLeadership(PaddockFramework framework) throws Exception;
}
