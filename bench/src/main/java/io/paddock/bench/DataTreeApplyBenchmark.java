package io.paddock.bench;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.DataTree;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Apply throughput of the DataTree state machine: how many txns per second one apply thread gets
 * through for setData, create + delete and a read of getData, on a tree of {@code znodes} nodes.
 *
 * <p>Run: {@code bin/paddock jmh DataTreeApplyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DataTreeApplyBenchmark {
  private static final int PARENTS = 100;
  private static final long SESSION_ID = 0x1234L;

  /** How many znodes the tree holds before measuring. */
  @Param({"100000"})
  public int znodes;

  /** Bytes of data per setData and create. */
  @Param({"100"})
  public int dataBytes;

  private DataTree tree;
  private long zxid;
  private long time;
  private byte[] data;
  private String[] paths;
  private int next;

  /** Builds the tree. */
  @Setup(Level.Trial)
  public void buildTree() {
    tree = new DataTree();
    data = new byte[dataBytes];
    paths = new String[znodes];
    for (int p = 0; p < PARENTS; p++) {
      create(String.format("/p%03d", p), CreateMode.PERSISTENT);
    }
    for (int i = 0; i < znodes; i++) {
      paths[i] = String.format("/p%03d/c%011d", i % PARENTS, i);
      create(paths[i], CreateMode.PERSISTENT);
    }
  }

  private ApplyResult create(String path, CreateMode mode) {
    return apply(OpCode.CREATE, new Txn.Create(path, data, Acl.OPEN_ACL_UNSAFE, mode, 0));
  }

  private ApplyResult apply(int type, Txn txn) {
    return tree.apply(new TxnHeader(SESSION_ID, 1, ++zxid, ++time, type), txn);
  }

  private String nextPath() {
    next = next + 1 == paths.length ? 0 : next + 1;
    return paths[next];
  }

  /** One setData on an existing node. */
  @Benchmark
  public ApplyResult setData() {
    return apply(OpCode.SET_DATA, new Txn.SetData(nextPath(), data, -1));
  }

  /** A sequential create and the delete of the node it made. */
  @Benchmark
  public ApplyResult createThenDelete() {
    ApplyResult created =
        apply(
            OpCode.CREATE,
            new Txn.Create(
                "/p000/s-", data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL, 0));
    String path = ((io.paddock.store.tree.OpResult.Created) created.result()).path();
    return apply(OpCode.DELETE, new Txn.Delete(path, -1));
  }

  /** One getData of an existing node. */
  @Benchmark
  public Object getData() {
    return tree.getData(nextPath());
  }
}
