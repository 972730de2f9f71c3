package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The header in front of every C→S frame after the ConnectRequest.
 *
 * <p>Jute record {@code RequestHeader}: {@code int xid; int type}, in this order on the wire.
 *
 * <p>Special xids are in {@link Xids}. 8 bytes.
 *
 * @param xid the request id the server echoes; see {@link Xids}
 * @param type the {@link io.paddock.store.model.OpCode}
 */
public record RequestHeader(int xid, int type) implements JuteRecord {
  /** Encoded size in bytes. */
  public static final int ENCODED_BYTES = 8;

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(xid);
    out.writeInt(type);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static RequestHeader read(JuteReader in) {
    return new RequestHeader(in.readInt(), in.readInt());
  }
}
