package io.paddock.store.model;

import java.util.Locale;

/**
 * Znode path rules, exactly as ZooKeeper's {@code PathUtils.validatePath}: absolute, no trailing
 * slash (except the root), no empty, "." or ".." segments, and none of the forbidden characters
 * (U+0000–U+001F, U+007F–U+009F, U+D800–U+F8FF, U+FFF0–U+FFFF).
 */
public final class ZnodePaths {
  /** The root path. */
  public static final String ROOT = "/";

  /** The system subtree. */
  public static final String ZOOKEEPER = "/zookeeper";

  /** The quota subtree. */
  public static final String QUOTA = "/zookeeper/quota";

  /** The dynamic configuration node. */
  public static final String CONFIG = "/zookeeper/config";

  private ZnodePaths() {}

  /** True when the path is valid. */
  public static boolean isValid(String path) {
    return invalidReason(path) == null;
  }

  /**
   * Checks a path.
   *
   * @throws IllegalArgumentException with ZooKeeper's message when the path is invalid
   */
  public static String validate(String path) {
    String reason = invalidReason(path);
    if (reason != null) {
      throw new IllegalArgumentException(
          "Invalid path string \"" + path + "\" caused by " + reason);
    }
    return path;
  }

  /** Why the path is invalid, or null when it is valid. */
  public static String invalidReason(String path) {
    if (path == null) {
      return "Path cannot be null";
    }
    int length = path.length();
    if (length == 0) {
      return "Path length must be > 0";
    }
    if (path.charAt(0) != '/') {
      return "Path must start with / character";
    }
    if (length == 1) {
      return null;
    }
    if (path.charAt(length - 1) == '/') {
      return "Path must not end with / character";
    }
    char last = '/';
    for (int i = 1; i < length; i++) {
      char c = path.charAt(i);
      if (c == 0) {
        return "null character not allowed @" + i;
      } else if (c == '/' && last == '/') {
        return "empty node name specified @" + i;
      } else if (c == '.' && isDotSegment(path, i)) {
        return "relative paths not allowed @" + i;
      } else if (isForbidden(c)) {
        return "invalid character @" + i;
      }
      last = c;
    }
    return null;
  }

  private static boolean isDotSegment(String path, int i) {
    boolean segmentEnds = i + 1 == path.length() || path.charAt(i + 1) == '/';
    if (!segmentEnds) {
      return false;
    }
    if (path.charAt(i - 1) == '/') {
      return true; // "."
    }
    return path.charAt(i - 1) == '.' && i >= 2 && path.charAt(i - 2) == '/'; // ".."
  }

  private static boolean isForbidden(char c) {
    return (c > '\u0000' && c <= '\u001f')
        || (c >= '\u007f' && c <= '\u009f')
        || (c >= '\ud800' && c <= '\uf8ff')
        || (c >= '\ufff0');
  }

  /** True when the path has no NUL character and has a '/' (the server's cheap create check). */
  public static boolean hasSlashAndNoNul(String path) {
    return path != null && path.lastIndexOf('/') >= 0 && path.indexOf('\u0000') < 0;
  }

  /** The parent path; the root's children have parent "/". The root has no parent. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0 || path.length() == 1) {
      throw new IllegalArgumentException("no parent for " + path);
    }
    return slash == 0 ? ROOT : path.substring(0, slash);
  }

  /** The last segment of the path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Joins a parent path and a child name. */
  public static String child(String parent, String name) {
    return ROOT.equals(parent) ? "/" + name : parent + "/" + name;
  }

  /**
   * The name ZooKeeper gives a sequential node: {@code path + String.format(Locale.ENGLISH,
   * "%010d", cversion)}, where cversion is the parent's stored count of child creates. The locale
   * is fixed, as in ZooKeeper, so the JVM's default locale cannot bring in non-ASCII digits.
   */
  public static String sequentialName(String path, int parentStoredCversion) {
    return path + String.format(Locale.ENGLISH, "%010d", parentStoredCversion);
  }

  /**
   * True for the paths delete refuses: "/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config".
   */
  public static boolean isSpecial(String path) {
    return ROOT.equals(path) || ZOOKEEPER.equals(path) || QUOTA.equals(path) || CONFIG.equals(path);
  }

  /** True when {@code path} is {@code ancestor} or lies below it. */
  public static boolean isAtOrBelow(String path, String ancestor) {
    if (ROOT.equals(ancestor)) {
      return true;
    }
    return path.startsWith(ancestor)
        && (path.length() == ancestor.length() || path.charAt(ancestor.length()) == '/');
  }
}
