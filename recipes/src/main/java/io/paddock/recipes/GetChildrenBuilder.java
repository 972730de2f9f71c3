package io.paddock.recipes;

import io.paddock.client.ChildrenAndStat;
import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.RetryLoop;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A getChildren, run by {@code forPath}; retried after a connection loss. With a watch, a one-shot
 * child watch is set when the node exists. Not thread-safe.
 */
public final class GetChildrenBuilder {
  private final FrameworkFacade facade;
  private AtomicReference<Stat> statSink;
  private Watcher watcher;

  GetChildrenBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /** Stores the parent's stat in {@code sink} when the read succeeds. */
  public GetChildrenBuilder storingStatIn(AtomicReference<Stat> sink) {
    this.statSink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /** Sets a watch whose event goes to the framework's watch listeners. */
  public GetChildrenBuilder watched() {
    this.watcher = facade.core().defaultWatcher();
    return this;
  }

  /** Sets a watch whose event goes to {@code watcher}. */
  public GetChildrenBuilder usingWatcher(Watcher watcher) {
    this.watcher = Objects.requireNonNull(watcher, "watcher");
    return this;
  }

  /** The child names (not paths), in no particular order. */
  public List<String> forPath(String path) throws PaddockException, InterruptedException {
    return Blocking.await(forPathAsync(path));
  }

  /** The child names (not paths), in no particular order. */
  public CompletionStage<List<String>> forPathAsync(String path) {
    String full = facade.ns().fix(path);
    Watcher registered = watcher == null ? null : facade.wrap(watcher);
    return RetryLoop.<ChildrenAndStat>run(
            facade.core(),
            true,
            (client, attempt) -> {
              if (registered == null) {
                return client.getChildrenAndStat(full);
              }
              facade.armed(full, registered, WatcherType.CHILDREN);
              return client.getChildrenAndStat(full, registered);
            })
        .thenApply(
            r -> {
              if (statSink != null) {
                statSink.set(r.stat());
              }
              return r.children();
            });
  }
}
