package io.paddock.recipes.config;

import java.util.Objects;

/** Raw bytes, copied both ways. */
public final class BytesCodec implements ValueCodec<byte[]> {
  @Override
  public byte[] encode(byte[] value) {
    return Objects.requireNonNull(value, "value").clone();
  }

  @Override
  public byte[] decode(byte[] data) {
    return data.clone();
  }
}
