package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import io.paddock.store.model.Stat;
import java.util.List;
import java.util.Objects;

/**
 * The reply to getACL (6).
 *
 * <p>Jute record {@code GetACLResponse}: {@code vector<ACL> acl; Stat stat}, in this order on the
 * wire.
 *
 * <p>Without ADMIN permission, digest ids come back masked as {@code user:x}.
 *
 * <p>Lists are not copied (null is the jute null vector); {@link #read} returns unmodifiable lists.
 *
 * @param acl the node's ACL
 * @param stat the node's stat
 */
public record GetAclResponse(List<Acl> acl, Stat stat) implements Response {
  /** Checks that the stat is present (jute has no null record). */
  public GetAclResponse {
    Objects.requireNonNull(stat, "stat");
  }

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    Acl.writeList(out, acl);
    stat.write(out);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static GetAclResponse read(JuteReader in) {
    return new GetAclResponse(Jute.unmodifiable(Acl.readList(in)), Stat.read(in));
  }
}
