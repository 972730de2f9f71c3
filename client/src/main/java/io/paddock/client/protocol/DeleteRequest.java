package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Deletes a znode: the body of delete (2), also inside a multi.
 *
 * <p>Jute record {@code DeleteRequest}: {@code ustring path; int version}, in this order on the
 * wire.
 *
 * <p>The reply has no body.
 *
 * @param path the path to delete
 * @param version the expected data version, −1 for any
 */
public record DeleteRequest(String path, int version) implements Request {
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
  public static DeleteRequest read(JuteReader in) {
    return new DeleteRequest(in.readString(), in.readInt());
  }
}
