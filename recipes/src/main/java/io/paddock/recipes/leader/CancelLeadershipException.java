package io.paddock.recipes.leader;

/**
 * Thrown from {@link LeaderSelectorListener#stateChanged} to make the selector interrupt its leader
 * (as {@link LeaderSelectorListenerAdapter} does in every error state).
 */
public final class CancelLeadershipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception without message. */
  public CancelLeadershipException() {
    super("leadership cancelled");
  }
}
