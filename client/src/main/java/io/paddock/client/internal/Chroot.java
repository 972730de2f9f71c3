package io.paddock.client.internal;

import io.paddock.store.model.ZnodePaths;

/**
 * Turns client paths into server paths and back (PROTOCOL.md §3.4): the chroot is prepended to
 * every outgoing path and stripped from every path that comes back.
 */
public final class Chroot {
  /** No chroot: paths pass unchanged. */
  public static final Chroot NONE = new Chroot(null);

  private final String root;

  /**
   * A chroot.
   *
   * @param root a valid path other than "/", or null for none
   */
  public Chroot(String root) {
    if (root != null) {
      ZnodePaths.validate(root);
      if (ZnodePaths.ROOT.equals(root)) {
        throw new IllegalArgumentException("\"/\" is no chroot; use null");
      }
    }
    this.root = root;
  }

  /** The chroot path, or null. */
  public String root() {
    return root;
  }

  /** The server path of a client path: "/" is the chroot itself. */
  public String toServer(String clientPath) {
    if (root == null) {
      return clientPath;
    }
    return ZnodePaths.ROOT.equals(clientPath) ? root : root + clientPath;
  }

  /**
   * The client path of a server path: the chroot itself becomes "/". A path outside the chroot
   * (which a server should never send) is returned unchanged.
   */
  public String toClient(String serverPath) {
    if (root == null || serverPath == null || !ZnodePaths.isAtOrBelow(serverPath, root)) {
      return serverPath;
    }
    return serverPath.length() == root.length()
        ? ZnodePaths.ROOT
        : serverPath.substring(root.length());
  }
}
