package io.paddock.recipes.group;

/**
 * Hears a group's membership change, on the member's cache thread, in order. Every method has an
 * empty default.
 */
public interface GroupListener {
  /** A member joined (or is seen for the first time). */
  default void memberJoined(String memberId, byte[] data) {}

  /** A member's data changed. */
  default void memberChanged(String memberId, byte[] data) {}

  /** A member left: it closed, or its session died. */
  default void memberLeft(String memberId) {}
}
