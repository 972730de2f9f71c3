package io.paddock.server.net;

import static io.paddock.server.net.RawClient.concat;
import static io.paddock.server.net.RawClient.frame;
import static io.paddock.server.net.RawClient.requestFrame;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ServerConfigBuilder;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.OpCode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framing, handshake and request decoding of the client port, against a fake core. */
class ClientPortFramingTest {
  private static final int MAX_BUFFER = 1024;

  @TempDir Path dataDir;
  private final FakeServerCore core = new FakeServerCore();
  private ClientPort port;

  private InetSocketAddress start(Consumer<ServerConfigBuilder> tweak) {
    ServerConfigBuilder b =
        ServerConfig.builder()
            .dataDir(dataDir)
            .clientAddress(new InetSocketAddress("127.0.0.1", 0))
            .juteMaxBufferBytes(MAX_BUFFER);
    tweak.accept(b);
    port = new ClientPort(b.build(), core, 2);
    return port.start();
  }

  private InetSocketAddress start() {
    return start(b -> {});
  }

  @AfterEach
  void closePort() {
    if (port != null) {
      port.close();
    }
  }

  @Test
  void handshakeWithReadOnlyByteGetsOneBack() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.write(frame(RawClient.connectRequest(true), null));
      byte[] reply = client.readFrame();
      assertEquals(37, reply.length);
      ConnectResponse response = ConnectResponse.read(new JuteReader(reply));
      assertEquals(FakeServerCore.SESSION_ID, response.sessionId());
      assertTrue(response.readOnlyPresent());
      ConnectRequest seen = (ConnectRequest) core.callsOf("connect").get(0).detail();
      assertEquals(RawClient.connectRequest(true), seen);
    }
  }

  @Test
  void handshakeWithoutReadOnlyByteGetsNoneBack() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.write(frame(RawClient.connectRequest(false), null));
      assertEquals(36, client.readFrame().length);
      ConnectRequest seen = (ConnectRequest) core.callsOf("connect").get(0).detail();
      assertFalse(seen.readOnlyPresent());
    }
  }

  @Test
  void framesArrivingByteByByteAreReassembled() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.writeByteByByte(frame(RawClient.connectRequest(true), null));
      assertEquals(37, client.readFrame().length);
      client.writeByteByByte(requestFrame(7, OpCode.GET_DATA, new GetDataRequest("/a/b", true)));
      await().until(() -> core.callsOf("request").size() == 1);
      var call = core.callsOf("request").get(0);
      assertEquals(new RequestHeader(7, OpCode.GET_DATA), FakeServerCore.header(call));
      assertEquals(new GetDataRequest("/a/b", true), FakeServerCore.request(call));
      assertTrue(call.thread().getName().startsWith("paddock-io"), call.thread().getName());
    }
  }

  @Test
  void coalescedFramesArePipelinedInOrder() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.write(
          concat(
              frame(RawClient.connectRequest(true), null),
              requestFrame(1, OpCode.EXISTS, new GetDataRequest("/x", false)),
              requestFrame(2, OpCode.GET_DATA, new GetDataRequest("/y", false)),
              requestFrame(3, OpCode.GET_DATA, new GetDataRequest("/z", true))));
      assertEquals(37, client.readFrame().length);
      await().until(() -> core.callsOf("request").size() == 3);
      List<Integer> xids =
          core.callsOf("request").stream()
              .map(c -> FakeServerCore.header(c).xid())
              .collect(Collectors.toList());
      assertEquals(List.of(1, 2, 3), xids);
      assertEquals(List.of("connect", "request", "request", "request"), core.kinds());
    }
  }

  @Test
  void frameOfExactlyMaxBufferIsAcceptedAndOneMoreByteCloses() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      byte[] exact = setDataFrame(MAX_BUFFER);
      assertEquals(4 + MAX_BUFFER, exact.length);
      client.write(exact);
      await().until(() -> core.callsOf("request").size() == 1);
      SetDataRequest got = (SetDataRequest) FakeServerCore.request(core.callsOf("request").get(0));
      assertEquals(MAX_BUFFER - 22, got.data().length);

      JuteWriter tooLong = new JuteWriter();
      tooLong.writeInt(MAX_BUFFER + 1);
      client.write(tooLong.toByteArray());
      assertTrue(client.closedWithoutData());
      await().until(() -> core.callsOf("disconnect").size() == 1);
      assertEquals(1, core.callsOf("request").size());
    }
  }

  /** A setData frame whose payload is exactly {@code payloadBytes} (path "/a", version 0). */
  private static byte[] setDataFrame(int payloadBytes) {
    // header 8 + path (4 + 2) + data (4 + n) + version 4
    byte[] data = new byte[payloadBytes - 22];
    return requestFrame(9, OpCode.SET_DATA, new SetDataRequest("/a", data, 0));
  }

  @Test
  void negativeLengthClosesWithoutReply() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe});
      assertTrue(client.closedWithoutData());
      await().until(() -> core.callsOf("disconnect").size() == 1);
      assertEquals(List.of("connect", "disconnect"), core.kinds());
    }
  }

  @Test
  void oversizedFirstFrameClosesBeforeAnyHandshake() throws Exception {
    try (RawClient client = new RawClient(start())) {
      JuteWriter w = new JuteWriter();
      w.writeInt(MAX_BUFFER + 1);
      client.write(w.toByteArray());
      assertTrue(client.closedWithoutData());
      await().until(() -> port.connectionCount() == 0);
      assertTrue(core.calls.isEmpty(), core.kinds().toString());
    }
  }

  @Test
  void malformedConnectRequestClosesWithoutTellingTheCore() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.write(frame(new byte[] {0, 0, 0, 0, 1}));
      assertTrue(client.closedWithoutData());
      await().until(() -> port.connectionCount() == 0);
      assertTrue(core.calls.isEmpty(), core.kinds().toString());
    }
  }

  @Test
  void unknownOpIsABadFrame() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(frame(new RequestHeader(5, 999), null));
      client.write(frame(new RequestHeader(6, OpCode.CREATE_SESSION), null));
      client.write(frame(new RequestHeader(7, OpCode.NOTIFICATION), null));
      await().until(() -> core.callsOf("bad:UNKNOWN_OP").size() == 3);
      List<Object> headers =
          core.callsOf("bad:UNKNOWN_OP").stream().map(c -> c.detail()).collect(Collectors.toList());
      assertEquals(
          List.of(
              new RequestHeader(5, 999),
              new RequestHeader(6, OpCode.CREATE_SESSION),
              new RequestHeader(7, OpCode.NOTIFICATION)),
          headers);
      assertTrue(core.callsOf("request").isEmpty());
    }
  }

  @Test
  void malformedBodyIsABadFrame() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      JuteWriter body = new JuteWriter();
      body.writeInt(500); // a path of 500 bytes that is not there
      body.writeRaw(new byte[] {'/', 'a'}, 0, 2);
      byte[] payload = concat(new RequestHeader(8, OpCode.GET_DATA).toBytes(), body.toByteArray());
      client.write(frame(payload));
      await().until(() -> core.callsOf("bad:MALFORMED_BODY").size() == 1);
      assertEquals(
          new RequestHeader(8, OpCode.GET_DATA),
          core.callsOf("bad:MALFORMED_BODY").get(0).detail());
      // the transport goes on reading; closing is the core's decision
      client.write(requestFrame(9, OpCode.GET_DATA, new GetDataRequest("/ok", false)));
      await().until(() -> core.callsOf("request").size() == 1);
    }
  }

  @Test
  void requestFrameShorterThanAHeaderCloses() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(frame(new byte[] {0, 0, 0, 1, 0, 0}));
      assertTrue(client.closedWithoutData());
      await().until(() -> core.callsOf("disconnect").size() == 1);
      assertEquals(List.of("connect", "disconnect"), core.kinds());
    }
  }

  @Test
  void pingAndCloseSessionDecodeWithoutABody() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(
          concat(
              frame(new RequestHeader(-2, OpCode.PING), null),
              frame(new RequestHeader(4, OpCode.CLOSE_SESSION), null)));
      await().until(() -> core.callsOf("request").size() == 2);
      assertEquals(
          new RequestHeader(4, OpCode.CLOSE_SESSION),
          FakeServerCore.header(core.callsOf("request").get(1)));
    }
  }
}
