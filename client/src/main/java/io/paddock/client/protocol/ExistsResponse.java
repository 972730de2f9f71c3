package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Stat;
import java.util.Objects;

/**
 * The reply to exists (3) when the node exists.
 *
 * <p>Jute record {@code ExistsResponse}: {@code Stat stat}, in this order on the wire.
 *
 * @param stat the node's stat
 */
public record ExistsResponse(Stat stat) implements Response {
  /** Checks that the stat is present (jute has no null record). */
  public ExistsResponse {
    Objects.requireNonNull(stat, "stat");
  }

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    stat.write(out);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static ExistsResponse read(JuteReader in) {
    return new ExistsResponse(Stat.read(in));
  }
}
