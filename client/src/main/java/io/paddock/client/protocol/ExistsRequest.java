package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Reads a znode's stat: the body of exists (3).
 *
 * <p>Jute record {@code ExistsRequest}: {@code ustring path; boolean watch}, in this order on the
 * wire.
 *
 * <p>A missing node gives err NONODE and no body; with watch set, the server still leaves an exist
 * watch.
 *
 * @param path the path to look at
 * @param watch true to leave a data (or exist) watch
 */
public record ExistsRequest(String path, boolean watch) implements Request {
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
  public static ExistsRequest read(JuteReader in) {
    return new ExistsRequest(in.readString(), in.readBool());
  }
}
