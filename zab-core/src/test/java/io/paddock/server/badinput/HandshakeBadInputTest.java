package io.paddock.server.badinput;

import static io.paddock.server.badinput.Frames.concat;
import static io.paddock.server.badinput.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.server.interop.CoreKind;
import io.paddock.server.interop.TestCore;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.model.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first frame of a connection (PROTOCOL 1, 3, 11): anything that is neither a four-letter word
 * nor a ConnectRequest closes the connection; a four-letter word that is not whitelisted gets
 * ZooKeeper's refusal text. Also the handshake refusals (a client ahead of the server, an unknown
 * session) and Paddock's two documented departures here: the default whitelist, and a resume with a
 * wrong password that leaves the rightful connection alone.
 */
class HandshakeBadInputTest extends BadInputTestBase {

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void requestsBeforeTheHandshakeClose(CoreKind kind) {
    TestCore core = core(kind);
    List<byte[]> firstFrames =
        List.of(
            Frames.request(-2, OpCode.PING, null), // 8 bytes: too short for a ConnectRequest
            Frames.request(1, OpCode.GET_DATA, new GetDataRequest("/", false)),
            frame(new byte[] {0, 0, 0, 0, 1}),
            frame(new byte[0]));
    for (byte[] first : firstFrames) {
      try (WireClient w = unconnected(core)) {
        w.send(first);
        assertEquals(Outcome.CLOSED_WITHOUT_REPLY, w.outcome().text(), Frames.hex(first, 64));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void clientThatHasSeenALaterZxidIsClosed(CoreKind kind) {
    try (WireClient w = unconnected(core(kind))) {
      w.send(
          frame(
              new ConnectRequest(0, 0x7fff_ffff_0000_0000L, 10_000, 0, new byte[16], false)
                  .toBytes()));
      assertEquals(Outcome.CLOSED_WITHOUT_REPLY, w.outcome().text());
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void unknownSessionGetsTheInvalidResponseThenClose(CoreKind kind) {
    try (WireClient w = unconnected(core(kind))) {
      ConnectResponse r = w.handshake(WireClient.resume(0x1234, new byte[16], 10_000));
      assertEquals(0, r.timeoutMs());
      assertEquals(0, r.sessionId());
      assertArrayEquals(new byte[16], r.passwd());
      assertEquals(null, w.readFrame(WireClient.REPLY_WAIT), "then closed");
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void connectRequestWithTrailingBytesIsAnOrdinaryHandshake(CoreKind kind) {
    try (WireClient w = unconnected(core(kind))) {
      byte[] garbage = "garbage after the readOnly byte".getBytes(StandardCharsets.US_ASCII);
      w.send(frame(concat(WireClient.newSession(10_000).toBytes(), garbage)));
      byte[] reply = w.readFrame(WireClient.REPLY_WAIT);
      assertEquals(37, reply.length, "a ConnectResponse with the readOnly byte");
      ConnectResponse r = ConnectResponse.read(new JuteReader(reply));
      assertEquals(10_000, r.timeoutMs());
      assertTrue(r.sessionId() != 0);
      w.request(1, OpCode.GET_DATA, new GetDataRequest("/", false));
      assertEquals("reply xid=1 zxid=zxid OK; open", w.outcome().text());
    }
  }

  /**
   * A resume with the right session id and a wrong password. Both servers answer the impostor with
   * the invalid ConnectResponse (timeout 0, session 0) and close it. Departure (Paddock, documented
   * on {@code Handshake}): ZooKeeper first closes the connection that holds the session (before it
   * checks the password), so anyone who knows a session id can cut its client off; Paddock checks
   * the password first and the rightful connection stays open.
   */
  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void wrongPasswordResumeDeparture(CoreKind kind) {
    TestCore core = core(kind);
    try (WireClient owner = unconnected(core);
        WireClient impostor = unconnected(core)) {
      ConnectResponse session = owner.handshake();
      byte[] wrong = session.passwd().clone();
      wrong[0] ^= 1;
      ConnectResponse r = impostor.handshake(WireClient.resume(session.sessionId(), wrong, 10_000));
      assertEquals(0, r.timeoutMs(), "invalid response to the impostor");
      assertEquals(0, r.sessionId());
      assertEquals(null, impostor.readFrame(WireClient.REPLY_WAIT), "the impostor is closed");

      owner.request(7, OpCode.GET_DATA, new GetDataRequest("/", false));
      assertEquals(
          kind == CoreKind.ZOOKEEPER
              ? Outcome.CLOSED_WITHOUT_REPLY
              : "reply xid=7 zxid=zxid OK; open",
          owner.outcome().text(),
          "the rightful connection");
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void fourLetterWordsOffTheWhitelistAreRefusedByText(CoreKind kind) {
    for (String word :
        List.of(
            "cons", "dump", "wchc", "wchp", "wchs", "stat", "conf", "envi", "crst", "srst", "gtmk",
            "dirs")) {
      assertEquals(
          word + " is not executed because it is not in the whitelist.\n",
          fourLetterWord(core(kind), word),
          word);
    }
  }

  /**
   * Departure (Paddock, documented on {@code config.FourLetterWords}): without a
   * 4lw.commands.whitelist key ZooKeeper enables only srvr, Paddock also ruok, mntr and isro.
   */
  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void defaultWhitelistDeparture(CoreKind kind) {
    TestCore core = core(kind);
    if (kind == CoreKind.ZOOKEEPER) {
      for (String word : List.of("ruok", "mntr", "isro")) {
        assertEquals(
            word + " is not executed because it is not in the whitelist.\n",
            fourLetterWord(core, word));
      }
    } else {
      assertEquals("imok", fourLetterWord(core, "ruok"));
      assertTrue(fourLetterWord(core, "mntr").startsWith("zk_version\t"));
      assertEquals("rw", fourLetterWord(core, "isro"));
    }
    assertTrue(fourLetterWord(core, "srvr").startsWith("Zookeeper version: "), "srvr on both");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void unknownFourLettersAreAnOversizedLength(CoreKind kind) {
    assertEquals("", fourLetterWord(core(kind), "abcd"), "closed without output");
  }

  private static String fourLetterWord(TestCore core, String word) {
    try (WireClient w = unconnected(core)) {
      w.send(word.getBytes(StandardCharsets.US_ASCII));
      return new String(w.readUntilClosed(), StandardCharsets.UTF_8);
    }
  }
}
