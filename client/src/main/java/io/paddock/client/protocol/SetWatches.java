package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.List;

/**
 * Re-registers standard watches after a reconnect: the body of setWatches (101).
 *
 * <p>Jute record {@code SetWatches}: {@code long relativeZxid; vector<ustring> dataWatches;
 * vector<ustring> existWatches; vector<ustring> childWatches}, in this order on the wire.
 *
 * <p>ZooKeeper's client builds it with xid −8 but sends a normal xid; the server echoes whatever it
 * gets. Events due at once (zxid −1) come before the header-only reply.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param relativeZxid the last zxid the client has seen
 * @param dataWatches paths with a data watch
 * @param existWatches paths with an exist watch
 * @param childWatches paths with a child watch
 */
public record SetWatches(
    long relativeZxid,
    List<String> dataWatches,
    List<String> existWatches,
    List<String> childWatches)
    implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeLong(relativeZxid);
    out.writeStringList(dataWatches);
    out.writeStringList(existWatches);
    out.writeStringList(childWatches);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static SetWatches read(JuteReader in) {
    return new SetWatches(
        in.readLong(),
        Jute.unmodifiable(in.readStringList()),
        Jute.unmodifiable(in.readStringList()),
        Jute.unmodifiable(in.readStringList()));
  }
}
