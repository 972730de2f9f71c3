package io.paddock.recipes.queue;

import io.paddock.recipes.PaddockFramework;
import java.util.concurrent.ThreadFactory;

/**
 * A queue's configuration, as the builder collected it.
 *
 * @param lockPath the lock path for at-least-once delivery, or null for at-most-once
 * @param maxItems the bound on queued items, or 0 for none
 * @param maxDeliveries the deliveries an item gets before it is dead-lettered, or 0 for no limit
 * @param deadLetterPath where an item goes after its last failed delivery, or null
 */
record QueueSettings<T>(
    PaddockFramework framework,
    QueueConsumer<T> consumer,
    QueueSerializer<T> serializer,
    String queuePath,
    String lockPath,
    int maxItems,
    ErrorMode errorMode,
    int maxDeliveries,
    String deadLetterPath,
    ThreadFactory threadFactory) {

  /** True if items are consumed under a lock (at-least-once). */
  boolean lockSafe() {
    return lockPath != null;
  }

  /** True if items are dead-lettered after {@link #maxDeliveries}. */
  boolean deadLettering() {
    return deadLetterPath != null && maxDeliveries > 0;
  }
}
