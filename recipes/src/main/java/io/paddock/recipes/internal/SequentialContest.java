package io.paddock.recipes.internal;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sequential contest loop every ownership recipe runs (ZooKeeper's lock recipe, herd-free):
 * create a protected ephemeral-sequential node under the base path (parents as containers), list
 * the children, sort them by sequence, and either hold the grant or set a data watch on exactly the
 * node the driver names (the predecessor) and look again when it goes or changes. A watch is set
 * with getData, never exists, so none is left on a node that is already gone.
 *
 * <p>Each wait has one watcher object, so its repeated waits on the same node never stack
 * registrations, and the watch left when the wait ends is removed.
 *
 * <p>When the watched node is deleted, the wait first decides again without a round trip, on the
 * participants it listed last minus the deleted node: nodes ahead of ours can only go, never come
 * (a later create gets a larger sequence; a driver whose nodes break this says so, see {@link
 * ContestDriver#newNodesSortLast}), and every driver's grant holds for any subset of the nodes
 * ahead of ours, so a grant decided on that list is a grant on the server's list too. Our own node
 * must still exist: a waiting wait also watches it (set once, in the same flush as its first watch
 * on a predecessor), and the server sends a session's events in zxid order, so a deletion of our
 * node before the predecessor's reaches us first and fails the wait as a listing would. So the next
 * holder of a mutex takes over on the delete event alone, one round trip less on each hand-off's
 * critical path than listing the children again. When that list does not grant, the wait lists the
 * children again as usual.
 */
public final class SequentialContest {
  private final WatcherRemovingFramework framework;
  private final String basePath;
  private final ContestDriver driver;

  /**
   * How many waits of this contest watch each node. The server keeps one watch per session and node
   * whatever the number of local watchers, and removeWatches drops it for all of them; so a wait
   * that stops watching a node asks the server to remove the watch only when it was the last (a
   * wait restarted after a reconnect watches the same node as the wait it replaces).
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Integer> watchers =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A contest.
   *
   * @param framework the recipe's watcher-removing facade
   * @param basePath the parent of the contestants' nodes (a path of the facade)
   * @param driver the rule
   */
  public SequentialContest(
      WatcherRemovingFramework framework, String basePath, ContestDriver driver) {
    this.framework = framework;
    this.basePath = ZnodePaths.validate(basePath);
    this.driver = driver;
  }

  /** The base path. */
  public String basePath() {
    return basePath;
  }

  /**
   * Creates our node: protected, ephemeral-sequential, named {@code <base>/_c_<uuid>-<nodeName>N},
   * container parents.
   *
   * @return the actual path and its stat (czxid: the fencing token)
   */
  public CompletableFuture<CreateResult> enter(String nodeName, byte[] data) {
    return framework
        .create()
        .creatingParentContainersIfNeeded()
        .withProtection()
        .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
        .forPathWithStatAsync(ZnodePaths.child(basePath, nodeName), data)
        .toCompletableFuture();
  }

  /** The participants' names, sorted by sequence. */
  public CompletableFuture<List<String>> sortedParticipants() {
    return framework
        .getChildren()
        .forPathAsync(basePath)
        .toCompletableFuture()
        .thenApply(
            children ->
                children.stream()
                    .filter(driver::isParticipant)
                    .sorted(Sequences.BY_SEQUENCE)
                    .toList())
        .exceptionallyCompose(
            e ->
                Failures.is(e, ErrorCode.NONODE)
                    ? CompletableFuture.completedFuture(List.of())
                    : Failures.failed(e));
  }

  /**
   * Waits until the driver grants our node. Each call uses its own watcher, so several threads may
   * wait on one contest at once (each with its own node).
   *
   * @param ourPath our node's path (as {@link #enter} gave it)
   * @param deadlineNanos {@link System#nanoTime()} deadline, or {@link Long#MAX_VALUE} for none
   * @param cancel completing it ends the wait (the result is then false)
   * @return true when granted, false on timeout or cancel; fails with {@link NodeVanishedException}
   *     if our node is gone, or with the error of a read
   */
  public CompletableFuture<Boolean> awaitTurn(
      String ourPath, long deadlineNanos, CompletableFuture<?> cancel) {
    Wait wait = new Wait(ZnodePaths.name(ourPath), deadlineNanos, cancel);
    cancel.whenComplete((v, e) -> wait.wakeUp());
    wait.loop();
    return wait.result.whenComplete((granted, failure) -> wait.removeWatch());
  }

  /** One wait stops watching {@code name}; true when no wait of this contest watches it now. */
  private boolean unwatch(String name) {
    return watchers.compute(name, (k, n) -> n == null || n <= 1 ? null : n - 1) == null;
  }

  /** One wait for the grant: its own watcher, wake-up signal and result. */
  private final class Wait {
    private final String ourName;
    private final long deadlineNanos;
    private final CompletableFuture<?> cancel;
    private final CompletableFuture<Boolean> result = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<Void>> signal = new AtomicReference<>();
    private final AtomicReference<String> watched = new AtomicReference<>();
    private final Watcher watcher = this::onWatchEvent;

    /** The participants of the last listing (null before the first). */
    private volatile List<String> lastSorted;

    /** The watched node whose deletion woke this wait, not yet decided on (null for none). */
    private final AtomicReference<String> deleted = new AtomicReference<>();

    /** Whether the watch on our own node was asked for (once per wait). */
    private final AtomicBoolean ownWatchAsked = new AtomicBoolean();

    /** Set when our own node is known to be gone (its watch fired, or it was missing). */
    private volatile boolean ourNodeGone;

    Wait(String ourName, long deadlineNanos, CompletableFuture<?> cancel) {
      this.ourName = ourName;
      this.deadlineNanos = deadlineNanos;
      this.cancel = cancel;
    }

    /**
     * A node event consumed the one-shot watch on that node: forget it, so that no removeWatches
     * request is sent for a watch that is no longer there (one request less per hand-off).
     */
    private void onWatchEvent(io.paddock.client.WatchedEvent event) {
      String path = event.path();
      if (path != null && event.type() != EventType.NONE) {
        String name = ZnodePaths.name(path);
        if (name.equals(ourName)) {
          if (event.type() == EventType.NODE_DELETED) {
            ourNodeGone = true;
          }
        } else if (forgetWatched(name)) {
          if (event.type() == EventType.NODE_DELETED) {
            deleted.set(name);
          }
        }
      }
      wakeUp();
    }

    /**
     * Clears {@link #watched} if it names {@code name} (by value: the event's name is a new string)
     * and drops this wait's count on it; true when it did.
     */
    private boolean forgetWatched(String name) {
      String current = watched.get();
      if (current == null || !current.equals(name) || !watched.compareAndSet(current, null)) {
        return false;
      }
      unwatch(name);
      return true;
    }

    void wakeUp() {
      CompletableFuture<Void> wake = signal.get();
      if (wake != null) {
        wake.complete(null);
      }
    }

    void removeWatch() {
      String last = watched.getAndSet(null);
      if (last != null && unwatch(last)) {
        framework
            .watches()
            .remove(watcher)
            .ofType(WatcherType.DATA)
            .quietly()
            .forPathAsync(ZnodePaths.child(basePath, last));
      }
    }

    void loop() {
      if (cancel.isDone()) {
        result.complete(false);
        return;
      }
      String gone = deleted.getAndSet(null);
      if (ourNodeGone) {
        result.completeExceptionally(
            new PaddockException.NoNodeException(ZnodePaths.child(basePath, ourName)));
        return;
      }
      if (grantedWithout(gone)) {
        result.complete(true);
        return;
      }
      CompletableFuture<Void> wake = new CompletableFuture<>();
      signal.set(wake);
      sortedParticipants()
          .thenCompose(sorted -> decideAndWatch(sorted, wake))
          .whenComplete(
              (decided, failure) -> {
                if (failure != null) {
                  result.completeExceptionally(Failures.unwrap(failure));
                } else if (decided != null) {
                  result.complete(decided);
                } else {
                  waitThenLoop(wake);
                }
              });
    }

    /**
     * True when the last listing without the deleted node {@code gone} grants our node (see the
     * class comment); false when there is no such listing or it does not grant.
     */
    private boolean grantedWithout(String gone) {
      List<String> sorted = lastSorted;
      if (gone == null || sorted == null || !driver.newNodesSortLast()) {
        return false;
      }
      int goneIndex = sorted.indexOf(gone);
      int ours = sorted.indexOf(ourName);
      if (goneIndex < 0 || ours < 0 || goneIndex >= ours) {
        return false;
      }
      List<String> rest = new ArrayList<>(sorted);
      rest.remove(goneIndex);
      return driver.decide(rest, ours - 1).granted();
    }

    /** True/false when decided, null when a watch is set and we must wait. */
    private CompletableFuture<Boolean> decideAndWatch(
        List<String> sorted, CompletableFuture<Void> wake) {
      lastSorted = sorted;
      int ours = sorted.indexOf(ourName);
      if (ours < 0) {
        return Failures.failed(
            new PaddockException.NoNodeException(ZnodePaths.child(basePath, ourName)));
      }
      ContestDriver.Decision d = driver.decide(sorted, ours);
      if (d.granted()) {
        return CompletableFuture.completedFuture(true);
      }
      if (System.nanoTime() - deadlineNanos >= 0) {
        return CompletableFuture.completedFuture(false);
      }
      String previous = watched.getAndSet(d.watchName());
      if (!d.watchName().equals(previous)) {
        watchers.merge(d.watchName(), 1, Integer::sum);
        if (previous != null) {
          removeWatchOn(previous);
        }
      }
      watchOurNode();
      return framework
          .getData()
          .usingWatcher(watcher)
          .forPathAsync(ZnodePaths.child(basePath, d.watchName()))
          .toCompletableFuture()
          .handle(
              (data, e) -> {
                if (e != null && !Failures.is(e, ErrorCode.NONODE)) {
                  throw new CompletionException(Failures.unwrap(e));
                }
                if (e != null) {
                  // gone already: no watch was set; look again at once
                  forgetWatched(d.watchName());
                  wake.complete(null);
                }
                return null;
              });
    }

    /**
     * Watches our own node, once per wait, with a data watch (getData: none is left when the node
     * is already gone, which it then records). The request goes out before the predecessor's watch.
     */
    private void watchOurNode() {
      if (!ownWatchAsked.compareAndSet(false, true)) {
        return;
      }
      framework
          .getData()
          .usingWatcher(watcher)
          .forPathAsync(ZnodePaths.child(basePath, ourName))
          .toCompletableFuture()
          .whenComplete(
              (data, e) -> {
                if (e != null && Failures.is(e, ErrorCode.NONODE)) {
                  ourNodeGone = true;
                  wakeUp();
                }
              });
    }

    private void removeWatchOn(String name) {
      if (!unwatch(name)) {
        return; // another wait of this contest still watches it
      }
      framework
          .watches()
          .remove(watcher)
          .ofType(WatcherType.DATA)
          .quietly()
          .forPathAsync(ZnodePaths.child(basePath, name));
    }

    private void waitThenLoop(CompletableFuture<Void> wake) {
      ScheduledFuture<?> timer = null;
      if (deadlineNanos != Long.MAX_VALUE) {
        long leftNanos = Math.max(0, deadlineNanos - System.nanoTime());
        timer =
            CoreAccess.of(framework)
                .scheduler()
                .schedule(() -> wake.complete(null), leftNanos, TimeUnit.NANOSECONDS);
      }
      if (cancel.isDone()) {
        wake.complete(null);
      }
      ScheduledFuture<?> t = timer;
      wake.whenComplete(
          (v, e) -> {
            if (t != null) {
              t.cancel(false);
            }
            loop();
          });
    }
  }
}
