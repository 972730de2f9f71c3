package io.paddock.store.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import io.paddock.store.model.Stat;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every jute type survives JuteWriter → JuteReader, with the exact bytes PROTOCOL 2 prescribes
 * where they are short enough to spell out, and the reader consumes exactly what was written.
 */
class JuteRoundTripTest {
  private static final HexFormat HEX = HexFormat.of();

  private static String hex(JuteWriter w) {
    return HEX.formatHex(w.toByteArray());
  }

  private static JuteReader reader(JuteWriter w) {
    return new JuteReader(w.toByteArray());
  }

  @Test
  void intsAreFourBytesBigEndianTwosComplement() {
    int[] values = {Integer.MIN_VALUE, -1, 0, 1, 0x01020304, Integer.MAX_VALUE};
    JuteWriter w = new JuteWriter();
    for (int v : values) {
      w.writeInt(v);
    }
    assertEquals(
        "80000000" + "ffffffff" + "00000000" + "00000001" + "01020304" + "7fffffff", hex(w));
    JuteReader r = reader(w);
    for (int v : values) {
      assertEquals(v, r.readInt());
    }
    assertFalse(r.hasRemaining());
  }

  @Test
  void longsAreEightBytesBigEndian() {
    long[] values = {Long.MIN_VALUE, -1L, 0L, 0x0102030405060708L, Long.MAX_VALUE};
    JuteWriter w = new JuteWriter();
    for (long v : values) {
      w.writeLong(v);
    }
    assertEquals(
        "8000000000000000ffffffffffffffff00000000000000000102030405060708" + "7fffffffffffffff",
        hex(w));
    JuteReader r = reader(w);
    for (long v : values) {
      assertEquals(v, r.readLong());
    }
    assertEquals(0, r.remaining());
  }

  @Test
  void bytesAndBooleans() {
    JuteWriter w = new JuteWriter();
    w.writeByte(-128);
    w.writeByte(0);
    w.writeByte(127);
    w.writeByte(255);
    w.writeBool(true);
    w.writeBool(false);
    assertEquals("80007fff0100", hex(w));
    JuteReader r = reader(w);
    assertEquals(-128, r.readByte());
    assertEquals(0, r.readByte());
    assertEquals(127, r.readByte());
    assertEquals(-1, r.readByte());
    assertTrue(r.readBool());
    assertFalse(r.readBool());
    assertTrue(new JuteReader(new byte[] {2}).readBool(), "any non-zero byte reads as true");
  }

  @Test
  void buffersNullEmptyAndData() {
    JuteWriter w = new JuteWriter();
    w.writeBuffer(null);
    w.writeBuffer(new byte[0]);
    w.writeBuffer(new byte[] {1, 2, 3});
    w.writeBuffer(new byte[] {9, 8, 7, 6}, 1, 2);
    assertEquals("ffffffff" + "00000000" + "00000003010203" + "000000020807", hex(w));
    JuteReader r = reader(w);
    assertNull(r.readBuffer(), "length −1 is null");
    assertArrayEquals(new byte[0], r.readBuffer(), "length 0 is empty, not null");
    assertArrayEquals(new byte[] {1, 2, 3}, r.readBuffer());
    assertArrayEquals(new byte[] {8, 7}, r.readBuffer());
    assertFalse(r.hasRemaining());
  }

  @Test
  void largeBufferGrowsTheWriter() {
    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    JuteWriter w = new JuteWriter(16);
    w.writeBuffer(big);
    assertEquals(4 + big.length, w.size());
    assertArrayEquals(big, reader(w).readBuffer());
  }

  @Test
  void stringsNullEmptyAsciiAndBmp() {
    List<String> values =
        List.of("", "abc", "/zookeeper/quota", "é", "\u07ff", "\u0800", "€", "中文路径", "\uffef");
    JuteWriter w = new JuteWriter();
    w.writeString(null);
    for (String s : values) {
      w.writeString(s);
    }
    JuteReader r = reader(w);
    assertNull(r.readString(), "length −1 is null");
    for (String s : values) {
      assertEquals(s, r.readString());
    }
    assertFalse(r.hasRemaining());
  }

  @Test
  void bmpStringsAreStandardUtf8WithAByteLength() {
    for (String s : List.of("a", "é", "€", "中", "a\u0000b")) {
      JuteWriter w = new JuteWriter();
      w.writeString(s);
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      assertEquals(String.format("%08x", utf8.length) + HEX.formatHex(utf8), hex(w), s);
    }
    JuteWriter nul = new JuteWriter();
    nul.writeString("\u0000");
    assertEquals("0000000100", hex(nul), "U+0000 is one 0x00 byte, not modified UTF-8's c080");
  }

  @Test
  void supplementaryCharacterIsWrittenAsTwoThreeByteSequencesLikeJute() {
    String grin = "a\ud83d\ude00"; // "a" + U+1F600 as a surrogate pair
    JuteWriter w = new JuteWriter();
    w.writeString(grin);
    assertEquals("00000007" + "61" + "eda0bd" + "edb880", hex(w), "CESU-8 style, 7 bytes");
    assertNotEquals(
        HEX.formatHex(grin.getBytes(StandardCharsets.UTF_8)),
        hex(w).substring(8),
        "standard UTF-8 would be f09f9880");
    byte[] body = HEX.parseHex("61eda0bdedb880");
    String read = reader(w).readString();
    assertEquals(new String(body, StandardCharsets.UTF_8), read, "the reader is plain UTF-8");
    assertNotEquals(grin, read, "so such a string does not survive, exactly as in jute");
  }

  @Test
  void vectorsNullEmptyAndFull() {
    JuteWriter w = new JuteWriter();
    w.writeStringList(null);
    w.writeStringList(List.of());
    w.writeStringList(List.of("a", "", "bc"));
    assertEquals(
        "ffffffff" + "00000000" + "00000003" + "0000000161" + "00000000" + "000000026263", hex(w));
    JuteReader r = reader(w);
    assertNull(r.readStringList(), "count −1 is null");
    assertEquals(List.of(), r.readStringList(), "count 0 is empty, not null");
    assertEquals(List.of("a", "", "bc"), r.readStringList());
    assertFalse(r.hasRemaining());
  }

  /** A record nesting records and vectors of records, as jute lays them out: inline, no tags. */
  record Nested(String name, Stat stat, List<Acl> acl, List<Stat> stats, byte[] data) {
    void write(JuteWriter w) {
      w.writeString(name);
      stat.write(w);
      Acl.writeList(w, acl);
      w.writeVector(stats, (out, s) -> s.write(out));
      w.writeBuffer(data);
    }

    static Nested read(JuteReader r) {
      return new Nested(
          r.readString(),
          Stat.read(r),
          Acl.readList(r),
          r.readVector(Stat::read, Stat.ENCODED_BYTES),
          r.readBuffer());
    }
  }

  @Test
  void nestedRecordsAndVectorsOfRecords() {
    Stat one = new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    Stat two = new Stat(-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11);
    List<Acl> acl =
        List.of(new Acl(Perms.ALL, Id.ANYONE), new Acl(Perms.READ, new Id("digest", "u:h=")));
    Nested in = new Nested("n", one, acl, List.of(one, two), new byte[] {42});
    JuteWriter w = new JuteWriter();
    in.write(w);
    new Nested(null, Stat.ZERO, null, List.of(), null).write(w);
    JuteReader r = reader(w);
    Nested out = Nested.read(r);
    assertEquals(in.name(), out.name());
    assertEquals(in.stat(), out.stat());
    assertEquals(in.acl(), out.acl());
    assertEquals(in.stats(), out.stats());
    assertArrayEquals(in.data(), out.data());
    Nested empty = Nested.read(r);
    assertNull(empty.name());
    assertNull(empty.acl());
    assertEquals(List.of(), empty.stats());
    assertNull(empty.data());
    assertFalse(r.hasRemaining());
    int expected =
        (4 + 1) + 68 + (4 + (4 + 4 + 5 + 4 + 6) + (4 + 4 + 6 + 4 + 4)) + (4 + 68 * 2) + 5;
    assertEquals(expected + (4 + 68 + 4 + 4 + 4), w.size(), "no tags, lengths or padding");
  }

  @Test
  void readerSliceAndWriterReuse() {
    JuteWriter w = new JuteWriter();
    w.writeInt(7);
    w.writeInt(8);
    JuteReader slice = new JuteReader(w.toByteArray(), 4, 4);
    assertEquals(4, slice.position());
    assertEquals(8, slice.readInt());
    assertFalse(slice.hasRemaining());
    w.reset();
    assertEquals(0, w.size());
    w.writeInt(0);
    w.setInt(0, 0x0a0b0c0d);
    assertEquals("0a0b0c0d", hex(w));
    assertEquals(4, w.asByteBuffer().remaining());
  }
}
