package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * Replaces a znode's data: the body of setData (5), also inside a multi.
 *
 * <p>Jute record {@code SetDataRequest}: {@code ustring path; buffer data; int version}, in this
 * order on the wire.
 *
 * <p>Byte arrays are not copied, neither by the constructor nor by the accessors: the caller must
 * not change an array after handing it over. {@code equals}, {@code hashCode} and {@code toString}
 * look at the array contents (toString shows only the length).
 *
 * @param path the path to write
 * @param data the new data; may be null
 * @param version the expected data version, −1 for any
 */
public record SetDataRequest(String path, byte[] data, int version) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    out.writeBuffer(data);
    out.writeInt(version);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static SetDataRequest read(JuteReader in) {
    return new SetDataRequest(in.readString(), in.readBuffer(), in.readInt());
  }

  /** Value equality, comparing byte arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SetDataRequest other
        && Objects.equals(path, other.path)
        && Arrays.equals(data, other.data)
        && version == other.version;
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = Objects.hash(path, version);
    h = 31 * h + Arrays.hashCode(data);
    return h;
  }

  /** The fields, with byte arrays shown by length only. */
  @Override
  public String toString() {
    return "SetDataRequest[path="
        + path
        + ", data="
        + Jute.describe(data)
        + ", version="
        + version
        + "]";
  }
}
