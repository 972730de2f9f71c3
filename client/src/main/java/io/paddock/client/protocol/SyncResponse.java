package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The reply to sync (9).
 *
 * <p>Jute record {@code SyncResponse}: {@code ustring path}, in this order on the wire.
 *
 * @param path the path of the request, echoed
 */
public record SyncResponse(String path) implements Response {
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
  public static SyncResponse read(JuteReader in) {
    return new SyncResponse(in.readString());
  }
}
