package io.paddock.server.core;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import java.util.concurrent.CompletableFuture;

/**
 * What the transport hands the server core: handshakes, decoded requests, frames that did not
 * decode, and disconnects. Every method may be called from any I/O thread and returns at once; the
 * core processes each connection's calls in the order they were made.
 */
public interface ServerCore {
  /** Why a frame after the handshake could not become a request. */
  enum BadFrame {
    /** The op code is not a valid packet (ZooKeeper answers UNIMPLEMENTED, zxid −1, and closes). */
    UNKNOWN_OP,
    /**
     * The body did not decode. ZooKeeper answers MARSHALLINGERROR with its current zxid (a multi
     * consumes a new one) and keeps the connection open; only an auth packet (op 100) that does not
     * decode closes the connection, without a reply.
     */
    MALFORMED_BODY
  }

  /** The first frame of a connection decoded as a ConnectRequest. */
  void onConnect(ClientChannel channel, ConnectRequest request, boolean readOnlyPresent);

  /** A request frame decoded. */
  void onRequest(ClientChannel channel, RequestHeader header, Request request);

  /** A request frame whose header decoded but whose op or body did not. */
  void onBadFrame(ClientChannel channel, RequestHeader header, BadFrame kind, String reason);

  /** The connection is gone (closed by either side). */
  void onDisconnect(ClientChannel channel);

  /**
   * Runs a four-letter word that the whitelist allows and returns its text.
   *
   * @param command the word, for example {@code ruok}
   */
  CompletableFuture<String> fourLetterWord(String command);
}
