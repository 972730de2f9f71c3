package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;
import java.io.Closeable;

/** What every distributed queue offers besides its puts: lifecycle and a look at its size. */
public interface QueueBase extends Closeable {
  /**
   * Starts the queue (and its consumer thread, when it has a consumer). Puts need a started queue.
   * Once only.
   */
  void start();

  /**
   * Stops the consumer (interrupting an item in progress: with a lock path, that item stays queued
   * and its delivery counts) and removes the queue's watches. Items stay queued. Idempotent.
   */
  @Override
  void close();

  /** The queue's path. */
  String path();

  /** How many items are queued now (items being processed included). */
  int itemCount() throws PaddockException, InterruptedException;
}
