package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Reads a znode's ACL: the body of getACL (6).
 *
 * <p>Jute record {@code GetACLRequest}: {@code ustring path}, in this order on the wire.
 *
 * @param path the path to read
 */
public record GetAclRequest(String path) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetAclRequest read(JuteReader in) {
    return new GetAclRequest(in.readString());
  }
}
