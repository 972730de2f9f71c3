package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Stat;
import java.util.Objects;

/**
 * The reply to create2 (15), createContainer (19) and createTTL (21), and the body of a create2
 * result in a multi.
 *
 * <p>Jute record {@code Create2Response}: {@code ustring path; Stat stat}, in this order on the
 * wire.
 *
 * <p>ZooKeeper's client reads only the path (a CreateResponse) when it sent op 19 through the
 * 4-argument create; the trailing stat is then ignored.
 *
 * @param path the actual path, including any sequence suffix
 * @param stat the new node's stat
 */
public record Create2Response(String path, Stat stat) implements Response {
  /** Checks that the stat is present (jute has no null record). */
  public Create2Response {
    Objects.requireNonNull(stat, "stat");
  }

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    stat.write(out);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static Create2Response read(JuteReader in) {
    return new Create2Response(in.readString(), Stat.read(in));
  }
}
