package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Stat;
import java.util.Objects;

/**
 * The reply to setData (5), and the body of a setData result in a multi.
 *
 * <p>Jute record {@code SetDataResponse}: {@code Stat stat}, in this order on the wire.
 *
 * @param stat the node's stat after the change
 */
public record SetDataResponse(Stat stat) implements Response {
  /** Checks that the stat is present (jute has no null record). */
  public SetDataResponse {
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
  public static SetDataResponse read(JuteReader in) {
    return new SetDataResponse(Stat.read(in));
  }
}
