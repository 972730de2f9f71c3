package io.paddock.server.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.MultiHeader;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestCodec;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.OpCode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Vector counts below −1 read as empty vectors on the request path, as jute reads them. */
class JuteVectorCountsTest {
  private static final Acl OPEN = Acl.OPEN_ACL_UNSAFE.get(0);

  private static byte[] payload(int op, Consumer<JuteWriter> body) {
    JuteWriter w = new JuteWriter();
    new RequestHeader(8, op).write(w);
    body.accept(w);
    return w.toByteArray();
  }

  private static Request decode(int op, byte[] payload) {
    JuteVectorCounts.normalize(op, payload, RequestHeader.ENCODED_BYTES);
    JuteReader in = new JuteReader(payload);
    RequestHeader.read(in);
    return RequestCodec.decode(op, in);
  }

  private static void createBody(JuteWriter w, String path, int aclCount) {
    w.writeString(path);
    w.writeBuffer(new byte[] {1});
    w.writeInt(aclCount);
    w.writeInt(0);
  }

  @Test
  void aCreateAclCountOfMinusTwoIsAnEmptyAcl() {
    CreateRequest r =
        (CreateRequest) decode(OpCode.CREATE, payload(OpCode.CREATE, w -> createBody(w, "/a", -2)));
    assertEquals(List.of(), r.acl());
    assertEquals("/a", r.path());
    assertEquals(0, r.flags());
  }

  @Test
  void anyCountBelowMinusOneIsEmptyButMinusOneStaysNull() {
    CreateRequest min =
        (CreateRequest)
            decode(
                OpCode.CREATE2,
                payload(OpCode.CREATE2, w -> createBody(w, "/a", Integer.MIN_VALUE)));
    assertEquals(List.of(), min.acl());
    CreateRequest nul =
        (CreateRequest) decode(OpCode.CREATE, payload(OpCode.CREATE, w -> createBody(w, "/a", -1)));
    assertNull(nul.acl());
  }

  @Test
  void setAclCountOfMinusTwoIsAnEmptyAcl() {
    byte[] p =
        payload(
            OpCode.SET_ACL,
            w -> {
              w.writeString("/a");
              w.writeInt(-2);
              w.writeInt(3);
            });
    SetAclRequest r = (SetAclRequest) decode(OpCode.SET_ACL, p);
    assertEquals(List.of(), r.acl());
    assertEquals(3, r.version());
  }

  @Test
  void setWatches2ListsAfterANegativeCountStillDecode() {
    byte[] p =
        payload(
            OpCode.SET_WATCHES2,
            w -> {
              w.writeLong(5);
              w.writeInt(-2);
              w.writeInt(1);
              w.writeString("/e");
              w.writeInt(-7);
              w.writeInt(0);
              w.writeInt(-1);
            });
    SetWatches2 r = (SetWatches2) decode(OpCode.SET_WATCHES2, p);
    assertEquals(List.of(), r.dataWatches());
    assertEquals(List.of("/e"), r.existWatches());
    assertEquals(List.of(), r.childWatches());
  }

  @Test
  void aNegativeAclCountInALaterMultiOpIsEmptyToo() {
    byte[] p =
        payload(
            OpCode.MULTI,
            w -> {
              new MultiHeader(OpCode.CREATE, false, -1).write(w);
              new CreateRequest("/a", null, Acl.OPEN_ACL_UNSAFE, 0).write(w);
              new MultiHeader(OpCode.SET_DATA, false, -1).write(w);
              w.writeString("/a");
              w.writeBuffer(new byte[] {2});
              w.writeInt(-1);
              new MultiHeader(OpCode.CREATE, false, -1).write(w);
              createBody(w, "/a/b", -2);
              new MultiHeader(-1, true, -1).write(w);
            });
    MultiRequest r = (MultiRequest) decode(OpCode.MULTI, p);
    assertEquals(3, r.ops().size());
    assertEquals(List.of(OPEN), ((CreateRequest) r.ops().get(0).request()).acl());
    assertEquals(List.of(), ((CreateRequest) r.ops().get(2).request()).acl());
  }

  @Test
  void aBodyThatDoesNotDecodeIsLeftAsItIs() {
    byte[] p = payload(OpCode.CREATE, w -> w.writeString("/a"));
    byte[] cut = java.util.Arrays.copyOf(p, p.length);
    JuteVectorCounts.normalize(OpCode.CREATE, cut, RequestHeader.ENCODED_BYTES);
    assertArrayEquals(p, cut);
    assertThrows(MalformedRecordException.class, () -> decode(OpCode.CREATE, cut));
  }

  @Test
  void negativeLengthsOfStringsAndBuffersAreNotTouched() {
    byte[] p =
        payload(
            OpCode.CREATE,
            w -> {
              w.writeString("/a");
              w.writeInt(-2); // data length: ZooKeeper refuses it too
              w.writeInt(-2);
              w.writeInt(0);
            });
    assertThrows(MalformedRecordException.class, () -> decode(OpCode.CREATE, p));
  }
}
