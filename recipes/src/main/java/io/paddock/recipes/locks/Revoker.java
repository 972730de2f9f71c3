package io.paddock.recipes.locks;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import java.nio.charset.StandardCharsets;

/** Asks the holder of a revocable lock to release it. */
public final class Revoker {
  /** The bytes written into a holder's node to ask for its release. */
  public static final byte[] REVOKE_MESSAGE = "__REVOKE__".getBytes(StandardCharsets.UTF_8);

  private Revoker() {}

  /**
   * Writes the revocation request into a holder's node (as a participant list names it). A node
   * that is gone already needs no revocation. The holder's guard fails with BadVersion afterwards.
   *
   * @param nodePath the holder's node, a path of {@code framework}
   */
  public static void attemptRevoke(PaddockFramework framework, String nodePath)
      throws PaddockException, InterruptedException {
    try {
      framework.setData().forPath(nodePath, REVOKE_MESSAGE);
    } catch (PaddockException.NoNodeException gone) {
      // released meanwhile: nothing to revoke
    }
  }
}
