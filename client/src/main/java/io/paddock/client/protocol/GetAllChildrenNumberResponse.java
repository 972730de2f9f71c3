package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The reply to getAllChildrenNumber (104).
 *
 * <p>Jute record {@code GetAllChildrenNumberResponse}: {@code int totalNumber}, in this order on
 * the wire.
 *
 * @param totalNumber the number of descendants, not counting the node itself
 */
public record GetAllChildrenNumberResponse(int totalNumber) implements Response {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(totalNumber);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetAllChildrenNumberResponse read(JuteReader in) {
    return new GetAllChildrenNumberResponse(in.readInt());
  }
}
