package io.paddock.recipes;

/**
 * The framework's view of its connection, as recipes react to it (Curator's states).
 *
 * <p>Transitions: {@link #CONNECTED} once, when the first session is established; {@link
 * #SUSPENDED} when the connection drops (the session may live on); {@link #RECONNECTED} when a
 * connection is back (same session after SUSPENDED, or a new session after LOST); {@link #LOST}
 * when the session is gone. LOST is reported in three cases, whichever comes first: a server says
 * the session expired when the client reconnects; the raw client hears no server for 4/3 of the
 * session timeout and expires it locally; or the framework has been SUSPENDED for the whole
 * negotiated session timeout (then it abandons the session itself, as the server will have expired
 * it by then). After LOST the framework opens a new session at once.
 */
public enum ConnectionState {
  /** The first session was established. */
  CONNECTED,
  /** The connection dropped; locks and leadership must be treated as in doubt. */
  SUSPENDED,
  /** A connection is back: the same session after SUSPENDED, a new one after LOST. */
  RECONNECTED,
  /** The session is gone: every ephemeral node of it, every lock and leadership is lost. */
  LOST,
  /** Connected to a read-only server (only with {@code canBeReadOnly}); writes fail. */
  READ_ONLY;

  /** True for the states in which operations can reach a server. */
  public boolean isConnected() {
    return this == CONNECTED || this == RECONNECTED || this == READ_ONLY;
  }
}
