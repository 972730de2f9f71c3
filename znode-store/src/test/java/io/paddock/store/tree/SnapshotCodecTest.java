package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.txn.Txn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
  private static DataTree sample() {
    TreeDriver d = new TreeDriver();
    d.apply(0x7L, new Txn.CreateSession(3000));
    d.create("/a", "data");
    d.create("/a/n", null);
    d.create("/c", "", CreateMode.CONTAINER);
    d.apply(0x7L, TreeDriver.createTxn("/a/e", "x", CreateMode.EPHEMERAL));
    d.apply(new Txn.SetAcl("/a", Acl.READ_ACL_UNSAFE, -1));
    return d.tree;
  }

  @Test
  void roundTripFromAStreamLeavesTheTrailerUnread() throws IOException {
    DataTree tree = sample();
    byte[] body = SnapshotCodec.write(tree);
    byte[] withTrailer = Arrays.copyOf(body, body.length + 3);
    ByteArrayInputStream in = new ByteArrayInputStream(withTrailer);
    DataTree loaded = SnapshotCodec.load(in);
    assertEquals(3, in.available());
    TreeComparison.assertSameState(tree, loaded, "stream");
    assertEquals(List.of("/a/e"), loaded.getEphemerals(0x7L, "/"));
    assertEquals(List.of("/c"), loaded.reapCandidates(Long.MAX_VALUE / 2, 1));
    assertThrows(MalformedRecordException.class, () -> SnapshotCodec.load(withTrailer));
  }

  @Test
  void everyTruncationIsRejected() {
    byte[] body = SnapshotCodec.write(sample());
    for (int length = 0; length < body.length; length++) {
      byte[] cut = Arrays.copyOf(body, length);
      assertThrows(
          MalformedRecordException.class, () -> SnapshotCodec.load(cut), "length " + length);
    }
  }

  @Test
  void everySingleByteCorruptionIsRejectedOrHarmless() {
    DataTree tree = sample();
    byte[] body = SnapshotCodec.write(tree);
    int rejected = 0;
    for (int i = 0; i < body.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] bad = body.clone();
        bad[i] ^= (byte) bit;
        try {
          DataTree loaded = SnapshotCodec.load(bad);
          assertEquals(tree.digest(), loaded.digest(), "byte " + i + " accepted with a new state");
        } catch (MalformedRecordException e) {
          rejected++;
        }
      }
    }
    assertTrue(rejected > body.length, "most corruptions must be caught: " + rejected);
  }

  @Test
  void structuralNonsenseIsNamed() {
    JuteWriter w = header(0);
    w.writeInt(2); // two nodes
    node(w, -1, "");
    node(w, 5, "x"); // parent listed after the child
    MalformedRecordException e =
        assertThrows(MalformedRecordException.class, () -> SnapshotCodec.load(w.toByteArray()));
    assertTrue(e.getMessage().contains("parent index 5"), e.getMessage());

    JuteWriter dup = header(0);
    dup.writeInt(3);
    node(dup, -1, "");
    node(dup, 0, "x");
    node(dup, 0, "x");
    e = assertThrows(MalformedRecordException.class, () -> SnapshotCodec.load(dup.toByteArray()));
    assertTrue(e.getMessage().contains("repeats the name"), e.getMessage());

    JuteWriter slash = header(0);
    slash.writeInt(2);
    node(slash, -1, "");
    node(slash, 0, "a/b");
    e = assertThrows(MalformedRecordException.class, () -> SnapshotCodec.load(slash.toByteArray()));
    assertTrue(e.getMessage().contains("invalid name"), e.getMessage());

    JuteWriter version = new JuteWriter();
    version.writeInt(SnapshotCodec.MAGIC);
    version.writeInt(99);
    e =
        assertThrows(
            MalformedRecordException.class, () -> SnapshotCodec.load(version.toByteArray()));
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());
  }

  private static JuteWriter header(long zxid) {
    JuteWriter w = new JuteWriter();
    w.writeInt(SnapshotCodec.MAGIC);
    w.writeInt(SnapshotCodec.FORMAT_VERSION);
    w.writeLong(zxid);
    w.writeInt(0); // sessions
    w.writeInt(1); // one ACL
    w.writeInt(1);
    Acl.writeList(w, Acl.OPEN_ACL_UNSAFE);
    return w;
  }

  private static void node(JuteWriter w, int parent, String name) {
    w.writeInt(parent);
    w.writeString(name);
    w.writeBuffer(new byte[0]);
    w.writeInt(1);
    for (int i = 0; i < 4; i++) {
      w.writeLong(0);
    }
    for (int i = 0; i < 3; i++) {
      w.writeInt(0);
    }
    w.writeLong(0);
    w.writeLong(0);
  }
}
