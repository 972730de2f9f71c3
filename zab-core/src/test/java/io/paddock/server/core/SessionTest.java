package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.server.core.session.SessionIds;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.OpCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handshake (PROTOCOL 3.3) and the life of a session (9.11). */
class SessionTest {
  @TempDir Path dir;
  CoreHarness h;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private ConnectResponse connect(
      long sessionId, byte[] password, int timeoutMs, long lastZxidSeen) {
    return h.handshake(
        h.channel(), new ConnectRequest(0, lastZxidSeen, timeoutMs, sessionId, password, false));
  }

  @Test
  void aNewSessionGetsAnIdAPasswordAndAClampedTimeout() {
    ConnectResponse r = connect(0, new byte[16], 1000, 0);
    assertEquals(4000, r.timeoutMs(), "clamped up to 2 × tickTime");
    assertArrayEquals(SessionIds.password(r.sessionId()), r.passwd());
    assertEquals(0, r.sessionId() >>> 56, "standalone ids carry server id 0 in the top byte");
    assertNotEquals(0, r.sessionId());
    assertEquals(
        40_000, connect(0, new byte[16], 60_000, 0).timeoutMs(), "clamped down to 20 × tickTime");
    assertEquals(10_000, connect(0, new byte[16], 10_000, 0).timeoutMs());
  }

  @Test
  void theConnectResponseWaitsForTheCreateSessionTxnAndConsumesAZxid() {
    long before = h.core.lastProcessedZxid();
    ConnectResponse r = connect(0, new byte[16], 10_000, 0);
    assertEquals(before + 1, h.core.lastProcessedZxid(), "createSession is a txn");
    assertTrue(r.timeoutMs() > 0);
  }

  @Test
  void oldClientsWithoutTheReadOnlyByteGetNoneBack() {
    InMemoryChannel ch = h.channel();
    h.core.onConnect(ch, new ConnectRequest(0, 0, 10_000, 0, new byte[16], false, false), false);
    h.barrier();
    assertFalse(ch.flushed().get(0).readOnlyIncluded());
  }

  @Test
  void aClientThatHasSeenMoreIsClosedWithoutAReply() {
    InMemoryChannel ch = h.channel();
    h.core.onConnect(
        ch,
        new ConnectRequest(0, h.core.lastProcessedZxid() + 1, 10_000, 0, new byte[16], false),
        true);
    h.barrier();
    assertTrue(ch.isClosed());
    assertTrue(ch.flushed().isEmpty());
  }

  @Test
  void resumeWithTheRightPasswordMovesTheSessionAndClosesTheOldConnection() {
    TestClient first = h.connect();
    first.call(OpCode.CREATE, create("/e", "", CreateMode.EPHEMERAL));
    TestClient second = h.resume(first);
    assertTrue(first.channel.isClosed(), "the old connection is closed");
    assertEquals(
        0,
        second.call(OpCode.EXISTS, Requests.exists("/e", false)).err(),
        "the ephemeral survived the move");
    assertEquals(0, first.channel.sendsAfterClose());
  }

  @Test
  void resumeWithAWrongPasswordIsInvalidAndLeavesTheRightfulConnectionAlone() {
    TestClient owner = h.connect();
    byte[] wrong = SessionIds.password(owner.sessionId);
    wrong[0] ^= 1;
    InMemoryChannel attacker = h.channel();
    ConnectResponse r =
        h.handshake(attacker, new ConnectRequest(0, 0, 10_000, owner.sessionId, wrong, false));
    assertEquals(
        new ConnectResponse(0, 0, 0, new byte[16], false), r, "the invalid-session answer");
    assertTrue(attacker.isClosed());
    // Departure from ZooKeeper: it would have closed the owner's connection before the check.
    assertFalse(owner.channel.isClosed(), "the rightful connection is untouched");
    assertEquals(0, owner.ping().err());
  }

  @Test
  void resumeOfAnUnknownSessionIsInvalid() {
    long unknown = 0x1234L;
    ConnectResponse r = connect(unknown, SessionIds.password(unknown), 10_000, 0);
    assertEquals(0, r.timeoutMs());
    assertEquals(0, r.sessionId());
  }

  @Test
  void expiryDeletesEphemeralsFiresTheirWatchesAndClosesSilently() {
    TestClient doomed = h.connect();
    TestClient watcher = h.connect();
    doomed.call(OpCode.CREATE, create("/eph", "", CreateMode.EPHEMERAL));
    watcher.call(OpCode.EXISTS, Requests.exists("/eph", true));
    int framesBefore = doomed.channel.flushed().size();
    long step = 3000;
    for (long t = 0; t < 12_000; t += step) {
      h.advance(step); // the watcher pings, the doomed session does not
      watcher.ping();
    }
    assertTrue(doomed.channel.isClosed(), "the expired session's connection is closed");
    assertEquals(framesBefore, doomed.channel.flushed().size(), "without a message");
    assertEquals(
        ErrorCode.NONODE.code(), watcher.call(OpCode.EXISTS, Requests.exists("/eph", false)).err());
    List<InMemoryChannel.Frame> events = watcher.notifications();
    assertEquals(1, events.size());
    assertEquals(EventType.NODE_DELETED.code(), ((WatcherEvent) events.get(0).body()).type());
    ConnectResponse late = connect(doomed.sessionId, doomed.password, 10_000, 0);
    assertEquals(0, late.timeoutMs(), "a reconnect after expiry is told the session is invalid");
  }

  @Test
  void expiryHappensWithinOneTickAfterTheTimeout() {
    TestClient c = h.connect(); // timeout 10000, tick 2000: expiry at the tick boundary after 10 s
    h.advance(9_999);
    assertFalse(c.channel.isClosed(), "not before the timeout");
    h.advance(CoreHarness.TICK_MS + 1);
    assertTrue(c.channel.isClosed(), "by timeout + one tick");
  }

  @Test
  void everyPacketTouchesTheSession() {
    TestClient c = h.connect();
    for (int i = 0; i < 10; i++) {
      h.advance(5_000);
      assertEquals(0, c.ping().err(), "ping " + i);
    }
    assertFalse(c.channel.isClosed());
  }

  @Test
  void aDroppedConnectionKeepsItsSessionUntilExpiry() {
    TestClient c = h.connect();
    c.call(OpCode.CREATE, create("/kept", "", CreateMode.EPHEMERAL));
    c.drop();
    TestClient other = h.connect();
    assertEquals(0, other.call(OpCode.EXISTS, Requests.exists("/kept", false)).err());
    TestClient back = h.resume(c);
    assertEquals(0, back.ping().err());
  }

  @Test
  void closeSessionRepliesThenClosesAndDeletesEphemerals() {
    TestClient c = h.connect();
    c.call(OpCode.CREATE, create("/gone", "", CreateMode.EPHEMERAL));
    TestClient.Answer a = c.call(OpCode.CLOSE_SESSION, EmptyRequest.INSTANCE);
    assertEquals(0, a.err());
    assertNull(a.body());
    assertEquals(h.core.lastProcessedZxid(), a.zxid(), "the close is a txn");
    assertTrue(c.channel.isClosed());
    assertEquals(
        ErrorCode.NONODE.code(),
        h.connect().call(OpCode.EXISTS, Requests.exists("/gone", false)).err());
    assertEquals(0, connect(c.sessionId, c.password, 10_000, 0).timeoutMs());
  }

  @Test
  void sessionIdsAreDistinct() {
    long a = connect(0, new byte[16], 10_000, 0).sessionId();
    long b = connect(0, new byte[16], 10_000, 0).sessionId();
    assertEquals(a + 1, b);
  }
}
