package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Stat;
import java.util.Objects;

/**
 * The reply to setACL (7).
 *
 * <p>Jute record {@code SetACLResponse}: {@code Stat stat}, in this order on the wire.
 *
 * @param stat the node's stat after the change
 */
public record SetAclResponse(Stat stat) implements Response {
  /** Checks that the stat is present (jute has no null record). */
  public SetAclResponse {
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
  public static SetAclResponse read(JuteReader in) {
    return new SetAclResponse(Stat.read(in));
  }
}
