package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Carries a SASL token to the server: the body of sasl (102).
 *
 * <p>Jute record {@code GetSASLRequest}: {@code buffer token}, in this order on the wire.
 *
 * <p>The reply is a SetSaslResponse with zxid 0.
 *
 * <p>Byte arrays are not copied, neither by the constructor nor by the accessors: the caller must
 * not change an array after handing it over. {@code equals}, {@code hashCode} and {@code toString}
 * look at the array contents (toString shows only the length).
 *
 * @param token the SASL token
 */
public record GetSaslRequest(byte[] token) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeBuffer(token);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetSaslRequest read(JuteReader in) {
    return new GetSaslRequest(in.readBuffer());
  }

  /** Value equality, comparing byte arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof GetSaslRequest other && Arrays.equals(token, other.token);
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = Objects.hash();
    h = 31 * h + Arrays.hashCode(token);
    return h;
  }

  /** The fields, with byte arrays shown by length only. */
  @Override
  public String toString() {
    return "GetSaslRequest[token=" + Jute.describe(token) + "]";
  }
}
