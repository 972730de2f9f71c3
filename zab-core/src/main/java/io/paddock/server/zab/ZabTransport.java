package io.paddock.server.zab;

/**
 * The network seam of a {@link ZabPeer}. Messages to one peer arrive in the order they were sent,
 * or not at all: a lost message breaks the connection, and both sides learn of it through {@link
 * ZabPeer#disconnected(long)} (ZAB relies on TCP's FIFO delivery). {@link ZabMessage.Notification}s
 * travel on the election channel, which may lose, duplicate or reorder them.
 */
public interface ZabTransport {
  /** Queues {@code message} for peer {@code toId}; never blocks, never throws for a dead peer. */
  void send(long toId, ZabMessage message);

  /**
   * Drops the quorum connection to {@code peerId} (a protocol error on it, or this peer abandons
   * it); messages still queued on it are discarded and the other side learns of it through {@link
   * ZabPeer#disconnected(long)}. The next {@link #send} opens a fresh connection. The default does
   * nothing: the other side then notices by its timeouts.
   */
  default void disconnect(long peerId) {}
}
