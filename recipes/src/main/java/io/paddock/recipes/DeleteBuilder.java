package io.paddock.recipes;

import io.paddock.client.PaddockException;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.DeleteOperation;
import java.util.concurrent.CompletionStage;

/**
 * A delete, configured fluently and run by {@code forPath}. A delete is retried after a connection
 * loss (NoNode on a retry counts as success: the lost attempt may have done it). Not thread-safe.
 */
public final class DeleteBuilder {
  private final FrameworkFacade facade;
  private int version = -1;
  private boolean deletingChildren;
  private boolean guaranteed;
  private boolean quietly;

  DeleteBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /**
   * Guarantees the delete: if it fails on a connection problem (after the retries), it goes on in
   * the background, with backoff and at every reconnect, until it succeeds or the node is gone —
   * also across a new session. The call itself still reports the failure.
   */
  public DeleteBuilder guaranteed() {
    guaranteed = true;
    return this;
  }

  /** Deletes the node's children (and theirs) first. */
  public DeleteBuilder deletingChildrenIfNeeded() {
    deletingChildren = true;
    return this;
  }

  /** Deletes only if the node's data version matches. */
  public DeleteBuilder withVersion(int version) {
    this.version = version;
    return this;
  }

  /** Treats a missing node as success. */
  public DeleteBuilder quietly() {
    quietly = true;
    return this;
  }

  /** Deletes the node. */
  public void forPath(String path) throws PaddockException, InterruptedException {
    Blocking.await(forPathAsync(path));
  }

  /** Deletes the node; the stage completes when it is gone. */
  public CompletionStage<Void> forPathAsync(String path) {
    return DeleteOperation.run(
        facade.core(), facade.ns().fix(path), version, deletingChildren, guaranteed, quietly);
  }
}
