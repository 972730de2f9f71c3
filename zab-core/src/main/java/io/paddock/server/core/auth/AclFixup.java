package io.paddock.server.core.auth;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACL a create or setACL stores, made from the one the client sent, exactly as ZooKeeper's
 * {@code PrepRequestProcessor.fixupACL} (PROTOCOL 9.10): duplicates are dropped; an empty or null
 * list is invalid; {@code world:anyone} stays; every {@code auth:} entry becomes one entry per
 * authenticated id of the session ({@code digest} ids; {@code ip} ids do not count as
 * authenticated), and is invalid when the session has none; entries of the {@code digest} and
 * {@code ip} schemes must be well formed; any other scheme is invalid.
 */
public final class AclFixup {
  /** The scheme that stands for the session's authenticated ids. */
  public static final String AUTH_SCHEME = "auth";

  private AclFixup() {}

  /**
   * The ACL to store, or null when the request must fail with INVALIDACL.
   *
   * @param requested the ACL from the request, possibly null
   * @param sessionIds the ids the session holds, in the order they were added
   */
  public static List<Acl> fixup(List<Acl> requested, List<Id> sessionIds) {
    if (requested == null) {
      return null;
    }
    List<Acl> unique = new ArrayList<>(requested.size());
    for (Acl a : requested) {
      if (!unique.contains(a)) {
        unique.add(a);
      }
    }
    if (unique.isEmpty()) {
      return null;
    }
    List<Acl> out = new ArrayList<>(unique.size());
    for (Acl a : unique) {
      Id id = a.id();
      if (Id.ANYONE.equals(id)) {
        out.add(a);
      } else if (AUTH_SCHEME.equals(id.scheme())) {
        if (!expandAuth(a.perms(), sessionIds, out)) {
          return null;
        }
      } else if (isValidId(id)) {
        out.add(a);
      } else {
        return null;
      }
    }
    return out;
  }

  private static boolean expandAuth(int perms, List<Id> sessionIds, List<Acl> out) {
    boolean any = false;
    for (Id held : sessionIds) {
      if (DigestAuth.SCHEME.equals(held.scheme())) {
        out.add(new Acl(perms, held));
        any = true;
      }
    }
    return any;
  }

  /** True when a provider of the id's scheme accepts the id (digest and ip are the providers). */
  public static boolean isValidId(Id id) {
    return switch (id.scheme()) {
      case DigestAuth.SCHEME -> DigestAuth.isValid(id.id());
      case IpAuth.SCHEME -> IpAuth.isValid(id.id());
      default -> false;
    };
  }
}
