package io.paddock.client.protocol;

import java.util.Collections;
import java.util.List;

/** Small helpers shared by the records of this package. */
final class Jute {
  private Jute() {}

  /** An unmodifiable view of a decoded list (no copy); null stays null. */
  static <T> List<T> unmodifiable(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(list);
  }

  /** Describes a byte array by its length only, so toString never leaks data or passwords. */
  static String describe(byte[] bytes) {
    return bytes == null ? "null" : "byte[" + bytes.length + "]";
  }
}
