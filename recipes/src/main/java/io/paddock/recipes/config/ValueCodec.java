package io.paddock.recipes.config;

import java.util.Properties;

/**
 * Turns values into node data and back.
 *
 * @param <T> the value type
 */
public interface ValueCodec<T> {
  /** The node data of a value. */
  byte[] encode(T value);

  /**
   * The value of node data.
   *
   * @throws IllegalArgumentException when the data is not a value of this codec
   */
  T decode(byte[] data);

  /** UTF-8 strings. */
  static ValueCodec<String> string() {
    return new StringCodec();
  }

  /** Raw bytes, copied. */
  static ValueCodec<byte[]> bytes() {
    return new BytesCodec();
  }

  /** Longs as decimal UTF-8 text (readable in any shell). */
  static ValueCodec<Long> longs() {
    return new LongCodec();
  }

  /** Properties in the properties text format, UTF-8. */
  static ValueCodec<Properties> properties() {
    return new PropertiesCodec();
  }
}
