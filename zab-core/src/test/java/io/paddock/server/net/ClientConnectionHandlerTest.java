package io.paddock.server.net;

import static io.paddock.server.net.RawClient.concat;
import static io.paddock.server.net.RawClient.requestFrame;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.WireLimits;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.model.OpCode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The connection handler on an in-memory channel: exact steps, no timing. */
class ClientConnectionHandlerTest {
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40000);

  private final FakeServerCore core = new FakeServerCore();
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final ClientConnectionHandler handler =
      new ClientConnectionHandler(
          new ConnectionSettings(
              WireLimits.JUTE_MAX_BUFFER_DEFAULT, Set.of("ruok"), 1 << 26, 60_000),
          core,
          () -> false,
          42,
          channel,
          REMOTE);

  ClientConnectionHandlerTest() {
    channel.pipeline().addLast(handler);
  }

  private void receive(byte[] bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
  }

  private byte[] sent() {
    ByteBuf out = channel.readOutbound();
    if (out == null) {
      return null;
    }
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes);
    out.release();
    return bytes;
  }

  @Test
  void nothingIsReadBetweenConnectRequestAndConnectResponse() {
    core.answerHandshakes = false;
    receive(
        concat(
            RawClient.frame(RawClient.connectRequest(true), null),
            requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false)),
            requestFrame(2, OpCode.GET_DATA, new GetDataRequest("/b", false))));
    assertEquals(List.of("connect"), core.kinds());
    assertFalse(channel.config().isAutoRead());

    var clientChannel = core.callsOf("connect").get(0).channel();
    clientChannel.sendConnectResponse(new ConnectResponse(0, 4000, 7, new byte[16], false), false);
    channel.runPendingTasks();
    assertEquals(List.of("connect"), core.kinds()); // queued, not flushed: still waiting
    clientChannel.flush();
    channel.runPendingTasks();

    byte[] response = sent();
    assertEquals(4 + 36, response.length); // no readOnly byte: the request had none on the wire
    ConnectResponse decoded = ConnectResponse.read(new JuteReader(response, 4, 36));
    assertEquals(7, decoded.sessionId());
    assertTrue(channel.config().isAutoRead());
    assertEquals(List.of("connect", "request", "request"), core.kinds());
  }

  @Test
  void theChannelRefusesRepliesBeforeTheHandshakeAndASecondHandshake() {
    core.answerHandshakes = false;
    receive(RawClient.frame(RawClient.connectRequest(true), null));
    var clientChannel = core.callsOf("connect").get(0).channel();
    assertThrows(
        IllegalStateException.class, () -> clientChannel.send(new ReplyHeader(1, 0, 0), null));
    FakeServerCore.answer(clientChannel, true);
    assertThrows(IllegalStateException.class, () -> FakeServerCore.answer(clientChannel, true));
    assertEquals(42, clientChannel.connectionId());
    assertEquals(REMOTE, clientChannel.remoteAddress());
  }

  @Test
  void connectRequestFieldsReachTheCore() {
    ConnectRequest request = new ConnectRequest(0, 0x55, 12_000, 0x99, new byte[16], true, true);
    receive(RawClient.frame(request, null));
    assertEquals(request, core.callsOf("connect").get(0).detail());
  }

  @Test
  void aFailedFourLetterWordClosesSilently() {
    FakeServerCore failing =
        new FakeServerCore() {
          @Override
          public CompletableFuture<String> fourLetterWord(String command) {
            return CompletableFuture.failedFuture(new IllegalStateException("not serving"));
          }
        };
    EmbeddedChannel other = new EmbeddedChannel();
    other
        .pipeline()
        .addLast(
            new ClientConnectionHandler(
                new ConnectionSettings(1024, Set.of("ruok"), 1 << 26, 60_000),
                failing,
                () -> false,
                1,
                other,
                REMOTE));
    other.writeInbound(Unpooled.wrappedBuffer("ruok".getBytes(StandardCharsets.US_ASCII)));
    other.runPendingTasks();
    assertNull(other.readOutbound());
    assertFalse(other.isOpen());
    assertTrue(failing.callsOf("disconnect").isEmpty()); // the core never knew the connection
  }

  @Test
  void bytesAfterAFourLetterWordAreIgnored() {
    receive("ruokruok\n".getBytes(StandardCharsets.US_ASCII));
    channel.runPendingTasks();
    assertEquals("imok", new String(sent(), StandardCharsets.US_ASCII));
    assertNull(sent());
    assertFalse(channel.isOpen());
    assertEquals(1, core.callsOf("4lw").size());
  }

  @Test
  void disconnectComesOnceAndOnlyForConnectionsTheCoreKnows() {
    receive(RawClient.frame(RawClient.connectRequest(true), null));
    channel.close();
    channel.runPendingTasks();
    assertEquals(List.of("connect", "disconnect"), core.kinds());
    channel.close();
    channel.runPendingTasks();
    assertEquals(1, core.callsOf("disconnect").size());
  }

  @Test
  void aConnectionThatSaysNothingIsClosedAfterTheHandshakeTimeout() {
    EmbeddedChannel silent = new EmbeddedChannel();
    silent
        .pipeline()
        .addLast(
            new ClientConnectionHandler(
                new ConnectionSettings(1024, Set.of(), 1 << 26, 20),
                core,
                () -> false,
                2,
                silent,
                REMOTE));
    receive(silent, new byte[] {0, 0}); // half a length is not a frame
    await()
        .until(
            () -> {
              silent.runScheduledPendingTasks();
              return !silent.isOpen();
            });
    assertTrue(core.calls.isEmpty());
  }

  @Test
  void theHandshakeTimerStopsOnceTheConnectRequestIsIn() {
    receive(RawClient.frame(RawClient.connectRequest(true), null));
    channel.runPendingTasks();
    assertEquals(-1, channel.runScheduledPendingTasks()); // nothing left scheduled
    assertTrue(channel.isOpen());
  }

  private static void receive(EmbeddedChannel target, byte[] bytes) {
    target.writeInbound(Unpooled.wrappedBuffer(bytes));
  }
}
