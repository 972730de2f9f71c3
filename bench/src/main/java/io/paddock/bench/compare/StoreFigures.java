package io.paddock.bench.compare;

import io.paddock.bench.StoreFootprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The figures at N znodes: heap per znode and snapshot write and load times (both stores in one
 * child JVM, by {@link StoreFootprint}), and the cold restart time of each server process on a data
 * dir holding N znodes (until {@code ruok} is answered and a read succeeds).
 */
public final class StoreFigures {
  /** Heap of the footprint JVM and the cold-restart servers per znode, bytes (both trees fit). */
  static final long HEAP_BYTES_PER_ZNODE = 3_000;

  /** Smallest heap of those JVMs, MiB. */
  static final long HEAP_MIB_MIN = 1_024;

  /** Longest the footprint JVM may run. */
  static final long FOOTPRINT_WAIT_MS = 30 * 60_000;

  /** Longest a restart may take. */
  static final long RESTART_WAIT_MS = 10 * 60_000;

  /** Children per parent of the cold-restart tree (the footprint's wide shape). */
  static final int CHILDREN_PER_PARENT = 1_000;

  /** Creates in flight while building the cold-restart tree. */
  static final int CREATES_IN_FLIGHT_MAX = 1_000;

  /** Data bytes per znode. */
  static final int DATA_BYTES = 100;

  private static final long POLL_MS = 10;

  private StoreFigures() {}

  /** One store's in-JVM figures. */
  public record Footprint(double bytesPerZnode, double writeMs, double loadMs) {}

  /** The JVM flags for a JVM that holds {@code znodes} znodes. */
  public static List<String> heapFlags(int znodes) {
    long mib = Math.max(HEAP_MIB_MIN, znodes * HEAP_BYTES_PER_ZNODE >> 20);
    return List.of("-Xms" + mib + "m", "-Xmx" + mib + "m", "-XX:+UseG1GC");
  }

  /**
   * Runs {@code bin/paddock footprint --znodes N --tsv} as a child JVM with its output in {@code
   * dir/footprint.out}; returns both stores' figures.
   */
  public static Map<ServerKind, Footprint> footprint(JvmLauncher jvm, int znodes, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path out = dir.resolve("footprint.out");
    Process p =
        new ProcessBuilder(
                jvm.command(
                    heapFlags(znodes),
                    StoreFootprint.class.getName(),
                    "--znodes",
                    Integer.toString(znodes),
                    "--dir",
                    dir.toString(),
                    "--tsv"))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!p.waitFor(FOOTPRINT_WAIT_MS, TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("footprint did not finish in " + FOOTPRINT_WAIT_MS + " ms");
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    Map<ServerKind, Footprint> figures = parse(lines);
    if (p.exitValue() != 0 || figures.size() != 2) {
      throw new IllegalStateException(
          "footprint failed (status " + p.exitValue() + "): " + ServerProcess.causeLine(lines));
    }
    return figures;
  }

  /** The figures in the {@code --tsv} lines of a footprint run. */
  static Map<ServerKind, Footprint> parse(List<String> lines) {
    Map<ServerKind, Footprint> m = new EnumMap<>(ServerKind.class);
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f.length >= 5 && f[0].equals(StoreFootprint.TSV_PREFIX)) {
        ServerKind kind =
            f[1].equals(StoreFootprint.TSV_PADDOCK) ? ServerKind.PADDOCK : ServerKind.ZOOKEEPER;
        m.put(
            kind,
            new Footprint(
                Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
      }
    }
    return m;
  }

  /**
   * Starts a standalone {@code kind} server on a fresh {@code dir}, writes {@code znodes} znodes,
   * stops it (SIGTERM), starts it again and times the restart: from process start until {@code
   * ruok} is answered and the last znode written can be read.
   *
   * @throws ServerStartException when the server does not start the first time
   */
  public static double coldRestartMs(
      ServerKind kind, Path dir, ServerSettings settings, JvmLauncher jvm, int znodes)
      throws Exception {
    ServerSettings big = settings.withJvmFlags(heapFlags(znodes));
    Cluster cluster = Cluster.launch(kind, 1, dir, big, jvm);
    try {
      var failure = cluster.awaitReady(Cluster.READY_WAIT_MS);
      if (failure.isPresent()) {
        throw new ServerStartException(failure.get());
      }
      String last = build(cluster.connectString(), znodes);
      ServerProcess server = cluster.member(0);
      server.stop();
      long start = System.nanoTime();
      server.start();
      awaitRead(cluster, last);
      return (System.nanoTime() - start) / 1e6;
    } finally {
      cluster.close();
    }
  }

  private static String build(String connectString, int znodes) throws Exception {
    ZooKeeper zk = Sessions.open(connectString);
    try {
      Sessions.createPath(zk, "/cold");
      byte[] data = Values.of(DATA_BYTES);
      Semaphore inFlight = new Semaphore(CREATES_IN_FLIGHT_MAX);
      AtomicReference<String> failure = new AtomicReference<>();
      String last = null;
      for (int i = 0; i < znodes && failure.get() == null; i++) {
        if (i % CHILDREN_PER_PARENT == 0) {
          inFlight.acquire(CREATES_IN_FLIGHT_MAX);
          inFlight.release(CREATES_IN_FLIGHT_MAX);
          Sessions.createPath(zk, parent(i));
        }
        last = String.format(Locale.ROOT, "%s/c%07d", parent(i), i);
        inFlight.acquire();
        zk.create(
            last,
            data,
            ZooDefs.Ids.OPEN_ACL_UNSAFE,
            CreateMode.PERSISTENT,
            (rc, path, ctx, name) -> {
              if (rc != 0) {
                failure.compareAndSet(null, path + ": " + KeeperException.Code.get(rc));
              }
              inFlight.release();
            },
            null);
      }
      if (!inFlight.tryAcquire(CREATES_IN_FLIGHT_MAX, RESTART_WAIT_MS, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("creates of the cold-restart tree stalled");
      }
      if (failure.get() != null) {
        throw new IllegalStateException("building the cold-restart tree failed: " + failure.get());
      }
      return last;
    } finally {
      Sessions.closeQuietly(zk);
    }
  }

  private static String parent(int i) {
    return String.format(Locale.ROOT, "/cold/p%04d", i / CHILDREN_PER_PARENT);
  }

  private static void awaitRead(Cluster cluster, String path) throws Exception {
    long deadline = System.nanoTime() + RESTART_WAIT_MS * 1_000_000;
    while (!FourLetterProbe.isOk(cluster.clientPort(0))) {
      if (!cluster.member(0).isAlive()) {
        throw new IllegalStateException("restart failed: " + cluster.member(0).failureCause());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no ruok answer " + RESTART_WAIT_MS + " ms after restart");
      }
      Thread.sleep(POLL_MS);
    }
    ZooKeeper zk = Sessions.open(cluster.connectString());
    try {
      byte[] data = zk.getData(path, false, null);
      if (data.length != DATA_BYTES) {
        throw new IllegalStateException(path + " holds " + data.length + " bytes after restart");
      }
    } finally {
      Sessions.closeQuietly(zk);
    }
  }
}
