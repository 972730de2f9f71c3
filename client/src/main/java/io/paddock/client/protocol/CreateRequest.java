package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Creates a znode: the body of create (1), create2 (15) and createContainer (19, flags 4).
 *
 * <p>Jute record {@code CreateRequest}: {@code ustring path; buffer data; vector<ACL> acl; int
 * flags}, in this order on the wire.
 *
 * <p>The op code decides the reply: CreateResponse for op 1, Create2Response for ops 15 and 19.
 * Inside a multi the same record follows a MultiHeader of type 1, 15 or 19.
 *
 * <p>Byte arrays are not copied, neither by the constructor nor by the accessors: the caller must
 * not change an array after handing it over. {@code equals}, {@code hashCode} and {@code toString}
 * look at the array contents (toString shows only the length).
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param path the path to create; for a sequential mode the server appends the suffix
 * @param data the initial data; null is allowed and stays null
 * @param acl the ACL of the new node
 * @param flags the {@link io.paddock.store.model.CreateMode} flag (0..6)
 */
public record CreateRequest(String path, byte[] data, List<Acl> acl, int flags) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    out.writeBuffer(data);
    Acl.writeList(out, acl);
    out.writeInt(flags);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static CreateRequest read(JuteReader in) {
    return new CreateRequest(
        in.readString(), in.readBuffer(), Jute.unmodifiable(Acl.readList(in)), in.readInt());
  }

  /** Value equality, comparing byte arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CreateRequest other
        && Objects.equals(path, other.path)
        && Arrays.equals(data, other.data)
        && Objects.equals(acl, other.acl)
        && flags == other.flags;
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = Objects.hash(path, acl, flags);
    h = 31 * h + Arrays.hashCode(data);
    return h;
  }

  /** The fields, with byte arrays shown by length only. */
  @Override
  public String toString() {
    return "CreateRequest[path="
        + path
        + ", data="
        + Jute.describe(data)
        + ", acl="
        + acl
        + ", flags="
        + flags
        + "]";
  }
}
