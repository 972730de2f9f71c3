package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Removes the session's watches on a path: the body of removeWatches (18).
 *
 * <p>Jute record {@code RemoveWatchesRequest}: {@code ustring path; int type}, in this order on the
 * wire.
 *
 * <p>Found nothing gives NOWATCHER; the reply has no body.
 *
 * @param path the watched path
 * @param type the {@link io.paddock.store.model.WatcherType} code (1..5)
 */
public record RemoveWatchesRequest(String path, int type) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    out.writeInt(type);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static RemoveWatchesRequest read(JuteReader in) {
    return new RemoveWatchesRequest(in.readString(), in.readInt());
  }
}
