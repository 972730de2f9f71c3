package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.List;

/**
 * Re-registers standard and persistent watches after a reconnect: the body of setWatches2 (105).
 *
 * <p>Jute record {@code SetWatches2}: {@code long relativeZxid; vector<ustring> dataWatches;
 * vector<ustring> existWatches; vector<ustring> childWatches; vector<ustring> persistentWatches;
 * vector<ustring> persistentRecursiveWatches}, in this order on the wire.
 *
 * <p>ZooKeeper's client uses it instead of SetWatches when a batch holds persistent watches.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param relativeZxid the last zxid the client has seen
 * @param dataWatches paths with a data watch
 * @param existWatches paths with an exist watch
 * @param childWatches paths with a child watch
 * @param persistentWatches paths with a persistent watch
 * @param persistentRecursiveWatches paths with a persistent recursive watch
 */
public record SetWatches2(
    long relativeZxid,
    List<String> dataWatches,
    List<String> existWatches,
    List<String> childWatches,
    List<String> persistentWatches,
    List<String> persistentRecursiveWatches)
    implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeLong(relativeZxid);
    out.writeStringList(dataWatches);
    out.writeStringList(existWatches);
    out.writeStringList(childWatches);
    out.writeStringList(persistentWatches);
    out.writeStringList(persistentRecursiveWatches);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static SetWatches2 read(JuteReader in) {
    return new SetWatches2(
        in.readLong(),
        Jute.unmodifiable(in.readStringList()),
        Jute.unmodifiable(in.readStringList()),
        Jute.unmodifiable(in.readStringList()),
        Jute.unmodifiable(in.readStringList()),
        Jute.unmodifiable(in.readStringList()));
  }
}
