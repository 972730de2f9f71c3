package io.paddock.recipes.shared;

/**
 * A compare-and-set named version −1. The node's 32-bit data version wrapped around to −1, which
 * the server reads as "any version": the write would be unconditional, so it is refused (set the
 * value unconditionally, or read again once the version moved on).
 */
public final class IllegalTrySetVersionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The exception. */
  public IllegalTrySetVersionException() {
    super("a compare-and-set with version -1 would be unconditional");
  }
}
