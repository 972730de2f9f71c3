package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Reads a znode's data and stat: the body of getData (4), also inside a multiRead.
 *
 * <p>Jute record {@code GetDataRequest}: {@code ustring path; boolean watch}, in this order on the
 * wire.
 *
 * <p>Inside a multiRead the watch flag is ignored.
 *
 * @param path the path to read
 * @param watch true to leave a data watch
 */
public record GetDataRequest(String path, boolean watch) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    out.writeBool(watch);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetDataRequest read(JuteReader in) {
    return new GetDataRequest(in.readString(), in.readBool());
  }
}
