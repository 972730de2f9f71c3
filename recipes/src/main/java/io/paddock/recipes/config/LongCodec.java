package io.paddock.recipes.config;

import java.util.Objects;

/** Longs as decimal text. */
public final class LongCodec implements ValueCodec<Long> {
  private final StringCodec text = new StringCodec();

  @Override
  public byte[] encode(Long value) {
    return text.encode(Long.toString(Objects.requireNonNull(value, "value")));
  }

  @Override
  public Long decode(byte[] data) {
    String s = text.decode(data).trim();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a long: '" + s + "'", e);
    }
  }
}
