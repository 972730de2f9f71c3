package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reply to sasl (102).
 *
 * <p>Jute record {@code SetSASLResponse}: {@code buffer token}, in this order on the wire.
 *
 * <p>Sent with zxid 0; on failure err is AUTHFAILED and a body after a non-zero err is ignored by
 * ZooKeeper's client.
 *
 * <p>Byte arrays are not copied, neither by the constructor nor by the accessors: the caller must
 * not change an array after handing it over. {@code equals}, {@code hashCode} and {@code toString}
 * look at the array contents (toString shows only the length).
 *
 * @param token the server's SASL token, may be null
 */
public record SetSaslResponse(byte[] token) implements Response {
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
  public static SetSaslResponse read(JuteReader in) {
    return new SetSaslResponse(in.readBuffer());
  }

  /** Value equality, comparing byte arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SetSaslResponse other && Arrays.equals(token, other.token);
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
    return "SetSaslResponse[token=" + Jute.describe(token) + "]";
  }
}
