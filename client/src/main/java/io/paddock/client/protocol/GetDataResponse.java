package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Stat;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reply to getData (4) and to reconfig (16), and a getData result in a multiRead.
 *
 * <p>Jute record {@code GetDataResponse}: {@code buffer data; Stat stat}, in this order on the
 * wire.
 *
 * <p>For reconfig the data is the new configuration text and the stat is that of {@code
 * /zookeeper/config}.
 *
 * <p>Byte arrays are not copied, neither by the constructor nor by the accessors: the caller must
 * not change an array after handing it over. {@code equals}, {@code hashCode} and {@code toString}
 * look at the array contents (toString shows only the length).
 *
 * @param data the node's data; null when the node holds null
 * @param stat the node's stat
 */
public record GetDataResponse(byte[] data, Stat stat) implements Response {
  /** Checks that the stat is present (jute has no null record). */
  public GetDataResponse {
    Objects.requireNonNull(stat, "stat");
  }

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeBuffer(data);
    stat.write(out);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetDataResponse read(JuteReader in) {
    return new GetDataResponse(in.readBuffer(), Stat.read(in));
  }

  /** Value equality, comparing byte arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof GetDataResponse other
        && Arrays.equals(data, other.data)
        && Objects.equals(stat, other.stat);
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = Objects.hash(stat);
    h = 31 * h + Arrays.hashCode(data);
    return h;
  }

  /** The fields, with byte arrays shown by length only. */
  @Override
  public String toString() {
    return "GetDataResponse[data=" + Jute.describe(data) + ", stat=" + stat + "]";
  }
}
