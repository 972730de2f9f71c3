package io.paddock.recipes.internal;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
      if (path != null && event.type() != io.paddock.store.model.EventType.NONE) {
        String name = ZnodePaths.name(path);
        if (watched.compareAndSet(name, null)) {
          unwatch(name);
        }
      }
      wakeUp();
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

    /** True/false when decided, null when a watch is set and we must wait. */
    private CompletableFuture<Boolean> decideAndWatch(
        List<String> sorted, CompletableFuture<Void> wake) {
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
                  if (watched.compareAndSet(d.watchName(), null)) {
                    unwatch(d.watchName());
                  }
                  wake.complete(null);
                }
                return null;
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
