package io.paddock.server.badinput;

import static io.paddock.server.badinput.Frames.concat;
import static io.paddock.server.badinput.Frames.frame;
import static io.paddock.server.badinput.Frames.int32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.ExistsRequest;
import io.paddock.client.protocol.ExistsResponse;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.client.protocol.WireLimits;
import io.paddock.server.interop.CoreKind;
import io.paddock.server.interop.TestCore;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.model.OpCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frame lengths (PROTOCOL 1): a length below 0 or above jute.maxbuffer ("Len error") closes the
 * connection without a reply and the session survives; a frame of exactly jute.maxbuffer is a
 * request like any other; a frame too short for a RequestHeader closes. Every test runs against
 * Apache ZooKeeper and Paddock and asserts the same outcome on both; both use the default
 * jute.maxbuffer of 0xfffff.
 */
class FramingBadInputTest extends BadInputTestBase {
  private static final int MAX_BUFFER = WireLimits.JUTE_MAX_BUFFER_DEFAULT;

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void frameLongerThanMaxBufferClosesWithoutReplyAndTheSessionSurvives(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    ConnectResponse session;
    try (WireClient w = unconnected(core)) {
      session = w.handshake();
      // The length, then a kilobyte of what would be its payload: nothing of it is read.
      w.send(concat(int32(MAX_BUFFER + 1), new byte[1024]));
      assertEquals(Outcome.CLOSED_WITHOUT_REPLY, w.outcome().text());
    }
    try (WireClient w = unconnected(core)) {
      ConnectResponse resumed =
          w.handshake(WireClient.resume(session.sessionId(), session.passwd(), 10_000));
      assertEquals(session.sessionId(), resumed.sessionId(), "the same session, resumed");
      assertTrue(resumed.timeoutMs() > 0, "a valid session: " + resumed);
      assertArrayEquals(session.passwd(), resumed.passwd());
      w.request(2, OpCode.GET_DATA, new GetDataRequest(node, false));
      assertEquals("reply xid=2 zxid=zxid OK; open", w.outcome().text());
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void negativeFrameLengthsCloseWithoutReply(CoreKind kind) {
    TestCore core = core(kind);
    for (int length : new int[] {-1, -2, Integer.MIN_VALUE}) {
      try (WireClient w = connected(core)) {
        w.send(concat(int32(length), new byte[16]));
        assertEquals(Outcome.CLOSED_WITHOUT_REPLY, w.outcome().text(), "length " + length);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void frameOfExactlyMaxBufferIsAnsweredAndTheDataStored(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    // header 8 + path (4 + n) + data (4 + d) + version 4 = MAX_BUFFER
    byte[] data = new byte[MAX_BUFFER - 8 - 4 - node.length() - 4 - 4];
    byte[] frame = Frames.request(3, OpCode.SET_DATA, new SetDataRequest(node, data, -1));
    assertEquals(4 + MAX_BUFFER, frame.length);
    try (WireClient w = connected(core)) {
      w.send(frame);
      assertEquals("reply xid=3 zxid=zxid OK; open", w.outcome().text());
      w.request(4, OpCode.EXISTS, new ExistsRequest(node, false));
      JuteReader reply = new JuteReader(w.readFrame(WireClient.REPLY_WAIT));
      assertEquals(0, ReplyHeader.read(reply).err());
      assertEquals(data.length, ExistsResponse.read(reply).stat().dataLength());
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void framesTooShortForARequestHeaderClose(CoreKind kind) {
    TestCore core = core(kind);
    for (byte[] payload : new byte[][] {{}, {0, 0, 0, 1}, {0, 0, 0, 1, 0, 0, 0}}) {
      try (WireClient w = connected(core)) {
        w.send(frame(payload));
        assertEquals(
            Outcome.CLOSED_WITHOUT_REPLY, w.outcome().text(), payload.length + "-byte frame");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void fourLetterWordAfterTheHandshakeIsJustAnOversizedLength(CoreKind kind) {
    // "ruok" is 0x72756f6b, far above jute.maxbuffer, once it is not the first frame.
    try (WireClient w = connected(core(kind))) {
      w.send("ruok".getBytes(StandardCharsets.US_ASCII));
      assertEquals(Outcome.CLOSED_WITHOUT_REPLY, w.outcome().text());
    }
  }
}
