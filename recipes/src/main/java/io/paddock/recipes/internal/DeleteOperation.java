package io.paddock.recipes.internal;

import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one delete with its options. A delete is retried after a connection loss; NoNode on a retry
 * counts as success (the lost attempt may have deleted the node). With {@code guaranteed}, a delete
 * that still fails on a connection problem is handed to {@link GuaranteedDeletes}, and the stage
 * fails with the error all the same.
 */
public final class DeleteOperation {
  private DeleteOperation() {}

  /**
   * Runs a delete of a server path.
   *
   * @param version the expected version, −1 for any
   * @param deletingChildren whether children (and theirs) are deleted first
   * @param guaranteed whether a failed delete goes on in the background
   * @param quietly whether NoNode is success
   */
  public static CompletableFuture<Void> run(
      FrameworkCore core,
      String fullPath,
      int version,
      boolean deletingChildren,
      boolean guaranteed,
      boolean quietly) {
    ZnodePaths.validate(fullPath);
    CompletableFuture<Void> result =
        RetryLoop.run(
            core,
            true,
            (client, attempt) ->
                deleteNode(client, fullPath, version, deletingChildren, 0)
                    .exceptionallyCompose(
                        e ->
                            Failures.is(e, ErrorCode.NONODE) && (attempt > 0 || quietly)
                                ? CompletableFuture.completedFuture(null)
                                : Failures.failed(e)));
    if (guaranteed) {
      result.whenComplete(
          (v, failure) -> {
            if (failure != null && isConnectionProblem(failure)) {
              core.deletes().delete(fullPath, version);
            }
          });
    }
    return result;
  }

  private static boolean isConnectionProblem(Throwable failure) {
    return Failures.unwrap(failure) instanceof PaddockException e
        && (e.code() == ErrorCode.CONNECTIONLOSS
            || e.code() == ErrorCode.OPERATIONTIMEOUT
            || e.code() == ErrorCode.SESSIONEXPIRED
            || e.code() == ErrorCode.SESSIONMOVED);
  }

  private static CompletableFuture<Void> deleteNode(
      PaddockClient client, String path, int version, boolean deletingChildren, int tries) {
    CompletableFuture<Void> f = Failures.call(() -> client.delete(path, version));
    if (!deletingChildren) {
      return f;
    }
    return f.exceptionallyCompose(
        e -> {
          if (!Failures.is(e, ErrorCode.NOTEMPTY)
              || tries >= FrameworkLimits.DELETE_CHILDREN_ATTEMPTS_MAX) {
            return Failures.failed(e);
          }
          return deleteChildren(client, path)
              .thenCompose(v -> deleteNode(client, path, version, true, tries + 1));
        });
  }

  private static CompletableFuture<Void> deleteChildren(PaddockClient client, String path) {
    return client
        .getChildren(path)
        .thenCompose(
            children -> {
              List<CompletableFuture<Void>> deletes =
                  children.stream()
                      .map(
                          c ->
                              deleteNode(client, ZnodePaths.child(path, c), -1, true, 0)
                                  .exceptionallyCompose(
                                      e ->
                                          Failures.is(e, ErrorCode.NONODE)
                                              ? CompletableFuture.completedFuture(null)
                                              : Failures.failed(e)))
                      .toList();
              return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
            })
        .exceptionallyCompose(
            e ->
                Failures.is(e, ErrorCode.NONODE)
                    ? CompletableFuture.completedFuture(null)
                    : Failures.failed(e));
  }
}
