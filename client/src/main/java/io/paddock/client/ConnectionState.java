package io.paddock.client;

/**
 * The connection and session state of a {@link PaddockClient}, as its listeners see it.
 *
 * <p>A client starts in {@link #CONNECTING} and reaches {@link #CONNECTED} once a server has
 * granted (or resumed) its session. When the connection drops it is {@link #DISCONNECTED} while it
 * tries the hosts again, and goes back to {@link #CONNECTED} with the same session id. {@link
 * #EXPIRED}, {@link #AUTH_FAILED} and {@link #CLOSED} are terminal: the client is dead and every
 * call fails (with SessionExpired, AuthFailed and SessionExpired respectively, as ZooKeeper's
 * client does); build a new client to go on.
 */
public enum ConnectionState {
  /** No session yet: the client is trying the hosts for the first time. */
  CONNECTING,
  /** Connected to a read/write server with a live session. */
  CONNECTED,
  /** Connected to a read-only server (only with {@code canBeReadOnly}); writes fail NotReadOnly. */
  CONNECTED_READ_ONLY,
  /** The connection dropped; the session may still live, the client is reconnecting. */
  DISCONNECTED,
  /** The session expired (said by a server, or no server heard within 4/3 of the timeout). */
  EXPIRED,
  /** A server refused an {@code addAuthInfo} credential; the session is unusable. */
  AUTH_FAILED,
  /** The client was closed by its owner. */
  CLOSED;

  /** True for {@link #CONNECTED} and {@link #CONNECTED_READ_ONLY}. */
  public boolean isConnected() {
    return this == CONNECTED || this == CONNECTED_READ_ONLY;
  }

  /** True for the states a client never leaves: expired, auth failed, closed. */
  public boolean isTerminal() {
    return this == EXPIRED || this == AUTH_FAILED || this == CLOSED;
  }
}
