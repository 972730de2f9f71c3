package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.List;

/**
 * One authenticated id of a session, as listed by whoAmI.
 *
 * <p>Jute record {@code ClientInfo}: {@code ustring authScheme; ustring user}, in this order on the
 * wire.
 *
 * @param authScheme the auth scheme, for example {@code ip} or {@code digest}
 * @param user the id within the scheme
 */
public record ClientInfo(String authScheme, String user) implements JuteRecord {
  /** The smallest encoding: two empty strings. */
  public static final int ENCODED_BYTES_MIN = 8;

  /** Writes a {@code vector<ClientInfo>}; null writes the null vector. */
  public static void writeList(JuteWriter out, List<ClientInfo> infos) {
    out.writeVector(infos, (w, c) -> c.write(w));
  }

  /** Reads a {@code vector<ClientInfo>} as an unmodifiable list; the null vector reads as null. */
  public static List<ClientInfo> readList(JuteReader in) {
    return Jute.unmodifiable(in.readVector(ClientInfo::read, ENCODED_BYTES_MIN));
  }

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(authScheme);
    out.writeString(user);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static ClientInfo read(JuteReader in) {
    return new ClientInfo(in.readString(), in.readString());
  }
}
