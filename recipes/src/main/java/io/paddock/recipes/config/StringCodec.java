package io.paddock.recipes.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** UTF-8 strings; malformed UTF-8 is refused rather than silently replaced. */
public final class StringCodec implements ValueCodec<String> {
  @Override
  public byte[] encode(String value) {
    return Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String decode(byte[] data) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8", e);
    }
  }
}
