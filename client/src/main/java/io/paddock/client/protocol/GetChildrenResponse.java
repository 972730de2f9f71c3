package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.List;

/**
 * The reply to getChildren (8), and a getChildren result in a multiRead.
 *
 * <p>Jute record {@code GetChildrenResponse}: {@code vector<ustring> children}, in this order on
 * the wire.
 *
 * <p>Names only, in no particular order.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param children the child names
 */
public record GetChildrenResponse(List<String> children) implements Response {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeStringList(children);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetChildrenResponse read(JuteReader in) {
    return new GetChildrenResponse(Jute.unmodifiable(in.readStringList()));
  }
}
