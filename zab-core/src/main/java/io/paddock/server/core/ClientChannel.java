package io.paddock.server.core;

import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import java.net.InetSocketAddress;

/**
 * One client connection as the server core sees it. The transport (Netty) implements it; tests
 * implement it in memory.
 *
 * <p>Sends are queued in call order and written when {@link #flush()} is called, so the core can
 * write a batch of notifications and replies with one flush per connection. Implementations must
 * accept calls from the core's thread while their own I/O runs elsewhere.
 */
public interface ClientChannel {
  /** A number unique among this server's connections since it started. */
  long connectionId();

  /** The client's address (the {@code ip} auth scheme and {@code cons} use it). */
  InetSocketAddress remoteAddress();

  /**
   * Queues the first frame of the connection.
   *
   * @param response the handshake answer
   * @param includeReadOnly whether the client sent the readOnly byte (old clients did not and must
   *     not get it back)
   */
  void sendConnectResponse(ConnectResponse response, boolean includeReadOnly);

  /**
   * Queues a reply or a notification: the header, then the body when it is not null.
   *
   * @param header the reply header (xid −1 for a notification)
   * @param body the response record, or null for a header-only reply
   */
  void send(ReplyHeader header, JuteRecord body);

  /** Writes everything queued so far. */
  void flush();

  /** Flushes what is queued, then closes the connection. Idempotent. */
  void close();
}
