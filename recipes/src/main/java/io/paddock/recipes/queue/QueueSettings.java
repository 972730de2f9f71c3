package io.paddock.recipes.queue;

import io.paddock.recipes.PaddockFramework;
import java.util.concurrent.ThreadFactory;

/**
 * A queue's configuration, as the builder collected it.
 *
 * @param consumer the consumer that returns (ack) or throws (nack), or null
 * @param acknowledging the consumer that settles explicitly, or null
 * @param lockPath the lock path for at-least-once delivery, or null for at-most-once
 * @param maxItems the bound on queued items, or 0 for none
 * @param maxDeliveries the deliveries an item gets before it is dead-lettered, or 0 for no limit
 * @param deadLetterPath where an item goes after its last failed delivery, or null
 */
record QueueSettings<T>(
    PaddockFramework framework,
    QueueConsumer<T> consumer,
    AcknowledgingConsumer<T> acknowledging,
    QueueSerializer<T> serializer,
    String queuePath,
    String lockPath,
    int maxItems,
    ErrorMode errorMode,
    int maxDeliveries,
    String deadLetterPath,
    ThreadFactory threadFactory) {

  /** True if the queue delivers items (it is not a producer only). */
  boolean consumes() {
    return consumer != null || acknowledging != null;
  }

  /** Whichever consumer hears connection states. */
  io.paddock.recipes.ConnectionStateListener stateListener() {
    return consumer != null ? consumer : acknowledging;
  }

  /** True if items are consumed under a lock (at-least-once). */
  boolean lockSafe() {
    return lockPath != null;
  }

  /** True if items are dead-lettered after {@link #maxDeliveries}. */
  boolean deadLettering() {
    return deadLetterPath != null && maxDeliveries > 0;
  }
}
