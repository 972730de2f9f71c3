package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * A watch notification: the body after a ReplyHeader with xid −1 (S→C, any time between replies).
 *
 * <p>Jute record {@code WatcherEvent}: {@code int type; int state; ustring path}, in this order on
 * the wire.
 *
 * <p>On the wire the server only sends types 1..4 with state 3 (SyncConnected). The path is the
 * server path; a client with a chroot strips it.
 *
 * @param type the {@link io.paddock.store.model.EventType} code
 * @param state the keeper state, 3 for SyncConnected
 * @param path the znode path
 */
public record WatcherEvent(int type, int state, String path) implements Response {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(type);
    out.writeInt(state);
    out.writeString(path);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static WatcherEvent read(JuteReader in) {
    return new WatcherEvent(in.readInt(), in.readInt(), in.readString());
  }
}
