package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * A bare error code: the reply body of addWatch (106, err 0) and the body of an error result (type
 * −1) in a multi.
 *
 * <p>Jute record {@code ErrorResponse}: {@code int err}, in this order on the wire.
 *
 * @param err the {@link io.paddock.store.model.ErrorCode} number
 */
public record ErrorResponse(int err) implements Response {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(err);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static ErrorResponse read(JuteReader in) {
    return new ErrorResponse(in.readInt());
  }
}
