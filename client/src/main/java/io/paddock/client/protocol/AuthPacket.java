package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Adds an authentication id to the session (op 100, sent under xid −4).
 *
 * <p>Jute record {@code AuthPacket}: {@code int type; ustring scheme; buffer auth}, in this order
 * on the wire.
 *
 * <p>The reply is a bare ReplyHeader with xid −4 and zxid 0; on failure err is AUTHFAILED and the
 * server closes the connection. ZooKeeper's client always sends type 0.
 *
 * <p>Byte arrays are not copied, neither by the constructor nor by the accessors: the caller must
 * not change an array after handing it over. {@code equals}, {@code hashCode} and {@code toString}
 * look at the array contents (toString shows only the length).
 *
 * @param type always 0 in ZooKeeper's client; the server ignores it
 * @param scheme the auth scheme, for example {@code digest}
 * @param auth the scheme-specific credentials, for example {@code user:password} in UTF-8
 */
public record AuthPacket(int type, String scheme, byte[] auth) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(type);
    out.writeString(scheme);
    out.writeBuffer(auth);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static AuthPacket read(JuteReader in) {
    return new AuthPacket(in.readInt(), in.readString(), in.readBuffer());
  }

  /** Value equality, comparing byte arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof AuthPacket other
        && type == other.type
        && Objects.equals(scheme, other.scheme)
        && Arrays.equals(auth, other.auth);
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = Objects.hash(type, scheme);
    h = 31 * h + Arrays.hashCode(auth);
    return h;
  }

  /** The fields, with byte arrays shown by length only. */
  @Override
  public String toString() {
    return "AuthPacket[type=" + type + ", scheme=" + scheme + ", auth=" + Jute.describe(auth) + "]";
  }
}
