package io.paddock.recipes.internal;

import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes that must happen: each is tried in the background, with a growing delay and again at
 * every reconnect, until it succeeds or the node is gone — across connection losses and new
 * sessions alike. A delete that the server refuses (bad version, not empty, no auth) is dropped
 * with a warning. Also finds and deletes the orphan of a protected create whose reply never came.
 */
public final class GuaranteedDeletes {
  private static final Logger LOG = LoggerFactory.getLogger(GuaranteedDeletes.class);

  /** A pending job: delete {@code fullPath}, or every child of it starting with a prefix. */
  private record Job(String fullPath, int version, String childPrefix) {}

  private final FrameworkCore core;
  private final Set<Job> pending = ConcurrentHashMap.newKeySet();

  GuaranteedDeletes(FrameworkCore core) {
    this.core = core;
  }

  /** How many deletes are still pending. */
  public int pendingCount() {
    return pending.size();
  }

  /** Schedules a delete of a server path (version −1 for any). */
  public void delete(String fullPath, int version) {
    submit(new Job(fullPath, version, null));
  }

  /**
   * Schedules the deletion of every child of {@code parentPath} whose name starts with a prefix.
   */
  public void deleteChildrenWithPrefix(String parentPath, String namePrefix) {
    submit(new Job(parentPath, -1, namePrefix));
  }

  /** Tries every pending job again now (called at every reconnect). */
  public void retryNow() {
    for (Job job : List.copyOf(pending)) {
      attempt(job, 0);
    }
  }

  private void submit(Job job) {
    if (pending.size() >= FrameworkLimits.PENDING_DELETES_MAX) {
      throw new IllegalStateException(
          "more than " + FrameworkLimits.PENDING_DELETES_MAX + " guaranteed deletes pending");
    }
    if (pending.add(job)) {
      attempt(job, 0);
    }
  }

  private void attempt(Job job, int tries) {
    if (core.isClosed() || !pending.contains(job)) {
      return;
    }
    PaddockClient client = core.connections().client();
    CompletableFuture<Void> f =
        job.childPrefix() == null
            ? Failures.call(() -> client.delete(job.fullPath(), job.version()))
            : deleteMatchingChildren(client, job);
    f.whenComplete(
        (ok, failure) -> {
          if (failure == null || Failures.is(failure, ErrorCode.NONODE)) {
            pending.remove(job);
            return;
          }
          Throwable cause = Failures.unwrap(failure);
          if (cause instanceof PaddockException e && isTransient(e.code())) {
            retryLater(job, tries + 1);
          } else {
            pending.remove(job);
            LOG.warn("guaranteed delete of {} dropped: {}", job.fullPath(), cause.toString());
          }
        });
  }

  private CompletableFuture<Void> deleteMatchingChildren(PaddockClient client, Job job) {
    return Failures.call(() -> client.getChildren(job.fullPath()))
        .thenCompose(
            children -> {
              List<CompletableFuture<Void>> deletes =
                  children.stream()
                      .filter(c -> c.startsWith(job.childPrefix()))
                      .map(
                          c -> ignoreNoNode(client.delete(ZnodePaths.child(job.fullPath(), c), -1)))
                      .toList();
              return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
            });
  }

  private static CompletableFuture<Void> ignoreNoNode(CompletableFuture<Void> f) {
    return f.exceptionallyCompose(
        e ->
            Failures.is(e, ErrorCode.NONODE)
                ? CompletableFuture.completedFuture(null)
                : Failures.failed(e));
  }

  private static boolean isTransient(ErrorCode code) {
    return code == ErrorCode.CONNECTIONLOSS
        || code == ErrorCode.OPERATIONTIMEOUT
        || code == ErrorCode.SESSIONEXPIRED
        || code == ErrorCode.SESSIONMOVED;
  }

  private void retryLater(Job job, int tries) {
    long delayMs =
        Math.min(
            FrameworkLimits.BACKGROUND_RETRY_DELAY_MS_MAX,
            FrameworkLimits.BACKGROUND_RETRY_DELAY_MS_MIN << Math.min(tries, 16));
    try {
      core.scheduler().schedule(() -> attempt(job, tries), delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      pending.remove(job);
    }
  }
}
