package io.paddock.client;

/**
 * Receives the state changes of a {@link PaddockClient}.
 *
 * <p>Called on the client's event thread, in order with watch events and future completions; it is
 * called only when the state really changes (a failed reconnect attempt is not a change). A
 * listener must not block for long: it holds up every later callback of the client (though never
 * its network I/O). An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ConnectionStateListener {
  /**
   * The state went from {@code previous} to {@code current}.
   *
   * @param previous the state before the change
   * @param current the new state
   */
  void stateChanged(ConnectionState previous, ConnectionState current);
}
