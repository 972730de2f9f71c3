package io.paddock.examples.locks;

import io.paddock.client.CreateResult;
import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.examples.support.ExampleThreads;
import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EventType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The plain exclusive lock of ZooKeeper's recipe page, built from the framework alone: whoever
 * creates the ephemeral node {@code /examples/exclusive-lock} holds the lock; everyone else sets an
 * exists watch on it and tries again when it is deleted. It is simple and correct, but every
 * release wakes <em>every</em> waiter (the herd effect) — compare {@link HerdFreeLockExample}.
 *
 * <p>The fencing token is the lock node's czxid, larger for each new holder. The shared ledger
 * fences by itself: it stores the largest token that wrote it, and a write is made with the
 * ledger's version (compare-and-set) only when the writer's token is not older.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.locks.ExclusiveLockExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class ExclusiveLockExample {
  /** The lock node. */
  public static final String LOCK_PATH = "/examples/exclusive-lock";

  /** The fenced resource: its data is the largest token that wrote it. */
  public static final String FENCED_LEDGER_PATH = "/examples/fenced-ledger";

  static final int WORKERS = 3;
  static final int ROUNDS = 2;

  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final long WAIT_SLICE_MS = 1_000;

  private ExclusiveLockExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /** Runs the workers; each takes the lock {@link #ROUNDS} times and writes the ledger. */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    PaddockFramework setup = cluster.newFramework();
    setup.create().orSetData().creatingParentsIfNeeded().forPath(FENCED_LEDGER_PATH, bytes("0"));
    out.printf(
        "%d workers take the exclusive lock %s, %d times each%n", WORKERS, LOCK_PATH, ROUNDS);
    ExampleThreads.runAll(
        WORKERS, RUN_LIMIT, index -> work("worker-" + (index + 1), cluster.newFramework(), out));
    out.println("largest token written: " + text(setup.getData().forPath(FENCED_LEDGER_PATH)));
  }

  private static void work(String name, PaddockFramework framework, PrintStream out)
      throws Exception {
    for (int round = 1; round <= ROUNDS; round++) {
      long token = acquire(name, framework, out);
      try {
        writeFenced(framework, token);
        out.printf("%s holds the lock: fencing token %d, ledger written%n", name, token);
      } finally {
        framework.delete().guaranteed().forPath(LOCK_PATH);
      }
    }
  }

  /** Creates the lock node, waiting for its deletion while someone else holds it. */
  private static long acquire(String name, PaddockFramework framework, PrintStream out)
      throws PaddockException, InterruptedException {
    while (true) {
      try {
        CreateResult created =
            framework
                .create()
                .withMode(CreateMode.EPHEMERAL)
                .forPathWithStat(LOCK_PATH, bytes(name));
        return created.stat().czxid();
      } catch (PaddockException.NodeExistsException held) {
        CountDownLatch deleted = new CountDownLatch(1);
        boolean exists =
            framework
                    .checkExists()
                    .usingWatcher(
                        event -> {
                          if (event.type() == EventType.NODE_DELETED) {
                            deleted.countDown();
                          }
                        })
                    .forPath(LOCK_PATH)
                != null;
        if (exists && deleted.await(WAIT_SLICE_MS, TimeUnit.MILLISECONDS)) {
          out.printf("%s wakes up: the lock was released (every waiter wakes)%n", name);
        }
      }
    }
  }

  /** Writes the ledger only if our token is not older than the one it holds (compare-and-set). */
  private static void writeFenced(PaddockFramework framework, long token) throws Exception {
    DataAndStat current = framework.getData().forPathWithStat(FENCED_LEDGER_PATH);
    long largest = Long.parseLong(text(current.data()));
    if (token < largest) {
      throw new IllegalStateException("token " + token + " is older than " + largest);
    }
    framework
        .setData()
        .withVersion(current.stat().version())
        .forPath(FENCED_LEDGER_PATH, bytes(Long.toString(token)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }
}
