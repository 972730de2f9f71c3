package io.paddock.recipes.locks;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryPolicy;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.recipes.internal.ParticipantNode;
import io.paddock.recipes.internal.Participants;
import io.paddock.recipes.internal.SequentialContest;
import io.paddock.store.model.ErrorCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The lock engine under every lock of this package: create our node, wait for the contest to grant
 * it, and clean up. A timed-out, interrupted or failed attempt deletes its node (guaranteed) before
 * it returns. When our node vanishes while we wait (the session expired), the whole attempt starts
 * again as the retry policy allows.
 */
final class LockInternals {
  private final WatcherRemovingFramework framework;
  private final String basePath;
  private final String lockName;
  private final ContestDriver driver;
  private final SequentialContest contest;
  private volatile byte[] nodeData;

  LockInternals(
      PaddockFramework framework, String basePath, String lockName, ContestDriver driver) {
    this.framework = framework.newWatcherRemovingFramework();
    this.basePath = basePath;
    this.lockName = lockName;
    this.driver = driver;
    this.contest = new SequentialContest(this.framework, basePath, driver);
  }

  WatcherRemovingFramework framework() {
    return framework;
  }

  String basePath() {
    return basePath;
  }

  /** Data stored in the nodes of later attempts (null for none). */
  void setNodeData(byte[] data) {
    this.nodeData = data == null ? null : data.clone();
  }

  /**
   * One attempt with our node created the standard way.
   *
   * @param timeNanos how long to wait, or negative for no limit
   * @return the grant, or null when the time ran out
   */
  Grant attemptLock(long timeNanos) throws PaddockException, InterruptedException {
    return attemptLock(timeNanos, () -> contest.enter(lockName, nodeData));
  }

  /**
   * One attempt whose node comes from {@code creator} (the read lock of a writer makes its own).
   */
  Grant attemptLock(long timeNanos, Supplier<CompletableFuture<CreateResult>> creator)
      throws PaddockException, InterruptedException {
    long startNanos = System.nanoTime();
    long deadlineNanos = timeNanos < 0 ? Long.MAX_VALUE : startNanos + timeNanos;
    RetryPolicy policy = framework.retryPolicy();
    for (int retries = 0; ; retries++) {
      CreateResult ours = create(creator);
      try {
        boolean granted = await(contest, ours.path(), deadlineNanos);
        if (granted) {
          return new Grant(ours.path(), ours.stat().czxid(), ours.stat().version());
        }
        deleteOurNode(ours.path());
        return null;
      } catch (PaddockException e) {
        deleteOurNode(ours.path());
        if (e.code() != ErrorCode.NONODE) {
          throw e;
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        long delayMs = policy.retryDelayMs(retries, elapsedMs);
        if (delayMs < 0 || System.nanoTime() - deadlineNanos >= 0) {
          throw e; // our node vanished (session expired) and the policy gives up
        }
        TimeUnit.MILLISECONDS.sleep(delayMs);
      } catch (InterruptedException | RuntimeException e) {
        deleteOurNode(ours.path());
        throw e;
      }
    }
  }

  /** Creates our node; when interrupted meanwhile, the node is deleted once the create lands. */
  private CreateResult create(Supplier<CompletableFuture<CreateResult>> creator)
      throws PaddockException, InterruptedException {
    CompletableFuture<CreateResult> created = creator.get();
    try {
      return Blocking.await(created);
    } catch (InterruptedException e) {
      created.thenAccept(r -> deleteOurNode(r.path()));
      throw e;
    }
  }

  /** Waits for our turn; an interrupt ends the contest's wait and is rethrown. */
  private static boolean await(SequentialContest contest, String ourPath, long deadlineNanos)
      throws PaddockException, InterruptedException {
    CompletableFuture<Void> cancel = new CompletableFuture<>();
    CompletableFuture<Boolean> turn = contest.awaitTurn(ourPath, deadlineNanos, cancel);
    try {
      return turn.get();
    } catch (InterruptedException e) {
      cancel.complete(null);
      throw e;
    } catch (ExecutionException e) {
      throw Blocking.rethrow(e);
    }
  }

  /** Releases a grant: its node is deleted (guaranteed; gone already is fine). */
  void releaseLock(Grant grant) throws PaddockException, InterruptedException {
    Blocking.await(framework.delete().guaranteed().quietly().forPathAsync(grant.path()));
  }

  private void deleteOurNode(String path) {
    framework.delete().guaranteed().quietly().forPathAsync(path);
  }

  /** The nodes of the contest in sequence order (the holders first). */
  List<String> participantNodes() throws PaddockException, InterruptedException {
    List<ParticipantNode> nodes = Blocking.await(Participants.list(framework, basePath, driver));
    return nodes.stream().map(ParticipantNode::path).toList();
  }
}
