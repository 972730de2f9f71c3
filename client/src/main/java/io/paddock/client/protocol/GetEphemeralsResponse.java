package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.List;

/**
 * The reply to getEphemerals (103).
 *
 * <p>Jute record {@code GetEphemeralsResponse}: {@code vector<ustring> ephemerals}, in this order
 * on the wire.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param ephemerals full paths of the session's ephemeral nodes
 */
public record GetEphemeralsResponse(List<String> ephemerals) implements Response {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeStringList(ephemerals);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetEphemeralsResponse read(JuteReader in) {
    return new GetEphemeralsResponse(Jute.unmodifiable(in.readStringList()));
  }
}
