package io.paddock.recipes.locks;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;

/**
 * One hold of a lock that is not bound to a thread: any thread may release it, once. Closing it
 * releases it (try-with-resources), swallowing nothing: a failed delete still goes on in the
 * background.
 */
public interface LockHandle extends AutoCloseable {
  /** The grant: fencing token and guard. */
  Grant grant();

  /** True until released. */
  boolean isHeld();

  /**
   * Releases the hold (from any thread).
   *
   * @throws IllegalStateException if released before
   */
  void release() throws PaddockException, InterruptedException;

  /** Releases the hold if it is still held. */
  @Override
  void close() throws PaddockException, InterruptedException;
}
