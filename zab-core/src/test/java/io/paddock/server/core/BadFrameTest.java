package io.paddock.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SetWatches;
import io.paddock.client.protocol.Xids;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the core does with frames it cannot take: only that connection suffers. */
class BadFrameTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient c;
  TestClient bystander;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir);
    c = h.connect();
    bystander = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
    assertNull(h.core.failure(), "the state thread never died");
  }

  @Test
  void anUnknownOpGetsUnimplementedWithZxidMinusOneThenClose() {
    h.core.onBadFrame(c.channel, new RequestHeader(7, 55), ServerCore.BadFrame.UNKNOWN_OP, "op 55");
    h.barrier();
    TestClient.Answer a = c.reply(7);
    assertEquals(ErrorCode.UNIMPLEMENTED.code(), a.err());
    assertEquals(-1, a.zxid());
    assertTrue(c.channel.isClosed());
    assertEquals(0, h.resume(c).ping().err(), "the session survives");
    assertEquals(0, bystander.ping().err());
  }

  @Test
  void aMalformedBodyGetsMarshallingErrorAndTheConnectionStaysOpen() {
    long zxid = h.core.lastProcessedZxid();
    h.core.onBadFrame(
        c.channel,
        new RequestHeader(3, OpCode.GET_DATA),
        ServerCore.BadFrame.MALFORMED_BODY,
        "cut short");
    h.barrier();
    TestClient.Answer a = c.reply(3);
    assertEquals(ErrorCode.MARSHALLINGERROR.code(), a.err());
    assertEquals(zxid, a.zxid(), "no zxid consumed");
    assertFalse(c.channel.isClosed(), "ZooKeeper 3.9.3 keeps the connection open");
    assertEquals(0, c.ping().err());
    assertEquals(0, c.call(OpCode.CREATE, Requests.create("/after", "")).err());
  }

  @Test
  void aMalformedWriteBodyConsumesNoZxidAndTheConnectionStaysOpen() {
    long zxid = h.core.lastProcessedZxid();
    h.core.onBadFrame(
        c.channel,
        new RequestHeader(4, OpCode.CREATE),
        ServerCore.BadFrame.MALFORMED_BODY,
        "ACL vector cut");
    h.barrier();
    TestClient.Answer a = c.reply(4);
    assertEquals(ErrorCode.MARSHALLINGERROR.code(), a.err());
    assertEquals(zxid, a.zxid(), "only a malformed multi consumes a zxid");
    assertEquals(zxid, h.core.lastProcessedZxid());
    assertFalse(c.channel.isClosed());
  }

  @Test
  void aTruncatedAuthPacketClosesWithoutAReply() {
    h.core.onBadFrame(
        c.channel,
        new RequestHeader(Xids.AUTH, OpCode.AUTH),
        ServerCore.BadFrame.MALFORMED_BODY,
        "auth cut short");
    h.barrier();
    assertTrue(c.channel.isClosed());
    assertTrue(
        c.channel.flushed().stream()
            .noneMatch(f -> f.header() != null && f.header().xid() == Xids.AUTH),
        "no reply to the auth packet: " + c.channel.flushed());
    assertEquals(0, h.core.outstandingRequests(), "the auth packet is not left outstanding");
    assertEquals(0, h.resume(c).ping().err(), "the session survives");
    assertEquals(0, bystander.ping().err());
  }

  @Test
  void anAuthReplyCarriesZxidZero() {
    c.call(OpCode.CREATE, Requests.create("/z", ""));
    c.digest("u:p");
    assertEquals(0, c.lastWithXid(Xids.AUTH).zxid());
  }

  @Test
  void nullFieldsAreMarshallingErrorsAndWritesStillConsumeAZxid() {
    long zxid = h.core.lastProcessedZxid();
    assertEquals(
        ErrorCode.MARSHALLINGERROR.code(),
        c.call(OpCode.GET_DATA, new GetDataRequest(null, false)).err());
    TestClient.Answer w = c.call(OpCode.CREATE, new CreateRequest(null, null, Requests.OPEN, 0));
    assertEquals(ErrorCode.MARSHALLINGERROR.code(), w.err());
    assertEquals(zxid + 1, w.zxid());
    TestClient.Answer sw =
        c.call(OpCode.SET_WATCHES, new SetWatches(0, Arrays.asList("/", null), null, null));
    assertEquals(ErrorCode.MARSHALLINGERROR.code(), sw.err());
    assertEquals(0, bystander.ping().err());
  }

  @Test
  void requestsAfterABadFrameOnAClosedConnectionAreDropped() {
    h.core.onBadFrame(c.channel, new RequestHeader(1, 55), ServerCore.BadFrame.UNKNOWN_OP, "op 55");
    c.sendWithXid(2, OpCode.GET_DATA, new GetDataRequest("/", false));
    h.barrier();
    assertEquals(0, c.channel.sendsAfterClose());
    assertEquals(0, h.core.outstandingRequests(), "the dropped request is not left outstanding");
  }

  @Test
  void aBadFrameWaitsBehindTheWritesOfItsConnection() {
    int write = c.send(OpCode.CREATE, Requests.create("/w", ""));
    h.core.onBadFrame(
        c.channel, new RequestHeader(99, 55), ServerCore.BadFrame.UNKNOWN_OP, "op 55");
    h.barrier();
    assertEquals(0, c.reply(write).err(), "the earlier write is answered first");
    assertEquals(ErrorCode.UNIMPLEMENTED.code(), c.reply(99).err());
  }
}
