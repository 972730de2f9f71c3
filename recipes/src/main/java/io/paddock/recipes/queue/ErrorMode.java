package io.paddock.recipes.queue;

/** What a lock-safe queue does with an item its consumer rejected (threw on). */
public enum ErrorMode {
  /**
   * Put it back at the tail of the queue (its id, priority or due time kept), to be redelivered.
   */
  REQUEUE,
  /** Delete it. */
  DELETE
}
