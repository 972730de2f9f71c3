package io.paddock.recipes.queue;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What an item node holds: a format marker, how many deliveries of the item have started (so a
 * consumer that died mid-item still counts), and the serialized item.
 *
 * @param deliveries deliveries started so far
 * @param payload the serialized item
 */
record ItemEnvelope(int deliveries, byte[] payload) {
  /** The first byte of every item node. */
  static final byte MAGIC = 'Q';

  /** The format version, the second byte. */
  static final byte FORMAT_VERSION = 1;

  private static final int HEADER_BYTES = 2 + Integer.BYTES;

  ItemEnvelope {
    Objects.requireNonNull(payload, "payload");
    if (deliveries < 0) {
      throw new IllegalArgumentException("deliveries must be ≥ 0");
    }
  }

  /** A new item, never delivered. */
  static ItemEnvelope fresh(byte[] payload) {
    return new ItemEnvelope(0, payload);
  }

  /** The same item with one more delivery started. */
  ItemEnvelope delivered() {
    return new ItemEnvelope(deliveries + 1, payload);
  }

  byte[] encode() {
    return ByteBuffer.allocate(HEADER_BYTES + payload.length)
        .put(MAGIC)
        .put(FORMAT_VERSION)
        .putInt(deliveries)
        .put(payload)
        .array();
  }

  /**
   * Reads a node's bytes.
   *
   * @throws IllegalArgumentException for bytes that are not an item of this format
   */
  static ItemEnvelope decode(byte[] bytes) {
    if (bytes == null
        || bytes.length < HEADER_BYTES
        || bytes[0] != MAGIC
        || bytes[1] != FORMAT_VERSION) {
      throw new IllegalArgumentException("not a queue item of format " + FORMAT_VERSION);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    buf.position(2);
    int deliveries = buf.getInt();
    byte[] payload = new byte[buf.remaining()];
    buf.get(payload);
    return new ItemEnvelope(deliveries, payload);
  }
}
