package io.paddock.examples.barrier;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.examples.support.ExampleThreads;
import io.paddock.recipes.barriers.DistributedDoubleBarrier;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A double barrier ({@link DistributedDoubleBarrier}): three workers arrive one after another at
 * {@code /examples/double-barrier}; nobody starts the computation before all three have entered,
 * and nobody moves on before all three have left. Typical use: the phases of a distributed batch.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.barrier.DoubleBarrierExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class DoubleBarrierExample {
  /** The barrier's node. */
  public static final String BARRIER_PATH = "/examples/double-barrier";

  static final int WORKERS = 3;
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final long STAGGER_MS = 200;

  private DoubleBarrierExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Runs the workers through the barrier.
   *
   * @throws IllegalStateException if one started before all arrived, or left before all finished
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    AtomicInteger entered = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    ExampleThreads.runAll(
        WORKERS,
        RUN_LIMIT,
        index -> {
          String name = "worker-" + (index + 1);
          DistributedDoubleBarrier barrier =
              new DistributedDoubleBarrier(cluster.newFramework(), BARRIER_PATH, WORKERS);
          Thread.sleep(STAGGER_MS * index); // the workers arrive one after another
          out.println(name + ": arrives");
          entered.incrementAndGet();
          if (!barrier.enter(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " could not enter");
          }
          if (entered.get() < WORKERS) {
            throw new IllegalStateException(name + " started before everyone arrived");
          }
          out.println(name + ": everyone is here, working");
          Thread.sleep(STAGGER_MS * (WORKERS - index)); // the work; the first is slowest
          finished.incrementAndGet();
          if (!barrier.leave(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " could not leave");
          }
          if (finished.get() < WORKERS) {
            throw new IllegalStateException(name + " moved on before everyone finished");
          }
          out.println(name + ": everyone is done, moving on");
        });
    out.println("all workers started together and finished together");
  }
}
