package io.paddock.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.OpCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte strings quoted in PROTOCOL.md (live captures of a 3.9.3 server and client). */
class GoldenBytesTest {

  /** Prefixes a payload with its int32 length, as every frame is sent. */
  private static byte[] frame(JuteRecord... records) {
    JuteWriter out = new JuteWriter();
    out.writeInt(0);
    for (JuteRecord r : records) {
      r.write(out);
    }
    out.setInt(0, out.size() - 4);
    return out.toByteArray();
  }

  @Test
  void connectRequestOfSection31Is49BytesOnTheWire() {
    String golden =
        "0000002d 00000000 0000000000000000 000003e8 0000000000000000 00000010"
            + " 00000000000000000000000000000000 00";
    ConnectRequest request = new ConnectRequest(0, 0, 1000, 0, new byte[16], false);
    byte[] wire = frame(request);
    assertEquals(49, wire.length);
    assertEquals(Hex.of(Hex.bytes(golden)), Hex.of(wire));
    ConnectRequest decoded = ConnectRequest.read(new JuteReader(wire, 4, 45));
    assertEquals(request, decoded);
    assertTrue(decoded.readOnlyPresent());
  }

  @Test
  void connectResponseOfSection32() {
    byte[] payload =
        Hex.bytes(
            "00000000 00000fa0 01000007b1a50000 00000010 b1e9bea0eab7ffb07756d63b43034889 00");
    assertEquals(37, payload.length);
    ConnectResponse response = ConnectResponse.read(new JuteReader(payload));
    assertEquals(0, response.protocolVersion());
    assertEquals(4000, response.timeoutMs());
    assertEquals(0x01000007b1a50000L, response.sessionId());
    assertEquals("b1e9bea0eab7ffb07756d63b43034889", Hex.of(response.passwd()));
    assertFalse(response.readOnly());
    assertTrue(response.readOnlyPresent());
    assertArrayEquals(payload, response.toBytes());
    // Without the readOnly byte: 36 bytes, as a server answers an old client.
    ConnectResponse old =
        ConnectResponse.read(new JuteReader(java.util.Arrays.copyOf(payload, 36)));
    assertFalse(old.readOnlyPresent());
    assertEquals(36, old.toBytes().length);
    assertFalse(response.toString().contains("b1e9"), "toString must not show the password");
  }

  @Test
  void notificationFrameOfSection81() {
    byte[] payload =
        Hex.bytes("ffffffff 000000000000000b 00000000 | 00000003 00000003 00000002 2f61");
    JuteReader in = new JuteReader(payload);
    ReplyHeader header = ReplyHeader.read(in);
    assertEquals(new ReplyHeader(Xids.NOTIFICATION, 0xb, 0), header);
    Response body = ResponseCodec.decode(OpCode.NOTIFICATION, in);
    assertEquals(new WatcherEvent(EventType.NODE_DATA_CHANGED.code(), 3, "/a"), body);
    assertFalse(in.hasRemaining());
    JuteWriter out = new JuteWriter();
    ResponseCodec.encode(header, body, out);
    assertArrayEquals(payload, out.toByteArray());
  }

  @Test
  void openAclUnsafeVector() {
    String golden =
        "00000001 0000001f 00000005" + Hex.ascii("world") + "00000006" + Hex.ascii("anyone");
    SetAclRequest request = new SetAclRequest("/", Acl.OPEN_ACL_UNSAFE, -1);
    String expected = "00000001 2f" + golden + "ffffffff";
    assertEquals(Hex.of(Hex.bytes(expected)), Hex.of(request.toBytes()));
    assertEquals(Acl.OPEN_ACL_UNSAFE, SetAclRequest.read(new JuteReader(request.toBytes())).acl());
  }

  @Test
  void failedMultiResponseOfSection63() {
    byte[] golden =
        Hex.bytes(
            "ffffffff 00 00000000 00000000 | ffffffff 00 ffffff92 ffffff92"
                + " | ffffffff 00 fffffffe fffffffe | ffffffff 01 ffffffff");
    MultiResponse expected =
        new MultiResponse(
            List.of(
                new MultiResult.ErrorResult(0),
                new MultiResult.ErrorResult(ErrorCode.NODEEXISTS.code()),
                new MultiResult.ErrorResult(ErrorCode.RUNTIMEINCONSISTENCY.code())));
    assertEquals(expected, MultiResponse.read(new JuteReader(golden)));
    assertArrayEquals(golden, expected.toBytes());
    assertEquals(ErrorCode.NODEEXISTS.code(), expected.firstError());
  }

  @Test
  void multiRequestEndsWithTheTerminator() {
    assertEquals("ffffffff01ffffffff", Hex.of(MultiHeader.TERMINATOR.toBytes()));
    assertEquals("ffffffff01ffffffff", Hex.of(new MultiRequest(List.of()).toBytes()));
    MultiRequest one = new MultiRequest(List.of(MultiOp.check(new CheckVersionRequest("/a", 3))));
    String expected = "0000000d 00 ffffffff | 00000002 2f61 00000003 | ffffffff 01 ffffffff";
    assertEquals(Hex.of(Hex.bytes(expected)), Hex.of(one.toBytes()));
    assertEquals("ffffffff01ffffffff", Hex.of(new MultiResponse(List.of()).toBytes()));
  }

  @Test
  void addWatchReplyBodyIsFourZeroBytes() {
    Response body = ResponseCodec.decode(OpCode.ADD_WATCH, new JuteReader(Hex.bytes("00000000")));
    assertEquals(new ErrorResponse(0), body);
    assertEquals("00000000", Hex.of(body.toBytes()));
  }

  @Test
  void pingAndAuthFramesUseTheirSpecialXids() {
    assertEquals("fffffffe0000000b", Hex.of(new RequestHeader(Xids.PING, OpCode.PING).toBytes()));
    AuthPacket auth =
        new AuthPacket(0, "digest", "u:p".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    JuteWriter out = new JuteWriter();
    RequestCodec.encode(new RequestHeader(Xids.AUTH, OpCode.AUTH), auth, out);
    String expected =
        "fffffffc 00000064 | 00000000 00000006"
            + Hex.ascii("digest")
            + "00000003"
            + Hex.ascii("u:p");
    assertEquals(Hex.of(Hex.bytes(expected)), Hex.of(out.toByteArray()));
  }
}
