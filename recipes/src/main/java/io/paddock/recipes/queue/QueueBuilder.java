package io.paddock.recipes.queue;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.ClientThreads;
import io.paddock.store.model.ZnodePaths;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Builds the distributed queues (Curator's QueueBuilder). Defaults: at-most-once delivery, no
 * bound, {@link ErrorMode#REQUEUE}, no dead-lettering, daemon consumer threads. Not thread-safe.
 *
 * <pre>{@code
 * DistributedQueue<String> queue =
 *     QueueBuilder.builder(framework, consumer, serializer, "/jobs")
 *         .lockPath("/jobs-locks")                      // at-least-once, acknowledged
 *         .maxDeliveries(5).deadLetterPath("/jobs-dead") // poison items move aside
 *         .buildQueue();
 * queue.start();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class QueueBuilder<T> {
  private final PaddockFramework framework;
  private final QueueConsumer<T> consumer;
  private final AcknowledgingConsumer<T> acknowledging;
  private final QueueSerializer<T> serializer;
  private final String queuePath;
  private String lockPath;
  private int maxItems;
  private ErrorMode errorMode = ErrorMode.REQUEUE;
  private int maxDeliveries;
  private String deadLetterPath;
  private ThreadFactory threadFactory = ClientThreads.daemon("queue-consumer");

  private QueueBuilder(
      PaddockFramework framework,
      QueueConsumer<T> consumer,
      AcknowledgingConsumer<T> acknowledging,
      QueueSerializer<T> serializer,
      String queuePath) {
    this.framework = Objects.requireNonNull(framework, "framework");
    this.consumer = consumer;
    this.acknowledging = acknowledging;
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    ZnodePaths.validate(framework.fullPath(queuePath));
    this.queuePath = queuePath;
  }

  /**
   * A builder.
   *
   * @param consumer the consumer, or null for a queue that only puts
   * @param queuePath the queue's node (a container: it goes once empty)
   */
  public static <T> QueueBuilder<T> builder(
      PaddockFramework framework,
      QueueConsumer<T> consumer,
      QueueSerializer<T> serializer,
      String queuePath) {
    return new QueueBuilder<>(framework, consumer, null, serializer, queuePath);
  }

  /**
   * A builder of a queue whose consumer settles every delivery explicitly ({@link Delivery#ack()},
   * {@link Delivery#nack()}); it needs a {@link #lockPath}.
   *
   * @param consumer the consumer, not null
   */
  public static <T> QueueBuilder<T> acknowledgingBuilder(
      PaddockFramework framework,
      AcknowledgingConsumer<T> consumer,
      QueueSerializer<T> serializer,
      String queuePath) {
    return new QueueBuilder<>(
        framework, null, Objects.requireNonNull(consumer, "consumer"), serializer, queuePath);
  }

  /**
   * Consumes under a lock per item, at {@code <lockPath>/<item>} (ephemeral): at-least-once
   * delivery with ack (the consumer returns) and nack (it throws); a consumer that dies mid-item
   * has it redelivered. The path must be outside the queue's.
   */
  public QueueBuilder<T> lockPath(String lockPath) {
    ZnodePaths.validate(framework.fullPath(lockPath));
    if (ZnodePaths.isAtOrBelow(lockPath, queuePath)
        || ZnodePaths.isAtOrBelow(queuePath, lockPath)) {
      throw new IllegalArgumentException("the lock path must be outside the queue path");
    }
    this.lockPath = lockPath;
    return this;
  }

  /**
   * Bounds the queue: a put waits while {@code maxItems} items are queued (approximate: puts racing
   * each other may pass it by a little; an empty queue takes any batch).
   */
  public QueueBuilder<T> maxItems(int maxItems) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be ≥ 1");
    }
    this.maxItems = maxItems;
    return this;
  }

  /** What a lock-safe queue does with a rejected item (default REQUEUE). */
  public QueueBuilder<T> errorMode(ErrorMode errorMode) {
    this.errorMode = Objects.requireNonNull(errorMode, "errorMode");
    return this;
  }

  /**
   * With a lock path and a dead-letter path: the deliveries an item gets; after that many failed
   * (rejected, or their consumer died), it moves to the dead-letter path.
   */
  public QueueBuilder<T> maxDeliveries(int maxDeliveries) {
    if (maxDeliveries < 1) {
      throw new IllegalArgumentException("maxDeliveries must be ≥ 1");
    }
    this.maxDeliveries = maxDeliveries;
    return this;
  }

  /**
   * Where items go after their last failed delivery: a FIFO queue of the same serializer, its items
   * with their delivery count reset (read it with another queue on that path). The node stays.
   */
  public QueueBuilder<T> deadLetterPath(String deadLetterPath) {
    ZnodePaths.validate(framework.fullPath(deadLetterPath));
    if (ZnodePaths.isAtOrBelow(deadLetterPath, queuePath)) {
      throw new IllegalArgumentException("the dead-letter path must be outside the queue path");
    }
    this.deadLetterPath = deadLetterPath;
    return this;
  }

  /** Makes the consumer thread (default: daemon threads named {@code queue-consumer-N}). */
  public QueueBuilder<T> threadFactory(ThreadFactory threadFactory) {
    this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    return this;
  }

  /** A FIFO queue (ordered for a single consumer). */
  public DistributedQueue<T> buildQueue() {
    return new DistributedQueue<>(new QueueCore<>(settings(), ItemNaming.FIFO));
  }

  /** A priority queue: lower priority values first; a late item of higher rank jumps ahead. */
  public DistributedPriorityQueue<T> buildPriorityQueue() {
    return new DistributedPriorityQueue<>(new QueueCore<>(settings(), ItemNaming.PRIORITY));
  }

  /** A delay queue: each item is delivered once its due time has passed, earliest first. */
  public DistributedDelayQueue<T> buildDelayQueue() {
    return new DistributedDelayQueue<>(new QueueCore<>(settings(), ItemNaming.DELAY));
  }

  /** A FIFO queue whose items carry ids, so they can be removed by id. */
  public DistributedIdQueue<T> buildIdQueue() {
    return new DistributedIdQueue<>(new QueueCore<>(settings(), ItemNaming.ID));
  }

  private QueueSettings<T> settings() {
    if (acknowledging != null && lockPath == null) {
      throw new IllegalStateException("explicit acknowledgement needs a lock path");
    }
    if ((maxDeliveries > 0 || deadLetterPath != null) && lockPath == null) {
      throw new IllegalStateException("delivery counting and dead letters need a lock path");
    }
    if ((maxDeliveries > 0) != (deadLetterPath != null)) {
      throw new IllegalStateException("maxDeliveries and deadLetterPath go together");
    }
    return new QueueSettings<>(
        framework,
        consumer,
        acknowledging,
        serializer,
        queuePath,
        lockPath,
        maxItems,
        errorMode,
        maxDeliveries,
        deadLetterPath,
        threadFactory);
  }
}
