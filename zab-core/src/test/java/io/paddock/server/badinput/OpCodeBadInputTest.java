package io.paddock.server.badinput;

import static io.paddock.server.badinput.Frames.concat;
import static io.paddock.server.badinput.Frames.frame;
import static io.paddock.server.badinput.Frames.int32;
import static io.paddock.server.badinput.Frames.requestPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.server.interop.CoreKind;
import io.paddock.server.interop.TestCore;
import io.paddock.store.model.OpCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Op codes that are not valid packets (PROTOCOL 5, Request.isValid): ZooKeeper answers
 * ReplyHeader(xid, zxid −1, UNIMPLEMENTED) and closes the connection; the session survives. Paddock
 * must do the same. Also a second ConnectRequest on an established connection, which the server
 * reads as a RequestHeader (xid 0, op 0), and createSession (−10) sent as a packet, where Paddock
 * departs from ZooKeeper on purpose.
 */
class OpCodeBadInputTest extends BadInputTestBase {

  /** Every kind with every op code that is not a valid packet. */
  static Stream<Arguments> invalidOps() {
    List<Arguments> all = new ArrayList<>();
    for (CoreKind kind : CoreKind.all()) {
      for (int op :
          new int[] {55, 0, 10, 23, 99, 108, -1, -12, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
        all.add(Arguments.of(kind, op));
      }
    }
    return all.stream();
  }

  /**
   * UNIMPLEMENTED with zxid −1, then the connection closes. Apache ZooKeeper queues the close right
   * behind the reply, yet now and then answers the outcome's probe ping first (seen twice on its
   * side, never on Paddock's); the close must still follow at once.
   */
  private static void assertUnimplementedThenClosed(WireClient w, int xid) {
    Outcome outcome = w.outcome();
    String reply = "reply xid=" + xid + " zxid=-1 UNIMPLEMENTED";
    if (outcome.closed()) {
      assertEquals(reply + "; closed", outcome.text());
    } else {
      assertEquals(reply + "; open", outcome.text());
      assertNull(w.readReply(Duration.ofSeconds(10)), "the server closes the connection");
    }
  }

  @ParameterizedTest(name = "{0} op {1}")
  @MethodSource("invalidOps")
  void unknownOpIsUnimplementedWithZxidMinusOneThenClosed(CoreKind kind, int op) {
    try (WireClient w = connected(core(kind))) {
      w.request(5, op, null);
      assertUnimplementedThenClosed(w, 5);
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void unknownOpLeavesTheSessionAlive(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    ConnectResponse session;
    try (WireClient w = unconnected(core)) {
      session = w.handshake();
      w.request(5, 55, new GetDataRequest(node, false));
      assertUnimplementedThenClosed(w, 5);
    }
    try (WireClient w = unconnected(core)) {
      ConnectResponse resumed =
          w.handshake(WireClient.resume(session.sessionId(), session.passwd(), 10_000));
      assertEquals(session.sessionId(), resumed.sessionId());
      assertTrue(resumed.timeoutMs() > 0, "a valid session: " + resumed);
      w.request(6, OpCode.GET_DATA, new GetDataRequest(node, false));
      assertEquals("reply xid=6 zxid=zxid OK; open", w.outcome().text());
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void checkSentAloneIsUnimplementedThenClosed(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    try (WireClient w = connected(core)) {
      w.request(5, OpCode.CHECK, new CheckVersionRequest(node, 0));
      assertUnimplementedThenClosed(w, 5);
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void notificationOpZeroIsUnimplementedThenClosed(CoreKind kind) {
    try (WireClient w = connected(core(kind))) {
      w.request(5, OpCode.NOTIFICATION, null);
      assertUnimplementedThenClosed(w, 5);
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void secondConnectRequestReadsAsXidZeroOpZero(CoreKind kind) {
    // Its first 8 bytes, protocolVersion 0 and the high half of lastZxidSeen 0, are the header.
    try (WireClient w = connected(core(kind))) {
      w.send(frame(WireClient.newSession(10_000).toBytes()));
      assertUnimplementedThenClosed(w, 0);
    }
  }

  /**
   * createSession (−10) sent as a request. ZooKeeper counts it valid and runs it: without a body
   * its prep stage fails (MARSHALLINGERROR, connection kept); with a 4-byte timeout it writes a
   * second ConnectResponse on the established connection. Departure (Paddock, documented on {@code
   * RequestCodec.isDecodable}): createSession is an internal txn type with no client request
   * record, so Paddock refuses it like an unknown op: UNIMPLEMENTED, zxid −1, closed.
   */
  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void createSessionAsAPacketDeparture(CoreKind kind) {
    TestCore core = core(kind);
    try (WireClient w = connected(core)) {
      w.request(5, OpCode.CREATE_SESSION, null);
      assertEquals(
          kind == CoreKind.ZOOKEEPER
              ? "reply xid=5 zxid=zxid MARSHALLINGERROR; open"
              : "reply xid=5 zxid=-1 UNIMPLEMENTED; closed",
          w.outcome().text());
    }
    try (WireClient w = connected(core)) {
      w.send(frame(concat(requestPayload(6, OpCode.CREATE_SESSION, null), int32(5_000))));
      byte[] reply = w.readFrame(WireClient.REPLY_WAIT);
      if (kind == CoreKind.ZOOKEEPER) {
        assertEquals(37, reply.length, "ZooKeeper answers with a ConnectResponse (37 bytes)");
      } else {
        assertEquals(
            "reply xid=6 zxid=-1 UNIMPLEMENTED",
            Outcome.describe(
                io.paddock.client.protocol.ReplyHeader.read(
                    new io.paddock.store.codec.JuteReader(reply))));
        assertEquals(null, w.readFrame(WireClient.REPLY_WAIT), "then closed");
      }
    }
  }
}
