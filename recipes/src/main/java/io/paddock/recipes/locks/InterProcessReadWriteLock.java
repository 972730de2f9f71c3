package io.paddock.recipes.locks;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.recipes.internal.Sequences;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A read-write lock (Curator's InterProcessReadWriteLock): many readers or one writer, fair by
 * sequence. Both halves are reentrant per thread and share one path; nodes are named {@code
 * __READ__} and {@code __WRIT__} (same length) and ordered by sequence alone.
 *
 * <p>A writer waits for its predecessor, whatever it is. A reader is granted when no write node
 * precedes it, and otherwise watches the first write node before it (readers queued behind one
 * writer all wake together: they may all proceed, so it is no herd).
 *
 * <p><b>Downgrade</b> is allowed: a thread holding the write lock may take the read lock, then
 * release the write lock. Its read node is then created non-sequentially under the writer's
 * sequence number, so it sorts with the writer's node and ahead of any writer that queued
 * meanwhile. <b>Upgrade</b> (read, then write) never succeeds: the write node waits for the
 * thread's own read node; use a timed acquire.
 */
public final class InterProcessReadWriteLock {
  /** The name of read nodes. */
  public static final String READ_LOCK_NAME = "__READ__";

  /** The name of write nodes (as long as the read name, on purpose). */
  public static final String WRITE_LOCK_NAME = "__WRIT__";

  private final InterProcessMutex writeMutex;
  private final InterProcessMutex readMutex;

  /**
   * A lock on a path.
   *
   * @param framework the framework (its namespace applies)
   * @param path the lock's path
   */
  public InterProcessReadWriteLock(PaddockFramework framework, String path) {
    this.writeMutex = new InterProcessMutex(framework, path, WRITE_LOCK_NAME, new WriteDriver());
    this.readMutex = new ReadMutex(framework, path);
  }

  /** The read half. */
  public InterProcessMutex readLock() {
    return readMutex;
  }

  /** The write half. */
  public InterProcessMutex writeLock() {
    return writeMutex;
  }

  private static boolean isParticipantName(String name) {
    return (name.contains(READ_LOCK_NAME) || name.contains(WRITE_LOCK_NAME))
        && Sequences.isSequential(name);
  }

  /**
   * What both halves' drivers share: readers' and writers' nodes take part, and a waiter always
   * lists again (a downgrade's read node is created with the writer's sequence, ahead of waiters).
   */
  private abstract static class LockDriver implements ContestDriver {
    @Override
    public boolean isParticipant(String childName) {
      return isParticipantName(childName);
    }

    @Override
    public boolean newNodesSortLast() {
      return false;
    }
  }

  /** A writer holds when first; otherwise it watches its predecessor. */
  private static final class WriteDriver extends LockDriver {
    @Override
    public Decision decide(List<String> sorted, int ourIndex) {
      return ourIndex == 0 ? Decision.grant() : Decision.waitFor(sorted.get(ourIndex - 1));
    }
  }

  /** A reader holds unless a write node precedes it; then it watches the first such node. */
  private static final class ReadDriver extends LockDriver {
    @Override
    public Decision decide(List<String> sorted, int ourIndex) {
      long ourSequence = Sequences.sequence(sorted.get(ourIndex));
      for (int i = 0; i < ourIndex; i++) {
        String node = sorted.get(i);
        // a writer at our own sequence is our thread's (downgrade): it does not block us
        if (node.contains(WRITE_LOCK_NAME) && Sequences.sequence(node) < ourSequence) {
          return Decision.waitFor(node);
        }
      }
      return Decision.grant();
    }
  }

  /** The read half: while its thread holds the write lock, its node sorts with the writer's. */
  private final class ReadMutex extends InterProcessMutex {
    ReadMutex(PaddockFramework framework, String path) {
      super(framework, path, READ_LOCK_NAME, new ReadDriver());
    }

    @Override
    Grant attempt(long timeNanos) throws PaddockException, InterruptedException {
      if (!writeMutex.isOwnedByCurrentThread()) {
        return super.attempt(timeNanos);
      }
      String writerName = ZnodePaths.name(writeMutex.grant().path());
      String sequence = writerName.substring(writerName.length() - Sequences.SEQUENCE_DIGITS);
      LockInternals internals = internals();
      return internals.attemptLock(timeNanos, () -> createDowngradeNode(internals, sequence));
    }

    private CompletableFuture<CreateResult> createDowngradeNode(
        LockInternals internals, String writerSequence) {
      return internals
          .framework()
          .create()
          .creatingParentContainersIfNeeded()
          .withProtection()
          .withMode(CreateMode.EPHEMERAL)
          .forPathWithStatAsync(
              ZnodePaths.child(internals.basePath(), READ_LOCK_NAME + writerSequence), null)
          .toCompletableFuture();
    }
  }
}
