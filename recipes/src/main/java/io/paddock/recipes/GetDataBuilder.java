package io.paddock.recipes;

import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.RetryLoop;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A getData, run by {@code forPath}; retried after a connection loss. With a watch, a one-shot data
 * watch is set when the node exists (NoNode otherwise, and no watch). Not thread-safe.
 */
public final class GetDataBuilder {
  private final FrameworkFacade facade;
  private AtomicReference<Stat> statSink;
  private Watcher watcher;

  GetDataBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /** Stores the node's stat in {@code sink} when the read succeeds. */
  public GetDataBuilder storingStatIn(AtomicReference<Stat> sink) {
    this.statSink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /** Sets a watch whose event goes to the framework's watch listeners. */
  public GetDataBuilder watched() {
    this.watcher = facade.core().defaultWatcher();
    return this;
  }

  /** Sets a watch whose event goes to {@code watcher}. */
  public GetDataBuilder usingWatcher(Watcher watcher) {
    this.watcher = Objects.requireNonNull(watcher, "watcher");
    return this;
  }

  /** The node's data. */
  public byte[] forPath(String path) throws PaddockException, InterruptedException {
    return Blocking.await(forPathAsync(path));
  }

  /** The node's data. */
  public CompletionStage<byte[]> forPathAsync(String path) {
    return forPathWithStatAsync(path).thenApply(DataAndStat::data);
  }

  /** The node's data and stat. */
  public DataAndStat forPathWithStat(String path) throws PaddockException, InterruptedException {
    return Blocking.await(forPathWithStatAsync(path));
  }

  /** The node's data and stat. */
  public CompletionStage<DataAndStat> forPathWithStatAsync(String path) {
    String full = facade.ns().fix(path);
    Watcher registered = watcher == null ? null : facade.wrap(watcher);
    CompletableFuture<DataAndStat> f =
        RetryLoop.run(
            facade.core(),
            true,
            (client, attempt) -> {
              if (registered == null) {
                return client.getData(full);
              }
              facade.armed(full, registered, WatcherType.DATA);
              return client.getData(full, registered);
            });
    return f.thenApply(
        r -> {
          if (statSink != null) {
            statSink.set(r.stat());
          }
          return r;
        });
  }
}
