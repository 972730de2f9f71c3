package io.paddock.server.core.auth;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import java.util.List;

/**
 * The permission check of every op, exactly as ZooKeeper's {@code ZooKeeperServer.checkACL}
 * (PROTOCOL 9.10): an empty ACL allows everything; a session holding the {@code super} id passes
 * every check; otherwise some entry must grant one of the needed bits to {@code world:anyone} or to
 * an id the session holds, compared by the entry's scheme ({@code digest}: equality, {@code ip}:
 * address with mask). Entries of any other scheme never match.
 */
public final class AclChecker {
  /** The scheme of the super user id that {@code superDigest} grants. */
  public static final String SUPER_SCHEME = "super";

  private AclChecker() {}

  /**
   * True when the session may perform an op that needs {@code perms}.
   *
   * @param acl the node's ACL (null or empty allows everything)
   * @param perms the needed permission bits; any one of them suffices, as in ZooKeeper (getACL asks
   *     for READ | ADMIN)
   * @param sessionIds the ids the session holds: its ip id and those its auth packets added
   */
  public static boolean permits(List<Acl> acl, int perms, List<Id> sessionIds) {
    if (acl == null || acl.isEmpty() || isSuper(sessionIds)) {
      return true;
    }
    for (Acl entry : acl) {
      if ((entry.perms() & perms) != 0 && grantedTo(entry.id(), sessionIds)) {
        return true;
      }
    }
    return false;
  }

  /** True when the ids include the super id. */
  public static boolean isSuper(List<Id> sessionIds) {
    for (Id id : sessionIds) {
      if (SUPER_SCHEME.equals(id.scheme())) {
        return true;
      }
    }
    return false;
  }

  private static boolean grantedTo(Id aclId, List<Id> sessionIds) {
    if (Id.ANYONE.equals(aclId)) {
      return true;
    }
    for (Id held : sessionIds) {
      if (held.scheme().equals(aclId.scheme()) && matches(aclId.scheme(), held.id(), aclId.id())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String scheme, String heldId, String aclId) {
    return switch (scheme) {
      case DigestAuth.SCHEME -> heldId.equals(aclId);
      case IpAuth.SCHEME -> IpAuth.matches(heldId, aclId);
      default -> false;
    };
  }
}
