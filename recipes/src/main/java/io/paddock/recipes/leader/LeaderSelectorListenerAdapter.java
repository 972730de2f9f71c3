package io.paddock.recipes.leader;

import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;

/**
 * A {@link LeaderSelectorListener} whose state handling cancels leadership in every error state of
 * the framework's policy (SUSPENDED and LOST by default): the leader thread is interrupted.
 */
public abstract class LeaderSelectorListenerAdapter implements LeaderSelectorListener {
  /** Throws {@link CancelLeadershipException} in an error state. */
  @Override
  public void stateChanged(PaddockFramework framework, ConnectionState newState) {
    if (framework.errorPolicy().isErrorState(newState)) {
      throw new CancelLeadershipException();
    }
  }
}
