package io.paddock.recipes.queue;

import io.paddock.recipes.ConnectionStateListener;

/**
 * Consumes a queue's items, one at a time, on the queue's consumer thread; also hears the
 * framework's connection states (SUSPENDED: the queue is not being updated; LOST: items this
 * consumer held under a lock will be redelivered elsewhere).
 *
 * @param <T> the item type
 */
public interface QueueConsumer<T> extends ConnectionStateListener {
  /**
   * Processes one item. With a lock path, returning normally acknowledges the item (it is deleted)
   * and throwing rejects it (requeued or dropped per the error mode, or dead-lettered after the
   * last allowed delivery). Without a lock path the item is already gone from the queue: a throw is
   * logged and the item is lost (at-most-once).
   */
  void consumeMessage(T message) throws Exception;
}
