package io.paddock.recipes.barriers;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A double barrier (Curator's DistributedDoubleBarrier, ZooKeeper's recipe): {@code memberQty}
 * members {@link #enter} together — nobody passes before that many have arrived — and {@link
 * #leave} together — nobody passes before every member that entered has left.
 *
 * <p>Nodes: each member's {@code <path>/<uuid>} (EPHEMERAL) and {@code <path>/ready} (PERSISTENT,
 * made by the member that completes the count; deleted by the last one out, so the container path
 * goes once everybody left). {@code memberQty} is a threshold, not a cap: more members may enter.
 *
 * <p>Corner cases: a wake-up is never trusted (the count is looked at again), but the creation of
 * {@code ready} is remembered, so a member that saw it pass even if the others already left. A
 * member whose process dies drops out with its ephemeral node, and the others' leave does not wait
 * for it. Leaving follows ZooKeeper's order: the lowest member deletes its node last (it watches
 * the highest); every other member deletes its node at once and watches the lowest. A timed-out
 * enter or leave deletes our node (we no longer take part); a connection problem during a wait
 * throws ConnectionLoss. Waits leave no watch behind. One instance is one member; it may enter and
 * leave in rounds, one round at a time. Thread-safe.
 */
public final class DistributedDoubleBarrier {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedDoubleBarrier.class);

  /** The name of the node that says the members are all in. */
  public static final String READY_NODE = "ready";

  private final PaddockFramework framework;
  private final String barrierPath;
  private final int memberQty;
  private final String ourName = UUID.randomUUID().toString();
  private final String ourPath;
  private final String readyPath;
  private boolean entered;

  /**
   * A member of a double barrier.
   *
   * @param barrierPath the barrier's path
   * @param memberQty how many members must enter before any passes, ≥ 1
   */
  public DistributedDoubleBarrier(PaddockFramework framework, String barrierPath, int memberQty) {
    ZnodePaths.validate(framework.fullPath(barrierPath));
    if (memberQty < 1) {
      throw new IllegalArgumentException("memberQty must be ≥ 1");
    }
    this.framework = framework;
    this.barrierPath = barrierPath;
    this.memberQty = memberQty;
    this.ourPath = ZnodePaths.child(barrierPath, ourName);
    this.readyPath = ZnodePaths.child(barrierPath, READY_NODE);
  }

  /** Enters, waiting as long as it takes for the others. */
  public void enter() throws PaddockException, InterruptedException {
    enter(-1, TimeUnit.MILLISECONDS);
  }

  /**
   * Enters: waits until {@code memberQty} members have entered.
   *
   * @param maxWait the longest wait; negative for no limit
   * @return true once all are in; false if the time ran out (our node is then deleted)
   * @throws IllegalStateException if this member entered and has not left
   * @throws PaddockException.ConnectionLossException if the connection dropped during the wait
   */
  public synchronized boolean enter(long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    if (entered) {
      throw new IllegalStateException("this member entered already; leave first");
    }
    long deadlineNanos = BarrierSignal.deadline(maxWait, unit);
    WatcherRemovingFramework watching = framework.newWatcherRemovingFramework();
    BarrierSignal signal = new BarrierSignal(readyPath);
    watching.addConnectionStateListener(signal);
    boolean passed = false;
    try {
      boolean readyExisted = watching.checkExists().usingWatcher(signal).forPath(readyPath) != null;
      watching
          .create()
          .creatingParentContainersIfNeeded()
          .withMode(CreateMode.EPHEMERAL)
          .forPath(ourPath);
      passed = readyExisted || awaitAllIn(watching, signal, deadlineNanos);
      entered = passed;
      return passed;
    } finally {
      watching.removeConnectionStateListener(signal);
      watching.removeWatchers();
      if (!passed) {
        deleteOurNode();
      }
    }
  }

  private boolean awaitAllIn(WatcherRemovingFramework watching, BarrierSignal signal, long deadline)
      throws PaddockException, InterruptedException {
    while (true) {
      long seen = signal.generation();
      if (signal.created()) {
        return true; // ready was made: all were in, even if some have left since
      }
      if (signal.connectionProblem()) {
        throw new PaddockException.ConnectionLossException(framework.fullPath(barrierPath));
      }
      if (members(watching).size() >= memberQty) {
        try {
          watching.create().forPath(readyPath);
        } catch (PaddockException.NodeExistsException madeByAnother) {
          // another member completed the count at the same time
        }
        return true;
      }
      if (watching.checkExists().forPath(readyPath) != null) {
        return true;
      }
      if (!signal.awaitChange(seen, deadline)) {
        return false;
      }
    }
  }

  /** Leaves, waiting as long as it takes for the others. */
  public void leave() throws PaddockException, InterruptedException {
    leave(-1, TimeUnit.MILLISECONDS);
  }

  /**
   * Leaves: waits until every member that entered has left.
   *
   * @param maxWait the longest wait; negative for no limit
   * @return true once all are out; false if the time ran out (our node is deleted all the same)
   * @throws IllegalStateException if this member has not entered
   * @throws PaddockException.ConnectionLossException if the connection dropped during the wait
   */
  public synchronized boolean leave(long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    if (!entered) {
      throw new IllegalStateException("this member has not entered");
    }
    entered = false;
    long deadlineNanos = BarrierSignal.deadline(maxWait, unit);
    WatcherRemovingFramework watching = framework.newWatcherRemovingFramework();
    BarrierSignal signal = new BarrierSignal(null);
    watching.addConnectionStateListener(signal);
    try {
      boolean allOut = awaitAllOut(watching, signal, deadlineNanos);
      if (allOut) {
        watching.delete().quietly().forPath(readyPath);
      }
      return allOut;
    } finally {
      watching.removeConnectionStateListener(signal);
      watching.removeWatchers();
      deleteOurNode();
    }
  }

  private boolean awaitAllOut(
      WatcherRemovingFramework watching, BarrierSignal signal, long deadline)
      throws PaddockException, InterruptedException {
    boolean ourNodeShouldExist = true;
    while (true) {
      long seen = signal.generation();
      if (signal.connectionProblem()) {
        throw new PaddockException.ConnectionLossException(framework.fullPath(barrierPath));
      }
      List<String> members = members(watching);
      if (members.isEmpty()) {
        return true;
      }
      int ourIndex = members.indexOf(ourName);
      if (ourIndex < 0 && ourNodeShouldExist) {
        LOG.warn("our node {} is gone (the session expired): we count as left", ourPath);
        ourNodeShouldExist = false;
      }
      if (ourIndex == 0 && members.size() == 1) {
        watching.delete().quietly().forPath(ourPath);
        ourNodeShouldExist = false;
        continue; // the list is looked at again: the others may all be out
      }
      String watched;
      if (ourIndex == 0) {
        watched = members.get(members.size() - 1); // lowest: wait for the highest to go
      } else {
        if (ourNodeShouldExist) {
          watching.delete().quietly().forPath(ourPath);
          ourNodeShouldExist = false;
        }
        watched = members.get(0); // wait for the lowest to go
      }
      Stat stat =
          watching
              .checkExists()
              .usingWatcher(signal)
              .forPath(ZnodePaths.child(barrierPath, watched));
      if (stat != null && !signal.awaitChange(seen, deadline)) {
        return false;
      }
    }
  }

  /** The members' node names, sorted (ready left out); none when the path is gone. */
  private List<String> members(WatcherRemovingFramework watching)
      throws PaddockException, InterruptedException {
    try {
      return watching.getChildren().forPath(barrierPath).stream()
          .filter(name -> !name.equals(READY_NODE))
          .sorted()
          .toList();
    } catch (PaddockException.NoNodeException gone) {
      return List.of();
    }
  }

  private void deleteOurNode() {
    framework.delete().guaranteed().quietly().forPathAsync(ourPath);
  }

  /** The barrier's path. */
  public String path() {
    return barrierPath;
  }

  /** This member's node. */
  public String ourPath() {
    return ourPath;
  }
}
