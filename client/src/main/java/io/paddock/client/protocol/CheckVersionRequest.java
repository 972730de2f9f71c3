package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Checks a znode's data version: the body of a check op (13) inside a multi.
 *
 * <p>Jute record {@code CheckVersionRequest}: {@code ustring path; int version}, in this order on
 * the wire.
 *
 * <p>Sent alone (op 13 in a RequestHeader) it is not a valid packet: the server answers
 * UNIMPLEMENTED and closes the connection.
 *
 * @param path the path to check
 * @param version the expected data version, −1 for any
 */
public record CheckVersionRequest(String path, int version) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    out.writeInt(version);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static CheckVersionRequest read(JuteReader in) {
    return new CheckVersionRequest(in.readString(), in.readInt());
  }
}
