package io.paddock.recipes;

/**
 * Receives the framework's connection states, on the framework's dedicated state thread (never the
 * client's event thread), one at a time and in order. It may block briefly, but holds up later
 * state deliveries while it does.
 */
@FunctionalInterface
public interface ConnectionStateListener {
  /**
   * The connection state changed.
   *
   * @param framework the framework whose connection it is
   * @param newState the new state
   */
  void stateChanged(PaddockFramework framework, ConnectionState newState);
}
