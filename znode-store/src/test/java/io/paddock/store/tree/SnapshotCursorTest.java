package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.io.ByteSource;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.CreateMode;
import io.paddock.store.txn.Txn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The snapshot is exact as of its zxid Z even though writes (multis that create, set and delete,
 * sessions closing) are applied between its slices.
 */
class SnapshotCursorTest {
  private static final int SEEDS = 10;
  private static final int WARMUP_STEPS = 800;

  @Test
  void snapshotTakenDuringWritesEqualsTheTreeAtItsZxid() throws IOException {
    for (long seed = 1; seed <= SEEDS; seed++) {
      try {
        run(seed);
      } catch (AssertionError | RuntimeException | IOException e) {
        throw new AssertionError("failed with seed " + seed + ": " + e, e);
      }
    }
  }

  private static void run(long seed) throws IOException {
    Random random = new Random(seed);
    RandomTxns txns = new RandomTxns(seed);
    TreeDriver live = new TreeDriver();
    for (int i = 0; i < WARMUP_STEPS; i++) {
      txns.step(live);
    }
    int appliedAtZ = live.txns.size();
    SnapshotCursor cursor = live.tree.beginSnapshot();
    long z = cursor.zxid();
    assertEquals(live.tree.lastProcessedZxid(), z);
    List<byte[]> chunks = new ArrayList<>();
    JuteWriter out = new JuteWriter();
    boolean done = false;
    while (!done) {
      out.reset();
      done = cursor.writeSlice(out, 1 + random.nextInt(40));
      chunks.add(out.toByteArray());
      int batch = random.nextInt(12);
      for (int i = 0; i < batch; i++) {
        txns.step(live);
      }
    }
    cursor.close();
    assertTrue(live.txns.size() > appliedAtZ + 20, "writes must run during the snapshot");
    List<ByteSource> sources = new ArrayList<>();
    for (byte[] c : chunks) {
      sources.add(ByteSource.wrap(c));
    }
    DataTree loaded = SnapshotCodec.load(ByteSource.concat(sources));
    loaded.checkInvariants();
    assertEquals(z, loaded.lastProcessedZxid());

    TreeDriver atZ = new TreeDriver();
    for (int i = 0; i < appliedAtZ; i++) {
      atZ.tree.apply(live.headers.get(i), live.txns.get(i));
    }
    TreeComparison.assertSameState(atZ.tree, loaded, "loaded vs replayed to Z");
    assertEquals(cursor.digest(), loaded.digest());

    for (int i = appliedAtZ; i < live.txns.size(); i++) {
      loaded.apply(live.headers.get(i), live.txns.get(i));
    }
    loaded.checkInvariants();
    TreeComparison.assertSameState(live.tree, loaded, "loaded + replay vs live");
  }

  @Test
  void deletedAndRecreatedNodesAreWrittenAsTheyWereAtZ() {
    TreeDriver d = new TreeDriver();
    d.create("/a", "at-z");
    d.create("/a/b", "child");
    d.apply(0x5L, new Txn.CreateSession(1000));
    d.apply(0x5L, TreeDriver.createTxn("/e", "eph", CreateMode.EPHEMERAL));
    DataTree atZ = SnapshotCodec.load(SnapshotCodec.write(d.tree));
    SnapshotCursor cursor = d.tree.beginSnapshot();
    d.apply(new Txn.SetData("/a/b", null, -1));
    d.apply(new Txn.Delete("/a/b", -1));
    d.apply(new Txn.Delete("/a", -1));
    d.create("/a", "after-z");
    d.apply(0x5L, new Txn.CloseSession());
    d.apply(new Txn.SetAcl("/zookeeper/config", List.of(), -1));
    JuteWriter out = new JuteWriter();
    assertTrue(cursor.writeSlice(out, 1000));
    cursor.close();
    DataTree loaded = SnapshotCodec.load(out.toByteArray());
    TreeComparison.assertSameState(atZ, loaded, "snapshot at Z");
  }

  @Test
  void cursorLifecycle() {
    DataTree tree = new DataTree();
    SnapshotCursor first = tree.beginSnapshot();
    assertThrows(IllegalStateException.class, tree::beginSnapshot);
    assertEquals(4, first.nodeCount());
    JuteWriter out = new JuteWriter();
    assertFalse(first.writeSlice(out, 1));
    assertThrows(IllegalArgumentException.class, () -> first.writeSlice(out, 0));
    first.close(); // abandoned
    first.close();
    assertThrows(IllegalStateException.class, () -> first.writeSlice(out, 1));
    SnapshotCursor second = tree.beginSnapshot();
    JuteWriter full = new JuteWriter();
    int slices = 0;
    while (!second.writeSlice(full, 1)) {
      slices++;
    }
    assertEquals(3, slices);
    assertTrue(second.isFinished());
    int size = full.size();
    assertTrue(second.writeSlice(full, 1));
    assertEquals(size, full.size());
    second.close();
    assertEquals(tree.digest(), SnapshotCodec.load(full.toByteArray()).digest());
  }
}
