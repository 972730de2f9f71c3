package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The reply to create (1), and the body of a create result (type 1) in a multi.
 *
 * <p>Jute record {@code CreateResponse}: {@code ustring path}, in this order on the wire.
 *
 * @param path the actual path, including any sequence suffix
 */
public record CreateResponse(String path) implements Response {
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
  public static CreateResponse read(JuteReader in) {
    return new CreateResponse(in.readString());
  }
}
