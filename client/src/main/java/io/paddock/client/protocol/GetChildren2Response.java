package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Stat;
import java.util.List;
import java.util.Objects;

/**
 * The reply to getChildren2 (12).
 *
 * <p>Jute record {@code GetChildren2Response}: {@code vector<ustring> children; Stat stat}, in this
 * order on the wire.
 *
 * <p>Names only, in no particular order.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param children the child names
 * @param stat the parent's stat
 */
public record GetChildren2Response(List<String> children, Stat stat) implements Response {
  /** Checks that the stat is present (jute has no null record). */
  public GetChildren2Response {
    Objects.requireNonNull(stat, "stat");
  }

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeStringList(children);
    stat.write(out);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetChildren2Response read(JuteReader in) {
    return new GetChildren2Response(Jute.unmodifiable(in.readStringList()), Stat.read(in));
  }
}
