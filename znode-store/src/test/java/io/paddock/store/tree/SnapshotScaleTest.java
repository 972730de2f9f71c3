package io.paddock.store.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.io.ByteSource;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.txn.Txn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A million-node snapshot written in slices while writes go on; prints the costs. */
@Tag("slow")
class SnapshotScaleTest {
  private static final int NODES = 1_000_000;
  private static final int SLICE_NODES = 10_000;
  private static final int PARENTS = 1000;

  @Test
  void millionNodeSnapshotUnderWrites() throws IOException {
    TreeDriver d = new TreeDriver();
    for (int p = 0; p < PARENTS; p++) {
      d.create(String.format("/p%03d", p), "");
    }
    byte[] data = new byte[100];
    for (int i = 0; i < NODES - PARENTS; i++) {
      String path = String.format("/p%03d/c%011d", i % PARENTS, i);
      d.apply(new Txn.Create(path, data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0));
    }
    long digestAtZ = d.tree.digest();
    long t0 = System.nanoTime();
    SnapshotCursor cursor = d.tree.beginSnapshot();
    long beginMs = (System.nanoTime() - t0) / 1_000_000;
    List<ByteSource> chunks = new ArrayList<>();
    JuteWriter out = new JuteWriter(1 << 20);
    long maxSliceMs = 0;
    int i = 0;
    boolean done = false;
    while (!done) {
      long s = System.nanoTime();
      out.reset();
      done = cursor.writeSlice(out, SLICE_NODES);
      maxSliceMs = Math.max(maxSliceMs, (System.nanoTime() - s) / 1_000_000);
      chunks.add(ByteSource.wrap(out.toByteArray()));
      String victim = String.format("/p%03d/c%011d", i % PARENTS, i);
      d.apply(new Txn.SetData(victim, null, -1));
      d.apply(new Txn.Delete(victim, -1));
      i++;
    }
    cursor.close();
    long t1 = System.nanoTime();
    DataTree loaded = SnapshotCodec.load(ByteSource.concat(chunks));
    long loadMs = (System.nanoTime() - t1) / 1_000_000;
    long bytes = ByteSource.concat(chunks).size();
    System.out.printf(
        "snapshot: %,d nodes, %,d bytes, begin %d ms, slowest %d-node slice %d ms, load %d ms%n",
        cursor.nodeCount(), bytes, beginMs, SLICE_NODES, maxSliceMs, loadMs);
    assertEquals(digestAtZ, loaded.digest());
    assertEquals(NODES + 4, loaded.nodeCount());
    assertTrue(d.tree.nodeCount() < loaded.nodeCount());
  }
}
