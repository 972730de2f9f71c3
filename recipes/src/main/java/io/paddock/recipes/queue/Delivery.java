package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;

/**
 * One delivery of an item of a lock-safe queue, to settle explicitly with {@link #ack()} or {@link
 * #nack()} before {@link AcknowledgingConsumer#consume} returns (the item's lock is held until
 * then). Returning or throwing unsettled counts as a nack. Settle once; from any thread.
 *
 * @param <T> the item type
 */
public interface Delivery<T> {
  /** The item. */
  T item();

  /** Which delivery of this item this is: 1 for the first, counting deliveries cut by crashes. */
  int deliveryCount();

  /**
   * Acknowledges the item: it is deleted from the queue.
   *
   * @return true if done; false if the item was meanwhile redelivered elsewhere (our session was
   *     lost) and this outcome is void — the work may be done twice
   * @throws IllegalStateException if settled before
   */
  boolean ack() throws PaddockException, InterruptedException;

  /**
   * Rejects the item: it is requeued or deleted per the {@link ErrorMode}, or dead-lettered after
   * its last allowed delivery.
   *
   * @return true if done; false if the item was meanwhile redelivered elsewhere
   * @throws IllegalStateException if settled before
   */
  boolean nack() throws PaddockException, InterruptedException;

  /** True once acked or nacked. */
  boolean isSettled();
}
