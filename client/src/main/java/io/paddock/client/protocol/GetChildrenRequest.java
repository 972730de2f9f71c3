package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Lists a znode's children: the body of getChildren (8), also inside a multiRead.
 *
 * <p>Jute record {@code GetChildrenRequest}: {@code ustring path; boolean watch}, in this order on
 * the wire.
 *
 * <p>Inside a multiRead the watch flag is ignored.
 *
 * @param path the parent path
 * @param watch true to leave a child watch
 */
public record GetChildrenRequest(String path, boolean watch) implements Request {
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
  public static GetChildrenRequest read(JuteReader in) {
    return new GetChildrenRequest(in.readString(), in.readBool());
  }
}
