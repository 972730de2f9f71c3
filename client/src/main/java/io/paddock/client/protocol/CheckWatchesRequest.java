package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Asks whether the session holds a watch: the body of checkWatches (17).
 *
 * <p>Jute record {@code CheckWatchesRequest}: {@code ustring path; int type}, in this order on the
 * wire.
 *
 * <p>Found nothing gives NOWATCHER; the reply has no body.
 *
 * @param path the watched path
 * @param type the {@link io.paddock.store.model.WatcherType} code (1..5)
 */
public record CheckWatchesRequest(String path, int type) implements Request {
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
  public static CheckWatchesRequest read(JuteReader in) {
    return new CheckWatchesRequest(in.readString(), in.readInt());
  }
}
