package io.paddock.recipes.locks;

import io.paddock.client.PaddockException;
import java.util.concurrent.TimeUnit;

/** A lock shared by processes through the coordination service. */
public interface InterProcessLock {
  /**
   * Acquires the lock, waiting as long as it takes.
   *
   * @throws PaddockException if the service cannot be reached within the retry policy
   * @throws InterruptedException if interrupted while waiting (nothing is then held)
   */
  void acquire() throws PaddockException, InterruptedException;

  /**
   * Acquires the lock if it comes within the time; {@code acquire(0, unit)} only tries.
   *
   * @return true if acquired
   */
  boolean acquire(long time, TimeUnit unit) throws PaddockException, InterruptedException;

  /**
   * Releases the lock (one level of a reentrant hold). The holder's node is deleted with a
   * guaranteed delete: if the delete fails on a connection problem, it goes on in the background
   * and this call reports the failure.
   *
   * @throws IllegalMonitorStateException if the caller does not hold the lock
   */
  void release() throws PaddockException, InterruptedException;

  /** True if some thread (or handle) of this process holds the lock through this object. */
  boolean isAcquiredInThisProcess();
}
