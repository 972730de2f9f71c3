/**
 * Distributed queues over sequential nodes (Curator's queue package, built with {@link
 * io.paddock.recipes.queue.QueueBuilder}): {@link io.paddock.recipes.queue.DistributedQueue} (FIFO
 * for a single consumer), {@link io.paddock.recipes.queue.DistributedPriorityQueue}, {@link
 * io.paddock.recipes.queue.DistributedDelayQueue}, {@link
 * io.paddock.recipes.queue.DistributedIdQueue} (remove by id), and {@link
 * io.paddock.recipes.queue.SimpleDistributedQueue} (ZooKeeper's own queue recipe, data-compatible).
 *
 * <p>Delivery is at-most-once by default (an item is deleted, then handed to the consumer). With a
 * lock path it is at-least-once with acknowledgement: the consumer returning is the ack (the item
 * is deleted), throwing is the nack (the item is requeued or dropped, per {@link
 * io.paddock.recipes.queue.ErrorMode}), and a consumer that dies mid-item loses its ephemeral lock,
 * so another redelivers it. Deliveries are counted in the item; after {@code maxDeliveries} failed
 * ones an item moves to a dead-letter path. Tech Note 4 applies: a znode queue suits modest rates
 * and sizes (items under 1 MB, child lists of thousands, not millions).
 */
package io.paddock.recipes.queue;
