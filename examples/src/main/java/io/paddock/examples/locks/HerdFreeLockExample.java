package io.paddock.examples.locks;

import io.paddock.client.PaddockException;
import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.examples.support.ExampleThreads;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.locks.InterProcessMutex;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The herd-free lock ({@link InterProcessMutex}): several workers, each with its own connection as
 * separate processes would have, contend for one lock. Waiters queue by sequence and each watches
 * only its predecessor, so a release wakes exactly one of them. Every grant carries a fencing token
 * (the lock node's czxid) that grows with each grant, and the holder writes the shared ledger
 * through a <em>guarded</em> transaction: the server applies it only while the holder's lock node
 * still exists. At the end a released grant's guard is shown to be refused.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.locks.HerdFreeLockExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class HerdFreeLockExample {
  /** The lock's path. */
  public static final String LOCK_PATH = "/examples/herd-free-lock";

  /** The shared resource the holders write. */
  public static final String LEDGER_PATH = "/examples/ledger";

  /** How many workers contend. */
  static final int WORKERS = 4;

  /** How many times each worker takes the lock. */
  static final int ROUNDS = 2;

  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

  private HerdFreeLockExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Runs the workers and checks that the tokens grew with every grant.
   *
   * @throws IllegalStateException if a token did not grow or a guarded write misbehaved
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    PaddockFramework setup = cluster.newFramework();
    setup.create().orSetData().creatingParentsIfNeeded().forPath(LEDGER_PATH, bytes("empty"));
    out.printf("%d workers contend for %s, %d times each%n", WORKERS, LOCK_PATH, ROUNDS);
    AtomicLong lastToken = new AtomicLong();
    ExampleThreads.runAll(
        WORKERS, RUN_LIMIT, index -> work("worker-" + (index + 1), cluster, lastToken, out));

    // A holder that lost its lock (here: released it) is fenced off by the server.
    InterProcessMutex lock = new InterProcessMutex(setup, LOCK_PATH);
    lock.acquire();
    Grant stale = lock.grant();
    lock.release();
    try {
      setup.transaction().add(stale.guard()).setData(LEDGER_PATH, bytes("stale write")).commit();
      throw new IllegalStateException("a released grant's guarded write was applied");
    } catch (PaddockException.NoNodeException expected) {
      out.printf(
          "a released grant (token %d) tries a guarded write: refused by the server (%s)%n",
          stale.token(), expected.code());
    }
    out.println("ledger: " + text(setup.getData().forPath(LEDGER_PATH)));
  }

  private static void work(
      String name, ExampleCluster cluster, AtomicLong lastToken, PrintStream out) throws Exception {
    PaddockFramework framework = cluster.newFramework();
    InterProcessMutex lock = new InterProcessMutex(framework, LOCK_PATH);
    for (int round = 1; round <= ROUNDS; round++) {
      lock.acquire();
      try {
        Grant grant = lock.grant();
        long previous = lastToken.getAndSet(grant.token());
        if (grant.token() <= previous) {
          throw new IllegalStateException(
              "token " + grant.token() + " did not grow past " + previous);
        }
        // The guard makes the server refuse this write should the lock be lost meanwhile.
        framework
            .transaction()
            .add(grant.guard())
            .setData(LEDGER_PATH, bytes(name + " wrote with token " + grant.token()))
            .commit();
        out.printf(
            "%s holds the lock: fencing token %d, guarded write applied%n", name, grant.token());
      } finally {
        lock.release();
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }
}
