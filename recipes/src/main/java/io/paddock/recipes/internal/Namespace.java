package io.paddock.recipes.internal;

import io.paddock.store.model.ZnodePaths;

/**
 * A namespace: the path prefix a framework facade adds to every path on the way out and strips from
 * every path coming back. The empty namespace changes nothing.
 */
public final class Namespace {
  /** The empty namespace. */
  public static final Namespace NONE = new Namespace("");

  private final String root;

  private Namespace(String root) {
    this.root = root;
  }

  /**
   * A namespace of a name like {@code app} or {@code app/sub} (no leading or trailing slash).
   *
   * @param name the name; null or empty for none
   * @throws IllegalArgumentException if {@code "/" + name} is not a valid path
   */
  public static Namespace of(String name) {
    if (name == null || name.isEmpty()) {
      return NONE;
    }
    String root = "/" + name;
    String reason = ZnodePaths.invalidReason(root);
    if (reason != null) {
      throw new IllegalArgumentException("invalid namespace " + name + ": " + reason);
    }
    return new Namespace(root);
  }

  /** The name ("" for none). */
  public String name() {
    return root.isEmpty() ? "" : root.substring(1);
  }

  /** The namespace's root path ("" for none). */
  public String root() {
    return root;
  }

  /** True for the empty namespace. */
  public boolean isNone() {
    return root.isEmpty();
  }

  /**
   * The server path of a facade path.
   *
   * @throws IllegalArgumentException if {@code path} is not a valid path
   */
  public String fix(String path) {
    String reason = ZnodePaths.invalidReason(path);
    if (reason != null) {
      throw new IllegalArgumentException("invalid path " + path + ": " + reason);
    }
    if (root.isEmpty()) {
      return path;
    }
    return path.equals("/") ? root : root + path;
  }

  /** The facade path of a server path; paths outside the namespace come back unchanged. */
  public String unfix(String fullPath) {
    if (fullPath == null || root.isEmpty()) {
      return fullPath;
    }
    if (fullPath.equals(root)) {
      return "/";
    }
    if (fullPath.startsWith(root + "/")) {
      return fullPath.substring(root.length());
    }
    return fullPath;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Namespace other && other.root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return root.isEmpty() ? "<none>" : root;
  }
}
