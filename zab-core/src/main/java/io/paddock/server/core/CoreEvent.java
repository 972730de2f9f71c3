package io.paddock.server.core;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import java.util.concurrent.CompletableFuture;

/** What the transport and the core's own callers hand the state thread, in arrival order. */
sealed interface CoreEvent {

  /** A handshake. */
  record Connect(
      ClientChannel channel, ConnectRequest request, boolean readOnlyPresent, long receivedMs)
      implements CoreEvent {}

  /** A decoded request. */
  record Packet(ClientChannel channel, RequestHeader header, Request request, long receivedMs)
      implements CoreEvent {}

  /** A request frame whose op or body did not decode. */
  record BadPacket(
      ClientChannel channel,
      RequestHeader header,
      ServerCore.BadFrame kind,
      String reason,
      long receivedMs)
      implements CoreEvent {}

  /** The connection is gone. */
  record Disconnect(ClientChannel channel) implements CoreEvent {}

  /** A four-letter word to answer. */
  record FourLetter(String command, CompletableFuture<String> result) implements CoreEvent {}

  /** Completes once everything before it was processed and the loop finished its round. */
  record Barrier(CompletableFuture<Void> done) implements CoreEvent {}

  /** Finish the batch, close the database and stop. */
  record Stop() implements CoreEvent {}
}
