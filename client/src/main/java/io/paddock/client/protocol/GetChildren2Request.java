package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Lists a znode's children with its stat: the body of getChildren2 (12).
 *
 * <p>Jute record {@code GetChildren2Request}: {@code ustring path; boolean watch}, in this order on
 * the wire.
 *
 * @param path the parent path
 * @param watch true to leave a child watch
 */
public record GetChildren2Request(String path, boolean watch) implements Request {
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
  public static GetChildren2Request read(JuteReader in) {
    return new GetChildren2Request(in.readString(), in.readBool());
  }
}
