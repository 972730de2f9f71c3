package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The header in front of every S→C frame after the ConnectResponse.
 *
 * <p>Jute record {@code ReplyHeader}: {@code int xid; long zxid; int err}, in this order on the
 * wire.
 *
 * <p>A body follows only when err is 0 (and for notifications, xid −1). 16 bytes.
 *
 * @param xid the echoed request xid, or a special xid from {@link Xids}
 * @param zxid the server's last processed zxid (see PROTOCOL.md §4)
 * @param err the {@link io.paddock.store.model.ErrorCode} number, 0 for success
 */
public record ReplyHeader(int xid, long zxid, int err) implements JuteRecord {
  /** Encoded size in bytes. */
  public static final int ENCODED_BYTES = 16;

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(xid);
    out.writeLong(zxid);
    out.writeInt(err);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static ReplyHeader read(JuteReader in) {
    return new ReplyHeader(in.readInt(), in.readLong(), in.readInt());
  }
}
