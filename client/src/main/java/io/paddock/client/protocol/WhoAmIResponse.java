package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.List;

/**
 * The reply to whoAmI (107): the session's authenticated ids.
 *
 * <p>Jute record {@code WhoAmIResponse}: {@code vector<ClientInfo> clientInfo}, in this order on
 * the wire.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param clientInfo one entry per authenticated id
 */
public record WhoAmIResponse(List<ClientInfo> clientInfo) implements Response {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    ClientInfo.writeList(out, clientInfo);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static WhoAmIResponse read(JuteReader in) {
    return new WhoAmIResponse(ClientInfo.readList(in));
  }
}
