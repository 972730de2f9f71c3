package io.paddock.examples.queue;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.queue.DistributedQueue;
import io.paddock.recipes.queue.QueueBuilder;
import io.paddock.recipes.queue.QueueConsumer;
import io.paddock.recipes.queue.QueueSerializer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A work queue ({@link DistributedQueue}): a producer puts {@link #JOBS} jobs under {@code
 * /examples/queue}; two consumers, each with its own connection, take them. Delivery is
 * at-least-once with acknowledgement (the queue has a lock path): a consumer that returns has
 * acknowledged its job, one that throws has rejected it and the job is delivered again — the
 * example rejects one job once to show it (the queue logs that failed delivery as a warning, on
 * stderr). Every job is processed; none is lost.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)" io.paddock.examples.queue.QueueExample
 * [connectString]} — without a connect string it starts its own embedded server.
 */
public final class QueueExample {
  /** The queue's node. */
  public static final String QUEUE_PATH = "/examples/queue";

  /** Where consumers lock the item they work on (at-least-once delivery). */
  public static final String LOCK_PATH = "/examples/queue-locks";

  static final int JOBS = 20;
  static final int CONSUMERS = 2;
  private static final String REJECTED_ONCE = "job-07";
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final long WORK_MS = 20;

  /** Jobs are UTF-8 strings. */
  static final QueueSerializer<String> STRINGS =
      new QueueSerializer<>() {
        @Override
        public byte[] serialize(String item) {
          return item.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(byte[] bytes) {
          return new String(bytes, StandardCharsets.UTF_8);
        }
      };

  private QueueExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Produces the jobs and waits until the consumers processed every one.
   *
   * @throws IllegalStateException if a job is not processed within a minute
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    Map<String, String> processedBy = new ConcurrentHashMap<>();
    CountDownLatch allDone = new CountDownLatch(JOBS);
    AtomicBoolean rejectedOnce = new AtomicBoolean();
    List<DistributedQueue<String>> consumers = new ArrayList<>();
    try (DistributedQueue<String> producer =
        QueueBuilder.builder(cluster.newFramework(), null, STRINGS, QUEUE_PATH).buildQueue()) {
      producer.start();
      for (int i = 1; i <= CONSUMERS; i++) {
        String name = "consumer-" + i;
        DistributedQueue<String> queue =
            QueueBuilder.builder(
                    cluster.newFramework(),
                    consumer(name, processedBy, allDone, rejectedOnce, out),
                    STRINGS,
                    QUEUE_PATH)
                .lockPath(LOCK_PATH)
                .buildQueue();
        consumers.add(queue);
        queue.start();
      }
      List<String> jobs = new ArrayList<>();
      for (int i = 1; i <= JOBS; i++) {
        jobs.add(String.format("job-%02d", i));
      }
      producer.putMulti(jobs);
      out.printf("producer: put %d jobs in one transaction%n", JOBS);
      if (!allDone.await(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "only " + processedBy.size() + " of " + JOBS + " jobs processed in " + RUN_LIMIT);
      }
    } finally {
      consumers.forEach(DistributedQueue::close);
    }
    out.printf("all %d jobs processed: %s%n", JOBS, countByConsumer(processedBy));
  }

  private static QueueConsumer<String> consumer(
      String name,
      Map<String, String> processedBy,
      CountDownLatch allDone,
      AtomicBoolean rejectedOnce,
      PrintStream out) {
    return new QueueConsumer<>() {
      @Override
      public void consumeMessage(String job) throws Exception {
        if (job.equals(REJECTED_ONCE) && rejectedOnce.compareAndSet(false, true)) {
          out.printf("%s: rejects %s (it will be delivered again)%n", name, job);
          throw new IllegalStateException("a transient failure processing " + job);
        }
        Thread.sleep(WORK_MS); // the job's work
        if (processedBy.putIfAbsent(job, name) == null) {
          allDone.countDown();
          out.printf("%s: processed %s%n", name, job);
        }
      }

      @Override
      public void stateChanged(PaddockFramework framework, ConnectionState newState) {
        out.printf("%s: connection %s%n", name, newState);
      }
    };
  }

  private static Map<String, Long> countByConsumer(Map<String, String> processedBy) {
    Map<String, Long> counts = new TreeMap<>();
    processedBy.values().forEach(name -> counts.merge(name, 1L, Long::sum));
    return counts;
  }
}
