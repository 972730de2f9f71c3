package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Lists the session's ephemeral nodes under a prefix: the body of getEphemerals (103).
 *
 * <p>Jute record {@code GetEphemeralsRequest}: {@code ustring prefixPath}, in this order on the
 * wire.
 *
 * @param prefixPath the path prefix; "/" for all
 */
public record GetEphemeralsRequest(String prefixPath) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(prefixPath);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetEphemeralsRequest read(JuteReader in) {
    return new GetEphemeralsRequest(in.readString());
  }
}
