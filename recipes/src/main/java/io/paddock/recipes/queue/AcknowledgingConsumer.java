package io.paddock.recipes.queue;

import io.paddock.recipes.ConnectionStateListener;

/**
 * A consumer of a lock-safe queue that settles each item explicitly ({@link Delivery#ack()} or
 * {@link Delivery#nack()}), sees how many deliveries the item had, and learns when its ack came too
 * late (the item was redelivered elsewhere). Runs on the queue's consumer thread; also hears the
 * framework's connection states.
 *
 * @param <T> the item type
 */
public interface AcknowledgingConsumer<T> extends ConnectionStateListener {
  /**
   * Processes one delivery; settle it before returning (unsettled counts as a nack, and so does a
   * throw).
   */
  void consume(Delivery<T> delivery) throws Exception;
}
