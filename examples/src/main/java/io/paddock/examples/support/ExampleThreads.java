package io.paddock.examples.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an example's workers (one thread each, as separate processes would run) and waits for all of
 * them within a time limit, rethrowing the first failure.
 */
public final class ExampleThreads {
  /** One worker's body. */
  @FunctionalInterface
  public interface Worker {
    /** Runs worker number {@code index} (0-based). */
    void run(int index) throws Exception;
  }

  private ExampleThreads() {}

  /**
   * Runs {@code count} workers at once and waits for all of them.
   *
   * @throws TimeoutException if they are not all done within {@code limit} (they are interrupted)
   * @throws ExecutionException with the first worker's failure
   */
  public static void runAll(int count, Duration limit, Worker worker)
      throws InterruptedException, ExecutionException, TimeoutException {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<?>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  worker.run(index);
                  return null;
                }));
      }
      long deadline = System.nanoTime() + limit.toNanos();
      for (Future<?> future : futures) {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
