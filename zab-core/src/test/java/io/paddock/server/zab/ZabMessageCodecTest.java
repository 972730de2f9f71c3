package io.paddock.server.zab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.zab.ZabMessage.Ack;
import io.paddock.server.zab.ZabMessage.AckEpoch;
import io.paddock.server.zab.ZabMessage.Commit;
import io.paddock.server.zab.ZabMessage.Diff;
import io.paddock.server.zab.ZabMessage.FollowerInfo;
import io.paddock.server.zab.ZabMessage.Forward;
import io.paddock.server.zab.ZabMessage.Inform;
import io.paddock.server.zab.ZabMessage.LeaderInfo;
import io.paddock.server.zab.ZabMessage.NewLeader;
import io.paddock.server.zab.ZabMessage.Notification;
import io.paddock.server.zab.ZabMessage.Ping;
import io.paddock.server.zab.ZabMessage.Proposal;
import io.paddock.server.zab.ZabMessage.SessionTouch;
import io.paddock.server.zab.ZabMessage.Snap;
import io.paddock.server.zab.ZabMessage.Trunc;
import io.paddock.server.zab.ZabMessage.UpToDate;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Zxid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZabMessageCodecTest {

  private static final long Z = Zxid.make(3, 42);

  /** At least one instance of every message, some with edge values. */
  static List<ZabMessage> samples() {
    return List.of(
        new FollowerInfo(3, Z, 1, false),
        new FollowerInfo(Long.MAX_VALUE, -1, Long.MIN_VALUE, true),
        new LeaderInfo(4),
        new AckEpoch(3, Z),
        new AckEpoch(-1, 0),
        new NewLeader(Zxid.make(4, 0)),
        new Ack(Z),
        new UpToDate(),
        new Diff(Z),
        new Trunc(Z - 1),
        new Snap(Z, new byte[] {5, 6}),
        new Snap(0, new byte[0]),
        new Forward(new byte[] {1}),
        new Forward(new byte[0]),
        new Proposal(Z + 1, new byte[] {1, 2, 3, (byte) 0xff}),
        new Proposal(Z + 2, new byte[0]),
        new Commit(Z + 1),
        new Inform(Z + 1, new byte[] {9, 8, 7}),
        new Inform(Z + 3, new byte[0]),
        new Ping(List.of()),
        new Ping(List.of(new SessionTouch(0x1234_5678_9abcL, 30000), new SessionTouch(-7, 0))),
        new Notification(2, new Vote(3, Z, 3, 11, ServerState.LOOKING)),
        new Notification(5, new Vote(1, -1, 0, 0, ServerState.OBSERVING)));
  }

  @Test
  void samplesCoverEveryRecordInTheCatalog() {
    Set<Class<?>> covered = new HashSet<>();
    for (ZabMessage m : samples()) {
      covered.add(m.getClass());
    }
    assertEquals(Set.of(ZabMessage.class.getPermittedSubclasses()), covered);
  }

  @Test
  void everyMessageRoundTrips() {
    for (ZabMessage m : samples()) {
      byte[] bytes = ZabMessageCodec.encode(m);
      ZabMessage back = ZabMessageCodec.decode(bytes);
      assertEquals(m, back, m.toString());
      assertEquals(m.hashCode(), back.hashCode());
      assertEquals(m.type(), back.type());
      assertArrayEquals(bytes, ZabMessageCodec.encode(back));
      assertEquals(m.type(), new JuteReader(bytes).readInt(), "type first");
    }
  }

  @Test
  void typeCodesAreZooKeepersQuorumPacketTypes() {
    assertEquals(11, new FollowerInfo(0, 0, 0, false).type());
    assertEquals(16, new FollowerInfo(0, 0, 0, true).type());
    assertEquals(17, new LeaderInfo(0).type());
    assertEquals(18, new AckEpoch(0, 0).type());
    assertEquals(10, new NewLeader(0).type());
    assertEquals(3, new Ack(0).type());
    assertEquals(12, new UpToDate().type());
    assertEquals(13, new Diff(0).type());
    assertEquals(14, new Trunc(0).type());
    assertEquals(15, new Snap(0, new byte[0]).type());
    assertEquals(101, new Forward(new byte[0]).type());
    assertEquals(2, new Proposal(0, new byte[0]).type());
    assertEquals(4, new Commit(0).type());
    assertEquals(8, new Inform(0, new byte[0]).type());
    assertEquals(5, new Ping(List.of()).type());
  }

  @Test
  void exactLayoutOfAProposal() {
    byte[] bytes =
        ZabMessageCodec.encode(new Proposal(0x0102030405060708L, new byte[] {(byte) 0xaa}));
    assertArrayEquals(
        new byte[] {0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 1, (byte) 0xaa}, bytes);
  }

  @Test
  void exactLayoutOfANotification() {
    JuteWriter w = new JuteWriter();
    w.writeInt(100);
    w.writeLong(2); // sender
    w.writeInt(2); // LEADING
    w.writeLong(3); // leader
    w.writeLong(4); // zxid
    w.writeLong(5); // peer epoch
    w.writeLong(6); // election epoch
    assertArrayEquals(
        w.toByteArray(),
        ZabMessageCodec.encode(new Notification(2, new Vote(3, 4, 5, 6, ServerState.LEADING))));
  }

  @Test
  void everyProperPrefixIsRejected() {
    for (ZabMessage m : samples()) {
      byte[] bytes = ZabMessageCodec.encode(m);
      for (int len = 0; len < bytes.length; len++) {
        byte[] prefix = Arrays.copyOf(bytes, len);
        assertThrows(
            MalformedRecordException.class,
            () -> ZabMessageCodec.decode(prefix),
            m + " truncated to " + len);
      }
    }
  }

  @Test
  void trailingBytesAreRejected() {
    for (ZabMessage m : samples()) {
      byte[] bytes = ZabMessageCodec.encode(m);
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      assertThrows(
          MalformedRecordException.class, () -> ZabMessageCodec.decode(longer), m.toString());
    }
  }

  @Test
  void readerDecodesBackToBackMessages() {
    JuteWriter w = new JuteWriter();
    for (ZabMessage m : samples()) {
      ZabMessageCodec.encode(m, w);
    }
    JuteReader r = new JuteReader(w.toByteArray());
    List<ZabMessage> back = new ArrayList<>();
    while (r.hasRemaining()) {
      back.add(ZabMessageCodec.decode(r));
    }
    assertEquals(samples(), back);
  }

  @Test
  void unknownTypesAreRejected() {
    Set<Integer> known = new HashSet<>();
    for (ZabMessage m : samples()) {
      known.add(m.type());
    }
    int[] candidates = {0, 1, 6, 7, 9, 19, 99, 102, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    for (int type : candidates) {
      assertTrue(!known.contains(type));
      JuteWriter w = new JuteWriter();
      w.writeInt(type);
      w.writeLong(0);
      w.writeLong(0);
      w.writeLong(0);
      assertThrows(
          MalformedRecordException.class,
          () -> ZabMessageCodec.decode(w.toByteArray()),
          "type " + type);
    }
  }

  private static byte[] header(int type, long zxid, int length) {
    JuteWriter w = new JuteWriter();
    w.writeInt(type);
    w.writeLong(zxid);
    w.writeInt(length);
    return w.toByteArray();
  }

  @Test
  void hostileTxnLengthsAreRejected() {
    for (int type : new int[] {ZabMessage.PROPOSAL, ZabMessage.INFORM, ZabMessage.SNAP}) {
      for (int length : new int[] {Integer.MAX_VALUE, 1, 1 << 20, -1, -2, Integer.MIN_VALUE}) {
        byte[] bytes = header(type, 1, length);
        assertThrows(
            MalformedRecordException.class,
            () -> ZabMessageCodec.decode(bytes),
            "type " + type + " length " + length);
      }
    }
  }

  @Test
  void hostileForwardLengthsAreRejected() {
    for (int length : new int[] {Integer.MAX_VALUE, 1, -1, -2, Integer.MIN_VALUE}) {
      JuteWriter w = new JuteWriter();
      w.writeInt(ZabMessage.FORWARD);
      w.writeInt(length);
      assertThrows(
          MalformedRecordException.class,
          () -> ZabMessageCodec.decode(w.toByteArray()),
          "length " + length);
    }
  }

  @Test
  void hostilePingCountsAreRejected() {
    for (int count : new int[] {Integer.MAX_VALUE, 1, 1 << 28, -1, -2, Integer.MIN_VALUE}) {
      JuteWriter w = new JuteWriter();
      w.writeInt(ZabMessage.PING);
      w.writeInt(count);
      w.writeLong(1); // 8 bytes: less than one 12-byte element
      assertThrows(
          MalformedRecordException.class,
          () -> ZabMessageCodec.decode(w.toByteArray()),
          "count " + count);
    }
  }

  @Test
  void unknownVoterStateIsRejected() {
    for (int state : new int[] {-1, 4, Integer.MAX_VALUE}) {
      JuteWriter w = new JuteWriter();
      w.writeInt(ZabMessage.NOTIFICATION);
      w.writeLong(1);
      w.writeInt(state);
      for (int i = 0; i < 4; i++) {
        w.writeLong(0);
      }
      assertThrows(MalformedRecordException.class, () -> ZabMessageCodec.decode(w.toByteArray()));
    }
  }

  @Test
  void byteArrayRecordsCompareByContent() {
    assertEquals(new Proposal(1, new byte[] {1, 2}), new Proposal(1, new byte[] {1, 2}));
    assertNotEquals(new Proposal(1, new byte[] {1, 2}), new Proposal(1, new byte[] {1, 3}));
    assertNotEquals(new Proposal(1, new byte[] {1, 2}), new Proposal(2, new byte[] {1, 2}));
    assertNotEquals(new Proposal(1, new byte[] {1}), new Inform(1, new byte[] {1}));
    assertEquals(new Inform(1, new byte[] {1, 2}), new Inform(1, new byte[] {1, 2}));
    assertEquals(
        new Inform(1, new byte[] {1, 2}).hashCode(), new Inform(1, new byte[] {1, 2}).hashCode());
    assertNotEquals(new Inform(1, new byte[] {1, 2}), new Inform(1, new byte[] {2, 2}));
    assertThrows(NullPointerException.class, () -> new Proposal(1, null));
    assertThrows(NullPointerException.class, () -> new Inform(1, null));
    assertThrows(NullPointerException.class, () -> new Notification(1, null));
    assertThrows(NullPointerException.class, () -> new Snap(1, null));
    assertThrows(NullPointerException.class, () -> new Forward(null));
    assertEquals(new Snap(1, new byte[] {1}), new Snap(1, new byte[] {1}));
    assertNotEquals(new Snap(1, new byte[] {1}), new Snap(1, new byte[] {2}));
    assertEquals(new Forward(new byte[] {1}), new Forward(new byte[] {1}));
    assertNotEquals(new Forward(new byte[] {1}), new Forward(new byte[] {2}));
  }

  @Test
  void pingCopiesItsList() {
    List<SessionTouch> touches = new ArrayList<>(List.of(new SessionTouch(1, 2)));
    Ping p = new Ping(touches);
    touches.clear();
    assertEquals(1, p.touches().size());
    assertThrows(UnsupportedOperationException.class, () -> p.touches().clear());
  }
}
