package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Makes the server catch up with the leader: the body of sync (9).
 *
 * <p>Jute record {@code SyncRequest}: {@code ustring path}, in this order on the wire.
 *
 * @param path the path, echoed back in the SyncResponse
 */
public record SyncRequest(String path) implements Request {
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
  public static SyncRequest read(JuteReader in) {
    return new SyncRequest(in.readString());
  }
}
