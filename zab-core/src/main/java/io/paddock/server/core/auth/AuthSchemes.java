package io.paddock.server.core.auth;

import io.paddock.store.model.Id;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What an auth packet (op 100) does, per scheme, as ZooKeeper's default providers: {@code digest}
 * adds {@code digest:user:base64(sha1)} (and the super id first when that digest equals {@code
 * superDigest}); {@code ip} adds the client's ip id again; every other scheme fails (the server
 * then answers AUTHFAILED and closes the connection).
 */
public final class AuthSchemes {
  private final Optional<String> superDigest;

  /**
   * The providers of one server.
   *
   * @param superDigest {@code super:<base64 sha1>}; a digest auth that produces exactly this id
   *     makes the session super
   */
  public AuthSchemes(Optional<String> superDigest) {
    this.superDigest = superDigest;
  }

  /** The id every connection starts with: {@code ip:<client address>}. */
  public static Id ipId(String clientIp) {
    return new Id(IpAuth.SCHEME, clientIp);
  }

  /**
   * The ids an auth packet adds, in order, or null when authentication fails.
   *
   * @param scheme the packet's scheme
   * @param auth the packet's auth bytes (for digest, {@code user:password} in UTF-8)
   * @param clientIp the client's address
   */
  public List<Id> authenticate(String scheme, byte[] auth, String clientIp) {
    if (scheme == null) {
      return null;
    }
    switch (scheme) {
      case DigestAuth.SCHEME -> {
        if (auth == null) {
          return null;
        }
        Id digest =
            new Id(DigestAuth.SCHEME, DigestAuth.digest(new String(auth, StandardCharsets.UTF_8)));
        if (superDigest.isPresent() && superDigest.get().equals(digest.id())) {
          return List.of(new Id(AclChecker.SUPER_SCHEME, ""), digest);
        }
        return List.of(digest);
      }
      case IpAuth.SCHEME -> {
        return List.of(ipId(clientIp));
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * The user whoAmI reports for an id: for digest the part before ':', for ip the address, for
   * schemes without a provider (super) the empty string.
   */
  public static String userOf(Id id) {
    return switch (id.scheme()) {
      case DigestAuth.SCHEME -> DigestAuth.userName(id.id());
      case IpAuth.SCHEME -> id.id();
      default -> "";
    };
  }
}
