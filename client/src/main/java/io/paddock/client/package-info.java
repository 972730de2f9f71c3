/**
 * Paddock's raw client for the ZooKeeper 3.9 wire protocol; it talks to Paddock and to Apache
 * ZooKeeper alike.
 *
 * <p>Start at {@link io.paddock.client.PaddockClient#builder()}. {@link
 * io.paddock.client.PaddockClient} is the asynchronous API (CompletableFuture, completed in order
 * on one event thread), {@link io.paddock.client.BlockingPaddockClient} the blocking one; errors
 * are {@link io.paddock.client.PaddockException}s carrying ZooKeeper's codes; {@link
 * io.paddock.client.Watcher} and {@link io.paddock.client.ConnectionStateListener} receive events.
 * {@code io.paddock.client.protocol} holds the wire records; {@code io.paddock.client.internal} is
 * the implementation and not API.
 */
package io.paddock.client;
