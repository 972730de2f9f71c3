package io.paddock.recipes.queue;

/**
 * Turns queue items into the bytes of their nodes and back.
 *
 * @param <T> the item type
 */
public interface QueueSerializer<T> {
  /** The bytes of an item. */
  byte[] serialize(T item);

  /**
   * The item of some bytes. May throw for bytes it cannot read: with a lock path that counts as a
   * failed delivery.
   */
  T deserialize(byte[] bytes);
}
