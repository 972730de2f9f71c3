package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Adds a persistent watch: the body of addWatch (106).
 *
 * <p>Jute record {@code AddWatchRequest}: {@code ustring path; int mode}, in this order on the
 * wire.
 *
 * <p>The reply body is an ErrorResponse with err 0, four bytes {@code 00000000}.
 *
 * @param path the watched path; the node need not exist
 * @param mode the {@link io.paddock.store.model.AddWatchMode} code, 0 or 1
 */
public record AddWatchRequest(String path, int mode) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    out.writeInt(mode);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static AddWatchRequest read(JuteReader in) {
    return new AddWatchRequest(in.readString(), in.readInt());
  }
}
