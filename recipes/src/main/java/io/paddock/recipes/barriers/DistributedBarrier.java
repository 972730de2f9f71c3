package io.paddock.recipes.barriers;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.store.model.ZnodePaths;
import java.util.concurrent.TimeUnit;

/**
 * A barrier (Curator's DistributedBarrier, ZooKeeper's barrier recipe): while the node at the
 * barrier path exists, {@link #waitOnBarrier} blocks; removing the node releases every waiter.
 *
 * <p>The node is PERSISTENT (parents are containers) and outlives its setter's session: a barrier
 * is a shared fact, not an ownership. A wait that hits a connection problem re-checks the node and
 * fails with the PaddockException of that check (per the retry policy) rather than hang; a wait
 * leaves no watch behind, however it ends. No lifecycle: the object holds nothing between calls.
 * Thread-safe.
 */
public final class DistributedBarrier {
  private final PaddockFramework framework;
  private final String barrierPath;

  /**
   * A barrier on a path.
   *
   * @param framework the framework (its namespace applies)
   * @param barrierPath the barrier's node
   */
  public DistributedBarrier(PaddockFramework framework, String barrierPath) {
    ZnodePaths.validate(framework.fullPath(barrierPath));
    this.framework = framework;
    this.barrierPath = barrierPath;
  }

  /** Raises the barrier (creates its node; already raised is fine). */
  public void setBarrier() throws PaddockException, InterruptedException {
    try {
      framework.create().creatingParentContainersIfNeeded().forPath(barrierPath);
    } catch (PaddockException.NodeExistsException raised) {
      // raised already: the same barrier
    }
  }

  /** Removes the barrier, releasing every waiter (already removed is fine). */
  public void removeBarrier() throws PaddockException, InterruptedException {
    framework.delete().quietly().forPath(barrierPath);
  }

  /** Waits as long as it takes for the barrier to be removed. */
  public void waitOnBarrier() throws PaddockException, InterruptedException {
    waitOnBarrier(-1, TimeUnit.MILLISECONDS);
  }

  /**
   * Waits until the barrier is removed or the time is up.
   *
   * @param maxWait the longest wait; negative for no limit
   * @return true if the barrier is down, false if the time ran out
   * @throws PaddockException if the barrier cannot be checked (the connection is down)
   */
  public boolean waitOnBarrier(long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    long deadlineNanos = BarrierSignal.deadline(maxWait, unit);
    WatcherRemovingFramework watching = framework.newWatcherRemovingFramework();
    BarrierSignal signal = new BarrierSignal(null);
    watching.addConnectionStateListener(signal);
    try {
      while (true) {
        long seen = signal.generation();
        if (watching.checkExists().usingWatcher(signal).forPath(barrierPath) == null) {
          return true;
        }
        if (!signal.awaitChange(seen, deadlineNanos)) {
          return false;
        }
      }
    } finally {
      watching.removeConnectionStateListener(signal);
      watching.removeWatchers();
    }
  }

  /** The barrier's path. */
  public String path() {
    return barrierPath;
  }
}
