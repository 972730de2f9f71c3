package io.paddock.recipes;

import io.paddock.client.PaddockException;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.RetryLoop;
import io.paddock.store.model.Stat;
import java.util.concurrent.CompletionStage;

/**
 * A setData, run by {@code forPath}. An unconditional write is retried after a connection loss
 * (writing the same data twice changes nothing but the version); a versioned one is not, since a
 * retry of a write that did happen would fail with BadVersion. Not thread-safe.
 */
public final class SetDataBuilder {
  private final FrameworkFacade facade;
  private int version = -1;

  SetDataBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /** Writes only if the node's data version matches. */
  public SetDataBuilder withVersion(int version) {
    this.version = version;
    return this;
  }

  /** Writes the data; returns the node's stat afterwards. */
  public Stat forPath(String path, byte[] data) throws PaddockException, InterruptedException {
    return Blocking.await(forPathAsync(path, data));
  }

  /** Writes the data; the stage holds the node's stat afterwards. */
  public CompletionStage<Stat> forPathAsync(String path, byte[] data) {
    String full = facade.ns().fix(path);
    int v = version;
    return RetryLoop.run(
        facade.core(), v == -1, (client, attempt) -> client.setData(full, data, v));
  }
}
