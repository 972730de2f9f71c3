package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Creates a TTL znode: the body of createTTL (21).
 *
 * <p>Jute record {@code CreateTTLRequest}: {@code ustring path; buffer data; vector<ACL> acl; int
 * flags; long ttl}, in this order on the wire.
 *
 * <p>The reply is a Create2Response. The server answers UNIMPLEMENTED unless extended types are
 * enabled.
 *
 * <p>Byte arrays are not copied, neither by the constructor nor by the accessors: the caller must
 * not change an array after handing it over. {@code equals}, {@code hashCode} and {@code toString}
 * look at the array contents (toString shows only the length).
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param path the path to create
 * @param data the initial data; may be null
 * @param acl the ACL of the new node
 * @param flags the {@link io.paddock.store.model.CreateMode} flag, 5 or 6 for a TTL mode
 * @param ttl the time to live in ms
 */
public record CreateTtlRequest(String path, byte[] data, List<Acl> acl, int flags, long ttl)
    implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    out.writeBuffer(data);
    Acl.writeList(out, acl);
    out.writeInt(flags);
    out.writeLong(ttl);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static CreateTtlRequest read(JuteReader in) {
    return new CreateTtlRequest(
        in.readString(),
        in.readBuffer(),
        Jute.unmodifiable(Acl.readList(in)),
        in.readInt(),
        in.readLong());
  }

  /** Value equality, comparing byte arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CreateTtlRequest other
        && Objects.equals(path, other.path)
        && Arrays.equals(data, other.data)
        && Objects.equals(acl, other.acl)
        && flags == other.flags
        && ttl == other.ttl;
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = Objects.hash(path, acl, flags, ttl);
    h = 31 * h + Arrays.hashCode(data);
    return h;
  }

  /** The fields, with byte arrays shown by length only. */
  @Override
  public String toString() {
    return "CreateTtlRequest[path="
        + path
        + ", data="
        + Jute.describe(data)
        + ", acl="
        + acl
        + ", flags="
        + flags
        + ", ttl="
        + ttl
        + "]";
  }
}
