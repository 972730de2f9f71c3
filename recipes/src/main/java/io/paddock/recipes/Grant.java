package io.paddock.recipes;

import io.paddock.client.Op;

/**
 * One ownership grant (a lock, a lease, a leadership): the holder's node, its fencing token and the
 * guard that lets the server reject writes of a holder that lost the grant.
 *
 * <p>The token is the czxid of the holder's node: the zxid of the transaction that created it.
 * Grants on one path are made in the order their nodes were created, so a later grant on that path
 * always has a larger token; a protected resource that remembers the largest token it has seen can
 * refuse an older holder (Kleppmann's fencing). A reentrant acquire returns the same grant.
 *
 * @param path the holder's node, as a path of the framework facade the recipe was built with
 * @param token the fencing token (the node's czxid)
 * @param version the node's data version at the grant
 */
public record Grant(String path, long token, int version) {
  /**
   * A check op for the first place of a transaction of the same framework facade ({@code
   * framework.transaction().add(grant.guard())…}): the transaction then fails with NoNode once the
   * holder's node is gone (released, or its session expired) and with BadVersion once its data
   * changed (a revocation request writes to it). For a raw-client multi, use {@link #guard(String)}
   * with {@code framework.fullPath(path)}.
   */
  public Op guard() {
    return new Op.Check(path, version);
  }

  /** The same check on another spelling of the path (the server path for a raw multi). */
  public Op guard(String pathAsSeenByTheClient) {
    return new Op.Check(pathAsSeenByTheClient, version);
  }
}
