package io.paddock.recipes;

import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.Failures;
import io.paddock.recipes.internal.RetryLoop;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.WatcherType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Persistent watches (added with {@link #add()}) and the removal of watches ({@link #remove},
 * {@link #removeAll()}). Both are retried after a connection loss.
 */
public final class WatchesBuilder {
  private final FrameworkFacade facade;

  WatchesBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /** Adds a persistent watch (default mode PERSISTENT_RECURSIVE, as Curator). */
  public AddWatch add() {
    return new AddWatch();
  }

  /** Removes one watcher's watches. */
  public RemoveWatches remove(Watcher watcher) {
    return new RemoveWatches(Objects.requireNonNull(watcher, "watcher"));
  }

  /** Removes every watch of a type on a path (all watchers). */
  public RemoveWatches removeAll() {
    return new RemoveWatches(null);
  }

  /** An addWatch, run by {@code forPath}. */
  public final class AddWatch {
    private AddWatchMode mode = AddWatchMode.PERSISTENT_RECURSIVE;
    private Watcher watcher;

    private AddWatch() {}

    /** PERSISTENT (the node's data, existence and children) or PERSISTENT_RECURSIVE. */
    public AddWatch withMode(AddWatchMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Events go to {@code watcher}. */
    public AddWatch usingWatcher(Watcher watcher) {
      this.watcher = Objects.requireNonNull(watcher, "watcher");
      return this;
    }

    /** Events go to the framework's watch listeners. */
    public AddWatch watched() {
      this.watcher = facade.core().defaultWatcher();
      return this;
    }

    /** Adds the watch (the node need not exist). */
    public void forPath(String path) throws PaddockException, InterruptedException {
      Blocking.await(forPathAsync(path));
    }

    /** Adds the watch (the node need not exist). */
    public CompletionStage<Void> forPathAsync(String path) {
      if (watcher == null) {
        throw new IllegalStateException("usingWatcher or watched must come first");
      }
      String full = facade.ns().fix(path);
      Watcher registered = facade.wrap(watcher);
      WatcherType type =
          mode == AddWatchMode.PERSISTENT
              ? WatcherType.PERSISTENT
              : WatcherType.PERSISTENT_RECURSIVE;
      facade.armed(full, registered, type);
      AddWatchMode m = mode;
      return RetryLoop.run(
          facade.core(), true, (client, attempt) -> client.addWatch(full, m, registered));
    }
  }

  /** A removeWatches, run by {@code forPath}. */
  public final class RemoveWatches {
    private final Watcher watcher;
    private WatcherType type = WatcherType.ANY;
    private boolean quietly;

    private RemoveWatches(Watcher watcher) {
      this.watcher = watcher;
    }

    /** Only watches of a type (default ANY). */
    public RemoveWatches ofType(WatcherType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /** NoWatcher (nothing to remove) is success. */
    public RemoveWatches quietly() {
      quietly = true;
      return this;
    }

    /** Removes the watches. */
    public void forPath(String path) throws PaddockException, InterruptedException {
      Blocking.await(forPathAsync(path));
    }

    /** Removes the watches. */
    public CompletionStage<Void> forPathAsync(String path) {
      String full = facade.ns().fix(path);
      Watcher registered = watcher == null ? null : facade.wrap(watcher);
      WatcherType t = type;
      if (registered != null) {
        facade.disarmed(full, registered, t);
      }
      return RetryLoop.run(
          facade.core(),
          true,
          (client, attempt) -> {
            CompletableFuture<Void> f =
                registered == null
                    ? client.removeAllWatches(full, t)
                    : client.removeWatches(full, registered, t);
            return f.exceptionallyCompose(
                e ->
                    Failures.is(e, ErrorCode.NOWATCHER) && (quietly || attempt > 0)
                        ? CompletableFuture.completedFuture(null)
                        : Failures.failed(e));
          });
    }
  }
}
