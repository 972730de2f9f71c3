package io.paddock.client.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.OpCode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.stream.IntStream;
import org.apache.jute.BinaryInputArchive;
import org.apache.zookeeper.ClientCnxn;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.junit.jupiter.api.Test;

/** The constant tables (valid ops, xids, limits, four-letter words) against ZooKeeper 3.9.3. */
class CodecTablesTest {

  private static IntStream opCodesToTry() {
    return IntStream.concat(
        IntStream.rangeClosed(-300, 300),
        IntStream.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0x72756f6b));
  }

  @Test
  void isValidIsZooKeepersRequestIsValid() throws Exception {
    Method zk = org.apache.zookeeper.server.Request.class.getDeclaredMethod("isValid", int.class);
    zk.setAccessible(true);
    opCodesToTry()
        .forEach(
            op -> {
              try {
                assertEquals(zk.invoke(null, op), RequestCodec.isValid(op), "op " + op);
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            });
    assertFalse(RequestCodec.isValid(OpCode.CHECK), "check alone is not a packet");
    assertFalse(RequestCodec.isValid(OpCode.NOTIFICATION));
  }

  @Test
  void acceptedPacketsAreTheValidOnesPlusAuthAndSasl() {
    opCodesToTry()
        .forEach(
            op ->
                assertEquals(
                    RequestCodec.isValid(op) || op == OpCode.AUTH || op == OpCode.SASL,
                    RequestCodec.isAcceptedPacket(op),
                    "op " + op));
  }

  @Test
  void everyDecodableOpDecodesAndNoOtherDoes() {
    opCodesToTry()
        .forEach(
            op -> {
              byte[] empty = new byte[0];
              if (RequestCodec.isDecodable(op)) {
                assertTrue(RequestCodec.isAcceptedPacket(op));
                if (RequestCodec.hasBody(op)) {
                  assertThrows(
                      MalformedRecordException.class,
                      () -> RequestCodec.decode(op, new io.paddock.store.codec.JuteReader(empty)),
                      "op " + op + " with an empty body");
                } else {
                  assertEquals(
                      EmptyRequest.INSTANCE,
                      RequestCodec.decode(op, new io.paddock.store.codec.JuteReader(empty)));
                }
              } else {
                assertThrows(
                    IllegalArgumentException.class,
                    () -> RequestCodec.decode(op, new io.paddock.store.codec.JuteReader(empty)),
                    "op " + op);
              }
              if (ResponseCodec.isDecodable(op)) {
                if (ResponseCodec.hasBody(op)) {
                  assertThrows(
                      MalformedRecordException.class,
                      () -> ResponseCodec.decode(op, new io.paddock.store.codec.JuteReader(empty)),
                      "reply to op " + op + " with an empty body");
                } else {
                  assertEquals(
                      EmptyResponse.INSTANCE,
                      ResponseCodec.decode(op, new io.paddock.store.codec.JuteReader(empty)));
                }
              } else {
                assertThrows(
                    IllegalArgumentException.class,
                    () -> ResponseCodec.decode(op, new io.paddock.store.codec.JuteReader(empty)),
                    "reply to op " + op);
              }
            });
    assertFalse(RequestCodec.isDecodable(OpCode.CREATE_SESSION));
    assertTrue(RequestCodec.isValid(OpCode.CREATE_SESSION));
  }

  @Test
  void xidsAreZooKeepersClientConstants() {
    assertEquals(ClientCnxn.NOTIFICATION_XID, Xids.NOTIFICATION);
    assertEquals(ClientCnxn.PING_XID, Xids.PING);
    assertEquals(ClientCnxn.AUTHPACKET_XID, Xids.AUTH);
    assertEquals(ClientCnxn.SET_WATCHES_XID, Xids.SET_WATCHES);
    assertTrue(Xids.isSpecial(-1) && Xids.isSpecial(-2) && Xids.isSpecial(-4));
    assertTrue(Xids.isSpecial(-8));
    assertFalse(Xids.isSpecial(-3) || Xids.isSpecial(0) || Xids.isSpecial(1));
  }

  @Test
  void xidsWrapAsZooKeepersGetXid() {
    // ClientCnxn.getXid: "if (xid == Integer.MAX_VALUE) xid = 1; return xid++;"
    int zkXid = Integer.MAX_VALUE - 3;
    int previous = zkXid - 1;
    for (int i = 0; i < 6; i++) {
      if (zkXid == Integer.MAX_VALUE) {
        zkXid = 1;
      }
      int expected = zkXid++;
      assertEquals(expected, Xids.next(previous), "after " + previous);
      previous = expected;
    }
    assertEquals(2, Xids.next(1));
    assertEquals(Xids.FIRST, Xids.next(0));
    assertEquals(Xids.FIRST, Xids.next(Integer.MAX_VALUE - 1));
  }

  @Test
  void wireLimitsMatchZooKeeper() throws Exception {
    assertEquals(BinaryInputArchive.maxBuffer, WireLimits.JUTE_MAX_BUFFER_DEFAULT);
    assertEquals(1_048_575, WireLimits.JUTE_MAX_BUFFER_DEFAULT);
    Field batch = ClientCnxn.class.getDeclaredField("SET_WATCHES_MAX_LENGTH");
    batch.setAccessible(true);
    assertEquals(batch.getInt(null), WireLimits.SET_WATCHES_BATCH_CHARS_MAX);
    assertEquals(1024, WireLimits.extraSize(0));
    assertEquals(1024, WireLimits.extraSize(1023));
    assertEquals(5000, WireLimits.extraSize(5000));
    assertEquals(WireLimits.JUTE_MAX_BUFFER_DEFAULT, WireLimits.extraSizeDefault(0xfffff));
    assertEquals(
        2L * Integer.MAX_VALUE, WireLimits.fieldLengthMax(Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  @Test
  void frameLengthRule() {
    int max = WireLimits.JUTE_MAX_BUFFER_DEFAULT;
    assertTrue(WireLimits.isFrameLengthValid(0, max));
    assertTrue(WireLimits.isFrameLengthValid(max, max));
    assertFalse(WireLimits.isFrameLengthValid(max + 1, max));
    assertFalse(WireLimits.isFrameLengthValid(-1, max));
    assertFalse(WireLimits.isFrameLengthValid(FourLetterWords.RUOK, max));
    WireLimits.checkFrameLength(max, max);
    MalformedRecordException e =
        assertThrows(
            MalformedRecordException.class, () -> WireLimits.checkFrameLength(0x100000, max));
    assertEquals("Packet len 1048576 is out of range!", e.getMessage());
  }

  @Test
  void fieldLengthRuleIsBinaryInputArchives() throws Exception {
    int maxBuffer = 2000;
    int extra = 1025;
    for (int length :
        new int[] {Integer.MIN_VALUE, -2, -1, 0, 1, 2000, 3024, 3025, 3026, Integer.MAX_VALUE}) {
      boolean zkAccepts = zooKeeperAcceptsStringLength(length, maxBuffer, extra);
      assertEquals(
          zkAccepts,
          WireLimits.isFieldLengthReasonable(length, maxBuffer, extra),
          "length " + length);
      if (zkAccepts) {
        WireLimits.checkFieldLength(length, maxBuffer, extra);
      } else {
        MalformedRecordException e =
            assertThrows(
                MalformedRecordException.class,
                () -> WireLimits.checkFieldLength(length, maxBuffer, extra));
        assertTrue(e.getMessage().startsWith(BinaryInputArchive.UNREASONBLE_LENGTH));
      }
    }
  }

  /** True when ZooKeeper reads the length and then runs out of bytes (or needs none). */
  private static boolean zooKeeperAcceptsStringLength(int length, int maxBuffer, int extra)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new DataOutputStream(bytes).writeInt(length);
    BinaryInputArchive archive =
        new BinaryInputArchive(
            new DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())),
            maxBuffer,
            extra);
    try {
      archive.readString("s");
      return true;
    } catch (EOFException e) {
      return true;
    } catch (IOException e) {
      assertTrue(e.getMessage().startsWith(BinaryInputArchive.UNREASONBLE_LENGTH), e.toString());
      return false;
    }
  }

  @Test
  void fourLetterWordsAreZooKeepersCommands() throws Exception {
    int zkCommands = 0;
    for (Field f : FourLetterCommands.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && f.getType() == int.class
          && f.getName().endsWith("Cmd")) {
        f.setAccessible(true);
        int code = f.getInt(null);
        assertEquals(FourLetterCommands.getCommandString(code), FourLetterWords.commandFor(code));
        zkCommands++;
      }
    }
    assertEquals(19, zkCommands, "ZooKeeper's 18 words plus telnet close");
    String[] words = {
      "ruok", "srvr", "stat", "conf", "cons", "crst", "srst", "dump", "envi", "mntr", "wchs",
      "wchc", "wchp", "isro", "gtmk", "stmk", "dirs", "hash"
    };
    for (String word : words) {
      int code = FourLetterWords.codeOf(word);
      assertEquals(word, FourLetterWords.commandFor(code));
      assertTrue(FourLetterCommands.isKnown(code), word);
    }
    assertEquals(0x72756f6b, FourLetterWords.RUOK);
    assertEquals("telnet close", FourLetterWords.commandFor(0xfff4fffd));
    assertNull(FourLetterWords.commandFor(45));
    assertThrows(IllegalArgumentException.class, () -> FourLetterWords.codeOf("ruo"));
  }

  @Test
  void randomIntsAreFourLetterWordsExactlyWhenZooKeeperKnowsThem() {
    Seeded.run(
        200_000,
        (random, i) -> {
          int code = random.nextInt();
          assertEquals(FourLetterCommands.isKnown(code), FourLetterWords.isKnown(code));
          assertEquals(FourLetterCommands.getCommandString(code), FourLetterWords.commandFor(code));
        });
  }
}
