package io.paddock.store.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte layouts quoted in PROTOCOL 6.1 and 6.3, byte for byte, both ways. */
class GoldenBytesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void statIsElevenFieldsIn68BytesInDeclarationOrder() {
    Stat stat =
        new Stat(
            0x0102030405060708L, // czxid
            0x1112131415161718L, // mzxid
            0x2122232425262728L, // ctime
            0x3132333435363738L, // mtime
            0x41424344, // version
            0x51525354, // cversion
            0x61626364, // aversion
            0x7172737475767778L, // ephemeralOwner
            0x81828384, // dataLength
            0x91929394, // numChildren
            0xa1a2a3a4a5a6a7a8L); // pzxid
    JuteWriter w = new JuteWriter();
    stat.write(w);
    String expected =
        "0102030405060708"
            + "1112131415161718"
            + "2122232425262728"
            + "3132333435363738"
            + "41424344"
            + "51525354"
            + "61626364"
            + "7172737475767778"
            + "81828384"
            + "91929394"
            + "a1a2a3a4a5a6a7a8";
    assertEquals(expected, HEX.formatHex(w.toByteArray()));
    assertEquals(68, w.size());
    assertEquals(Stat.ENCODED_BYTES, w.size());
    assertEquals(stat, Stat.read(new JuteReader(w.toByteArray())));
  }

  @Test
  void openAclUnsafeAsAVector() {
    JuteWriter w = new JuteWriter();
    Acl.writeList(w, Acl.OPEN_ACL_UNSAFE);
    String expected =
        "00000001" + "0000001f" + "00000005" + hexOf("world") + "00000006" + hexOf("anyone");
    assertEquals(expected, HEX.formatHex(w.toByteArray()));
    JuteReader r = new JuteReader(w.toByteArray());
    assertEquals(Acl.OPEN_ACL_UNSAFE, Acl.readList(r));
    assertFalse(r.hasRemaining());
  }

  private static String hexOf(String ascii) {
    return HEX.formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** MultiHeader(int type, boolean done, int err): test-local; the wire records live in client. */
  record MultiHeader(int type, boolean done, int err) {
    void write(JuteWriter w) {
      w.writeInt(type);
      w.writeBool(done);
      w.writeInt(err);
    }

    static MultiHeader read(JuteReader r) {
      return new MultiHeader(r.readInt(), r.readBool(), r.readInt());
    }
  }

  @Test
  void abortedMultiResponseFromSection63() {
    List<ErrorCode> results =
        List.of(ErrorCode.OK, ErrorCode.NODEEXISTS, ErrorCode.RUNTIMEINCONSISTENCY);
    JuteWriter w = new JuteWriter();
    for (ErrorCode err : results) {
      new MultiHeader(OpCode.ERROR, false, err.code()).write(w);
      w.writeInt(err.code()); // ErrorResponse(int err)
    }
    new MultiHeader(-1, true, -1).write(w);
    String expected =
        "ffffffff"
            + "00"
            + "00000000"
            + "00000000"
            + "ffffffff"
            + "00"
            + "ffffff92"
            + "ffffff92"
            + "ffffffff"
            + "00"
            + "fffffffe"
            + "fffffffe"
            + "ffffffff"
            + "01"
            + "ffffffff";
    assertEquals(expected, HEX.formatHex(w.toByteArray()));

    JuteReader r = new JuteReader(HEX.parseHex(expected));
    List<ErrorCode> decoded = new ArrayList<>();
    for (MultiHeader h = MultiHeader.read(r); !h.done(); h = MultiHeader.read(r)) {
      assertEquals(OpCode.ERROR, h.type(), "every result of an aborted multi is an error result");
      int body = r.readInt();
      assertEquals(h.err(), body, "ErrorResponse repeats the header's err");
      decoded.add(ErrorCode.fromCode(body));
    }
    assertEquals(results, decoded);
    assertFalse(r.hasRemaining(), "nothing after the terminator");
  }
}
