package io.paddock.bench;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.io.NioStorageDirectory;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.snapshot.SnapshotFiles;
import io.paddock.store.snapshot.SnapshotInput;
import io.paddock.store.snapshot.SnapshotOutput;
import io.paddock.store.tree.DataTree;
import io.paddock.store.tree.SnapshotCodec;
import io.paddock.store.tree.SnapshotCursor;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Random;
import org.apache.zookeeper.ZooDefs;

/**
 * Reports the znode store's memory and snapshot figures at scale, beside Apache ZooKeeper's
 * DataTree measured the same way in the same JVM: heap bytes per znode (data included), the time to
 * write a snapshot (fsynced) and to load it back.
 *
 * <p>Shape (issue 2): by default one million znodes with 100-byte data and 17-character paths,
 * 1,000 parents {@code /p000}… with 1,000 children {@code c0000000000}… each.
 *
 * <p>Run: {@code bin/paddock footprint [--znodes N] [--data-bytes N] [--shape wide|flat] [--dir
 * DIR] [--no-zookeeper] [--tsv]}. With {@code --tsv} each store's figures are also printed as one
 * tab-separated line, {@value #TSV_PREFIX} name bytesPerZnode writeMs loadMs snapshotBytes, for the
 * side-by-side harness ({@code bin/paddock bench}) to read.
 */
public final class StoreFootprint {
  private static final int CHILDREN_PER_PARENT = 1_000;
  private static final int SLICE_NODES = 10_000;
  private static final int GC_ROUNDS = 6;
  private static final long SESSION = 0x5a5aL;

  /** First field of the machine-readable lines. */
  public static final String TSV_PREFIX = "footprint";

  /** Second field of Paddock's machine-readable line. */
  public static final String TSV_PADDOCK = "paddock";

  /** Second field of ZooKeeper's machine-readable line. */
  public static final String TSV_ZOOKEEPER = "zookeeper";

  private final int znodes;
  private final int dataBytes;
  private final boolean flat;
  private final Path dir;
  private final boolean tsv;

  private StoreFootprint(int znodes, int dataBytes, boolean flat, Path dir, boolean tsv) {
    this.znodes = znodes;
    this.dataBytes = dataBytes;
    this.flat = flat;
    this.dir = dir;
    this.tsv = tsv;
  }

  /** Parses the options and prints the report. */
  public static void main(String[] args) throws Exception {
    int znodes = 1_000_000;
    int dataBytes = 100;
    boolean flat = false;
    boolean zookeeper = true;
    boolean tsv = false;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--znodes" -> znodes = Integer.parseInt(args[++i].replace("_", ""));
        case "--data-bytes" -> dataBytes = Integer.parseInt(args[++i]);
        case "--shape" -> flat = "flat".equals(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--no-zookeeper" -> zookeeper = false;
        case "--tsv" -> tsv = true;
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    Path work = dir != null ? dir : Files.createTempDirectory("paddock-footprint");
    StoreFootprint report = new StoreFootprint(znodes, dataBytes, flat, work, tsv);
    report.run(zookeeper);
  }

  private void run(boolean zookeeper) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "znodes: %,d (%s shape, %d-character paths), data: %d bytes each, JVM: %s %s, max heap %d MiB%n",
        znodes,
        flat ? "flat" : "wide",
        path(znodes - 1).length(),
        dataBytes,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    Figures paddock = measurePaddock();
    print("Paddock", paddock);
    printTsv(TSV_PADDOCK, paddock);
    if (zookeeper) {
      Figures zk = measureZooKeeper();
      print(
          "Apache ZooKeeper " + org.apache.zookeeper.Version.getFullVersion().split("[ -]")[0], zk);
      printTsv(TSV_ZOOKEEPER, zk);
      System.out.printf(
          Locale.ROOT,
          "ratio Paddock/ZooKeeper: heap %.2f, snapshot write %.2f, snapshot load %.2f%n",
          paddock.bytesPerZnode / zk.bytesPerZnode,
          paddock.writeMs / zk.writeMs,
          paddock.loadMs / zk.loadMs);
    }
  }

  private record Figures(double bytesPerZnode, double writeMs, double loadMs, long snapshotBytes) {}

  private static void print(String name, Figures f) {
    System.out.printf(
        Locale.ROOT,
        "%-24s heap per znode %6.1f bytes | snapshot %,6.1f MB, write+fsync %,7.0f ms, load %,7.0f ms%n",
        name,
        f.bytesPerZnode,
        f.snapshotBytes / 1e6,
        f.writeMs,
        f.loadMs);
  }

  private void printTsv(String name, Figures f) {
    if (tsv) {
      System.out.printf(
          Locale.ROOT,
          "%s\t%s\t%.1f\t%.1f\t%.1f\t%d%n",
          TSV_PREFIX,
          name,
          f.bytesPerZnode,
          f.writeMs,
          f.loadMs,
          f.snapshotBytes);
    }
  }

  /**
   * The i-th path, made afresh on every call: a store is charged for the path it keeps, not for a
   * string the harness already held (ZooKeeper keeps the caller's String as its map key).
   */
  private String path(int i) {
    return flat
        ? String.format(Locale.ROOT, "/n%015d", i)
        : String.format(Locale.ROOT, "/p%03d/c%010d", i / CHILDREN_PER_PARENT, i);
  }

  /** The i-th data, a fresh array (ZooKeeper keeps the caller's array without copying). */
  private byte[] data(int i) {
    byte[] bytes = new byte[dataBytes];
    new Random(i).nextBytes(bytes);
    return bytes;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash == 0 ? "/" : path.substring(0, slash);
  }

  /** Creates one node in the store being measured. */
  private interface NodeSink {
    void create(long zxid, String path, byte[] data) throws Exception;
  }

  /** Feeds the shape to a store, parents first; returns the last zxid used. */
  private long buildShape(NodeSink sink) throws Exception {
    long zxid = 0;
    String lastParent = "";
    for (int i = 0; i < znodes; i++) {
      String path = path(i);
      String parent = parentOf(path);
      if (!flat && !parent.equals(lastParent)) {
        sink.create(++zxid, parent, null);
        lastParent = parent;
      }
      sink.create(++zxid, path, data(i));
    }
    return zxid;
  }

  private Figures measurePaddock() throws Exception {
    long before = usedHeapAfterGc();
    DataTree tree = new DataTree();
    buildShape((zxid, path, bytes) -> tree.apply(header(zxid), create(path, bytes)));
    long after = usedHeapAfterGc();
    double perZnode = (after - before) / (double) znodes;

    Path snapDir = Files.createDirectories(dir.resolve("paddock"));
    SnapshotFiles files = new SnapshotFiles(new NioStorageDirectory(snapDir));
    long start = System.nanoTime();
    long bytes;
    try (SnapshotCursor cursor = tree.beginSnapshot();
        SnapshotOutput out = files.begin(cursor.zxid())) {
      JuteWriter slice = new JuteWriter(1 << 20);
      boolean done = false;
      while (!done) {
        slice.reset();
        done = cursor.writeSlice(slice, SLICE_NODES);
        out.write(slice.array(), 0, slice.size());
      }
      out.commit();
      bytes = out.bodyBytes();
    }
    double writeMs = (System.nanoTime() - start) / 1e6;
    long digest = tree.digest();
    long snapZxid = tree.lastProcessedZxid();

    start = System.nanoTime();
    DataTree loaded;
    try (SnapshotInput input = files.open(snapZxid);
        InputStream in = new BufferedInputStream(input, 1 << 16)) {
      loaded = SnapshotCodec.load(in);
      while (in.read() >= 0) {
        // reach the end so the checksum is verified
      }
      input.verifyEnd();
    }
    double loadMs = (System.nanoTime() - start) / 1e6;
    if (loaded.digest() != digest || loaded.nodeCount() < znodes) {
      throw new IllegalStateException("the loaded snapshot differs from the tree that was written");
    }
    return new Figures(perZnode, writeMs, loadMs, bytes);
  }

  private Figures measureZooKeeper() throws Exception {
    long before = usedHeapAfterGc();
    org.apache.zookeeper.server.DataTree tree = new org.apache.zookeeper.server.DataTree();
    long zxid =
        buildShape(
            (z, path, bytes) ->
                tree.createNode(path, bytes, ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, -1, z, z));
    long after = usedHeapAfterGc();
    double perZnode = (after - before) / (double) znodes;
    tree.lastProcessedZxid = zxid;

    File snapDir = Files.createDirectories(dir.resolve("zookeeper")).toFile();
    org.apache.zookeeper.server.persistence.FileSnap snap =
        new org.apache.zookeeper.server.persistence.FileSnap(snapDir);
    File file = new File(snapDir, "snapshot." + Long.toHexString(zxid));
    long start = System.nanoTime();
    snap.serialize(tree, new HashMap<>(), file, true);
    double writeMs = (System.nanoTime() - start) / 1e6;
    int nodes = tree.getNodeCount();

    start = System.nanoTime();
    org.apache.zookeeper.server.DataTree loaded = new org.apache.zookeeper.server.DataTree();
    snap.deserialize(loaded, new HashMap<>());
    double loadMs = (System.nanoTime() - start) / 1e6;
    if (loaded.getNodeCount() != nodes) {
      throw new IllegalStateException("ZooKeeper's snapshot did not load back");
    }
    return new Figures(perZnode, writeMs, loadMs, file.length());
  }

  private static TxnHeader header(long zxid) {
    return new TxnHeader(SESSION, 0, zxid, zxid, OpCode.CREATE);
  }

  private static Txn create(String path, byte[] data) {
    return new Txn.Create(path, data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < GC_ROUNDS; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}
