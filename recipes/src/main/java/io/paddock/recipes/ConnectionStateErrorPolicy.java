package io.paddock.recipes;

/**
 * Which connection states recipes treat as an error (losing locks and leadership): {@link
 * StandardConnectionStateErrorPolicy} (SUSPENDED and LOST, the default) or {@link
 * SessionConnectionStateErrorPolicy} (LOST only).
 */
public interface ConnectionStateErrorPolicy {
  /**
   * Whether recipes must give up ownership in this state.
   *
   * @param state the new state
   */
  boolean isErrorState(ConnectionState state);
}
