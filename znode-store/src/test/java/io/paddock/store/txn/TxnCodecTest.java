package io.paddock.store.txn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxnCodecTest {
  private static final TxnHeader HEADER =
      new TxnHeader(0x1234_5678_9abcL, 42, 0x0000_0003_0000_0007L, 1_700_000_000_123L, 15);
  private static final List<Acl> ACL =
      List.of(new Acl(31, Id.ANYONE), new Acl(1, new Id("digest", "u:h\u00e9")));

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Txn> everyKind() {
    return List.of(
        new Txn.Create("/a", b("data"), ACL, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, 5000),
        new Txn.Create("/n", null, Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL, 0),
        new Txn.Create("/e", new byte[0], Acl.OPEN_ACL_UNSAFE, CreateMode.CONTAINER, 0),
        new Txn.Delete("/a", 3),
        new Txn.DeleteContainer("/c"),
        new Txn.SetData("/a", null, -1),
        new Txn.SetData("/a", b("x"), 7),
        new Txn.SetAcl("/a", ACL, 2),
        new Txn.Check("/a", -1),
        new Txn.CreateSession(30_000),
        new Txn.CloseSession(),
        new Txn.Error(ErrorCode.NODEEXISTS),
        new Txn.Multi(List.of()),
        new Txn.Multi(
            List.of(
                new Txn.Create("/m", null, ACL, CreateMode.PERSISTENT, 0),
                new Txn.SetData("/m", b("y"), 0),
                new Txn.Check("/m", 1),
                new Txn.Error(ErrorCode.BADVERSION),
                new Txn.Delete("/m", -1))));
  }

  @Test
  void everyKindRoundTrips() {
    for (Txn txn : everyKind()) {
      byte[] bytes = TxnCodec.encode(HEADER, txn);
      DecodedTxn back = TxnCodec.decode(bytes);
      assertEquals(HEADER, back.header());
      assertSameTxn(txn, back.txn());
      assertArrayEquals(bytes, TxnCodec.encode(back.header(), back.txn()), txn.toString());
    }
  }

  /** Records with byte[] fields compare arrays by identity, so compare the encodings' parts. */
  private static void assertSameTxn(Txn expected, Txn actual) {
    assertEquals(expected.getClass(), actual.getClass());
    if (expected instanceof Txn.Create c) {
      Txn.Create a = (Txn.Create) actual;
      assertEquals(
          List.of(c.path(), c.acl(), c.mode(), c.ttlMs()),
          List.of(a.path(), a.acl(), a.mode(), a.ttlMs()));
      assertArrayEquals(c.data(), a.data());
    } else if (expected instanceof Txn.SetData s) {
      Txn.SetData a = (Txn.SetData) actual;
      assertEquals(s.path(), a.path());
      assertEquals(s.expectedVersion(), a.expectedVersion());
      assertArrayEquals(s.data(), a.data());
    } else if (expected instanceof Txn.Multi m) {
      List<Txn> ops = ((Txn.Multi) actual).ops();
      assertEquals(m.ops().size(), ops.size());
      for (int i = 0; i < ops.size(); i++) {
        assertSameTxn(m.ops().get(i), ops.get(i));
      }
    } else {
      assertEquals(expected, actual);
    }
  }

  @Test
  void goldenBytesOfADelete() {
    byte[] bytes =
        TxnCodec.encode(new TxnHeader(1, 2, 3, 4, OpCode.DELETE), new Txn.Delete("/a", -1));
    JuteWriter w = new JuteWriter();
    w.writeLong(1);
    w.writeInt(2);
    w.writeLong(3);
    w.writeLong(4);
    w.writeInt(OpCode.DELETE);
    w.writeInt(OpCode.DELETE);
    w.writeString("/a");
    w.writeInt(-1);
    assertArrayEquals(w.toByteArray(), bytes);
    assertEquals(32 + 4 + 6 + 4, bytes.length);
  }

  @Test
  void everyTruncationIsRejected() {
    for (Txn txn : everyKind()) {
      byte[] bytes = TxnCodec.encode(HEADER, txn);
      for (int length = 0; length < bytes.length; length++) {
        byte[] cut = Arrays.copyOf(bytes, length);
        assertThrows(
            MalformedRecordException.class, () -> TxnCodec.decode(cut), txn + " @" + length);
      }
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      assertThrows(MalformedRecordException.class, () -> TxnCodec.decode(longer));
    }
  }

  private static byte[] withBody(int type, int... ints) {
    JuteWriter w = new JuteWriter();
    w.writeLong(0);
    w.writeInt(0);
    w.writeLong(1);
    w.writeLong(0);
    w.writeInt(type);
    w.writeInt(type);
    for (int i : ints) {
      w.writeInt(i);
    }
    return w.toByteArray();
  }

  @Test
  void nonsenseIsRejected() {
    MalformedRecordException e =
        assertThrows(MalformedRecordException.class, () -> TxnCodec.decode(withBody(77)));
    assertTrue(e.getMessage().contains("unknown txn type 77"));
    assertThrows(MalformedRecordException.class, () -> TxnCodec.decode(withBody(OpCode.ERROR, 0)));
    assertThrows(MalformedRecordException.class, () -> TxnCodec.decode(withBody(OpCode.ERROR, -9)));
    assertThrows(
        MalformedRecordException.class, () -> TxnCodec.decode(withBody(OpCode.DELETE, -1, 0)));
    assertThrows(
        MalformedRecordException.class,
        () -> TxnCodec.decode(withBody(OpCode.MULTI, 1, OpCode.MULTI, 0)));
    assertThrows(
        MalformedRecordException.class,
        () -> TxnCodec.decode(withBody(OpCode.MULTI, 1, OpCode.CREATE_SESSION, 5)));
    assertThrows(
        MalformedRecordException.class, () -> TxnCodec.decode(withBody(OpCode.MULTI, 1_000_000)));
    byte[] badFlag =
        TxnCodec.encode(HEADER, new Txn.Create("/a", null, ACL, CreateMode.PERSISTENT, 0));
    badFlag[badFlag.length - 9] = 9; // flags sit before the trailing long ttl
    e = assertThrows(MalformedRecordException.class, () -> TxnCodec.decode(badFlag));
    assertTrue(e.getMessage().contains("create flag 9"), e.getMessage());
  }
}
