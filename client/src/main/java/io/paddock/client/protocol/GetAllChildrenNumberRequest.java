package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Counts a znode's descendants: the body of getAllChildrenNumber (104).
 *
 * <p>Jute record {@code GetAllChildrenNumberRequest}: {@code ustring path}, in this order on the
 * wire.
 *
 * @param path the ancestor path
 */
public record GetAllChildrenNumberRequest(String path) implements Request {
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
  public static GetAllChildrenNumberRequest read(JuteReader in) {
    return new GetAllChildrenNumberRequest(in.readString());
  }
}
