package io.paddock.recipes;

import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.RetryLoop;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * An exists check, run by {@code forPath}; retried after a connection loss. With a watch, a
 * one-shot watch is set whether or not the node exists (it fires on create, change or delete).
 * Prefer a getData watch where the node should exist: it leaves no watch behind when it does not.
 * Not thread-safe.
 */
public final class ExistsBuilder {
  private final FrameworkFacade facade;
  private Watcher watcher;

  ExistsBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /** Sets a watch whose event goes to the framework's watch listeners. */
  public ExistsBuilder watched() {
    this.watcher = facade.core().defaultWatcher();
    return this;
  }

  /** Sets a watch whose event goes to {@code watcher}. */
  public ExistsBuilder usingWatcher(Watcher watcher) {
    this.watcher = Objects.requireNonNull(watcher, "watcher");
    return this;
  }

  /** The node's stat, or null when it does not exist. */
  public Stat forPath(String path) throws PaddockException, InterruptedException {
    return Blocking.await(forPathAsync(path));
  }

  /** The node's stat, or null when it does not exist. */
  public CompletionStage<Stat> forPathAsync(String path) {
    String full = facade.ns().fix(path);
    Watcher registered = watcher == null ? null : facade.wrap(watcher);
    return RetryLoop.run(
        facade.core(),
        true,
        (client, attempt) -> {
          if (registered == null) {
            return client.exists(full);
          }
          facade.armed(full, registered, WatcherType.DATA);
          return client.exists(full, registered);
        });
  }
}
