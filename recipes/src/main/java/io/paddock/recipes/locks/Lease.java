package io.paddock.recipes.locks;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;

/**
 * One lease of an {@link InterProcessSemaphoreV2}. Closing it returns it to the semaphore (its node
 * is deleted, guaranteed). A lease dies with the session that took it.
 */
public interface Lease extends AutoCloseable {
  /** The lease's node path. */
  String nodePath();

  /** The lease's grant: fencing token (the node's czxid) and guard. */
  Grant grant();

  /** The data stored in the lease's node. */
  byte[] data() throws PaddockException, InterruptedException;

  /** Returns the lease; a second close does nothing. */
  @Override
  void close() throws PaddockException, InterruptedException;
}
