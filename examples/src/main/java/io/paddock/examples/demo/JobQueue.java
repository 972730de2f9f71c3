package io.paddock.examples.demo;

import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.queue.DistributedQueue;
import io.paddock.recipes.queue.QueueBuilder;
import io.paddock.recipes.queue.QueueConsumer;
import io.paddock.recipes.queue.QueueSerializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A work queue of the tour: a producer, consumers with at-least-once delivery (a lock path), and
 * the bookkeeping that proves nothing was lost: every job processed, and how often one came twice.
 * Closes its queues on {@link #close()}.
 */
final class JobQueue implements AutoCloseable {
  private static final QueueSerializer<String> STRINGS =
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

  private final String queuePath;
  private final String lockPath;
  private final long workMs;
  private final List<DistributedQueue<String>> queues = new ArrayList<>();
  private final Set<String> produced = ConcurrentHashMap.newKeySet();
  private final Map<String, String> processedBy = new ConcurrentHashMap<>();
  private final AtomicInteger deliveries = new AtomicInteger();
  private volatile long lastFirstProcessedNanos;
  private DistributedQueue<String> producer;

  /**
   * A queue at {@code queuePath} whose consumers lock their item under {@code lockPath} and work
   * {@code workMs} on each.
   */
  JobQueue(String queuePath, String lockPath, long workMs) {
    this.queuePath = queuePath;
    this.lockPath = lockPath;
    this.workMs = workMs;
  }

  /** Makes {@code framework} the producer. */
  void startProducer(PaddockFramework framework) {
    producer = QueueBuilder.builder(framework, null, STRINGS, queuePath).buildQueue();
    queues.add(producer);
    producer.start();
  }

  /** Starts a consumer named {@code name} on {@code framework}. */
  void startConsumer(PaddockFramework framework, String name) {
    DistributedQueue<String> queue =
        QueueBuilder.builder(framework, consumer(name), STRINGS, queuePath)
            .lockPath(lockPath)
            .buildQueue();
    queues.add(queue);
    queue.start();
  }

  /** Puts {@code count} jobs named {@code prefix-NN} in one transaction. */
  void produce(String prefix, int count) throws Exception {
    List<String> jobs = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      jobs.add(String.format("%s-%02d", prefix, i));
    }
    producer.putMulti(jobs);
    produced.addAll(jobs);
  }

  /** Jobs produced so far. */
  int producedCount() {
    return produced.size();
  }

  /** Distinct jobs processed so far. */
  int processedCount() {
    return processedBy.size();
  }

  /** When a job was last processed for the first time ({@link System#nanoTime()}). */
  long lastFirstProcessedNanos() {
    return lastFirstProcessedNanos;
  }

  /** Deliveries beyond the first of a job (at-least-once redeliveries). */
  int redeliveries() {
    return deliveries.get() - processedBy.size();
  }

  /** How many distinct jobs each consumer processed first. */
  Map<String, Integer> processedByConsumer() {
    Map<String, Integer> counts = new TreeMap<>();
    processedBy.values().forEach(name -> counts.merge(name, 1, Integer::sum));
    return counts;
  }

  /** True when every job produced was processed and nothing else was. */
  boolean processedExactlyTheProduced() {
    return processedBy.keySet().equals(produced);
  }

  /**
   * Waits until the consumers processed at least {@code count} distinct jobs.
   *
   * @return false if they did not within the tour's wait
   */
  boolean awaitProcessed(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TourStage.WAIT.toNanos();
    while (processedBy.size() < count) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return true;
  }

  /**
   * Waits until no job is left on the queue (every delivery acknowledged), so closing the consumers
   * interrupts no work.
   *
   * @return false if jobs were left after the tour's wait
   */
  boolean awaitEmpty() throws Exception {
    long deadline = System.nanoTime() + TourStage.WAIT.toNanos();
    while (producer.itemCount() > 0) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return true;
  }

  private QueueConsumer<String> consumer(String name) {
    return new QueueConsumer<>() {
      @Override
      public void consumeMessage(String job) throws Exception {
        deliveries.incrementAndGet();
        if (processedBy.containsKey(job)) {
          return; // delivered again after its ack was lost: done already (idempotent consumer)
        }
        Thread.sleep(workMs); // the job's work
        if (processedBy.putIfAbsent(job, name) == null) {
          lastFirstProcessedNanos = System.nanoTime();
        }
      }

      @Override
      public void stateChanged(PaddockFramework framework, ConnectionState newState) {
        // The queue redelivers what a lost session held; nothing to do here.
      }
    };
  }

  @Override
  public void close() {
    queues.forEach(DistributedQueue::close);
  }
}
