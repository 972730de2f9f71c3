package io.paddock.recipes.locks;

/**
 * Told that another process asked the holder of a lock to release it ({@link
 * Revoker#attemptRevoke}). Revocation is cooperative: nothing is taken away; the listener is
 * expected to finish its work and release.
 *
 * @param <T> the lock type
 */
@FunctionalInterface
public interface RevocationListener<T> {
  /**
   * A release was requested.
   *
   * @param forLock the lock whose release is requested
   */
  void revocationRequested(T forLock);
}
