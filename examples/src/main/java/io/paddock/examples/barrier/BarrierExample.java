package io.paddock.examples.barrier;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.examples.support.ExampleThreads;
import io.paddock.recipes.barriers.DistributedBarrier;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A barrier ({@link DistributedBarrier}): a coordinator sets {@code /examples/barrier}; workers,
 * each with its own connection, wait at it; when the coordinator removes it, all of them go on at
 * once. Typical use: hold a fleet until a migration or a warm-up is done.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.barrier.BarrierExample [connectString]} — without a connect string it starts
 * its own embedded server.
 */
public final class BarrierExample {
  /** The barrier's node: present while the barrier is up. */
  public static final String BARRIER_PATH = "/examples/barrier";

  static final int WORKERS = 3;
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final long HOLD_MS = 300;

  private BarrierExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Sets the barrier, lets the workers wait at it, lifts it.
   *
   * @throws IllegalStateException if a worker passed while the barrier was up
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    DistributedBarrier coordinator = new DistributedBarrier(cluster.newFramework(), BARRIER_PATH);
    coordinator.setBarrier();
    out.println("coordinator: the barrier is up");
    CountDownLatch lifted = new CountDownLatch(1);
    Thread lifter =
        new Thread(
            () -> {
              try {
                Thread.sleep(HOLD_MS); // the work the fleet waits for
                lifted.countDown();
                coordinator.removeBarrier();
                out.println("coordinator: the barrier is lifted");
              } catch (Exception e) {
                out.println("coordinator failed: " + e);
              }
            },
            "coordinator");
    lifter.start();
    ExampleThreads.runAll(
        WORKERS,
        RUN_LIMIT,
        index -> {
          String name = "worker-" + (index + 1);
          DistributedBarrier barrier = new DistributedBarrier(cluster.newFramework(), BARRIER_PATH);
          out.println(name + ": waiting at the barrier");
          if (!barrier.waitOnBarrier(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " waited in vain");
          }
          if (lifted.getCount() != 0) {
            throw new IllegalStateException(name + " passed a barrier that was up");
          }
          out.println(name + ": through");
        });
    lifter.join(RUN_LIMIT.toMillis());
    out.println("every worker went through once the barrier was lifted");
  }
}
