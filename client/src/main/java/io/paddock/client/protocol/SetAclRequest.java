package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import java.util.List;

/**
 * Replaces a znode's ACL: the body of setACL (7).
 *
 * <p>Jute record {@code SetACLRequest}: {@code ustring path; vector<ACL> acl; int version}, in this
 * order on the wire.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param path the path to change
 * @param acl the new ACL
 * @param version the expected ACL version (aversion), −1 for any
 */
public record SetAclRequest(String path, List<Acl> acl, int version) implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(path);
    Acl.writeList(out, acl);
    out.writeInt(version);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static SetAclRequest read(JuteReader in) {
    return new SetAclRequest(in.readString(), Jute.unmodifiable(Acl.readList(in)), in.readInt());
  }
}
