package io.paddock.recipes.atomic;

import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryPolicy;
import io.paddock.recipes.locks.InterProcessMutex;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The compare-and-set loop over one node's bytes: read data and version, compute, write with that
 * version (create when the node is missing); a lost race is retried as the policy allows, then,
 * with a {@link PromotedToLock}, under the mutex. A connection failure of a versioned write is
 * thrown, not retried: the write may have happened, and only a re-read can tell.
 */
final class AtomicEngine {
  private final PaddockFramework framework;
  private final String path;
  private final RetryPolicy retryPolicy;
  private final PromotedToLock promotion;
  private final InterProcessMutex mutex;

  AtomicEngine(
      PaddockFramework framework, String path, RetryPolicy retryPolicy, PromotedToLock promotion) {
    this.framework = framework;
    this.path = path;
    this.retryPolicy = retryPolicy;
    this.promotion = promotion;
    this.mutex = promotion == null ? null : new InterProcessMutex(framework, promotion.lockPath());
  }

  String path() {
    return path;
  }

  /** The node's bytes, or null when it does not exist. */
  byte[] read() throws PaddockException, InterruptedException {
    try {
      return framework.getData().forPath(path);
    } catch (PaddockException.NoNodeException missing) {
      return null;
    }
  }

  /**
   * Writes {@code next.apply(current)} (current is null for a missing node) atomically, trying
   * optimistically, then promoted.
   */
  MutableAtomicValue<byte[]> trySet(UnaryOperator<byte[]> next)
      throws PaddockException, InterruptedException {
    MutableAtomicValue<byte[]> result = new MutableAtomicValue<>(null, null);
    long startNanos = System.nanoTime();
    tryOptimistic(result, next, startNanos);
    result.getStats().optimisticTime(elapsedMs(startNanos));
    if (!result.succeeded() && promotion != null) {
      long promotedStartNanos = System.nanoTime();
      tryPromoted(result, next, promotedStartNanos);
      result.getStats().promotedTime(elapsedMs(promotedStartNanos));
    }
    return result;
  }

  private void tryOptimistic(
      MutableAtomicValue<byte[]> result, UnaryOperator<byte[]> next, long startNanos)
      throws PaddockException, InterruptedException {
    for (int retries = 0; ; retries++) {
      result.getStats().optimisticTry();
      if (tryOnce(result, next)) {
        return;
      }
      if (!pause(retryPolicy, retries, startNanos)) {
        return;
      }
    }
  }

  private void tryPromoted(
      MutableAtomicValue<byte[]> result, UnaryOperator<byte[]> next, long startNanos)
      throws PaddockException, InterruptedException {
    if (!mutex.acquire(promotion.maxLockTimeMs(), TimeUnit.MILLISECONDS)) {
      return;
    }
    try {
      for (int retries = 0; ; retries++) {
        result.getStats().promotedTry();
        if (tryOnce(result, next)) {
          return;
        }
        if (!pause(promotion.retryPolicy(), retries, startNanos)) {
          return;
        }
      }
    } finally {
      mutex.release();
    }
  }

  /** One versioned attempt; false when another writer came first. */
  boolean tryOnce(MutableAtomicValue<byte[]> result, UnaryOperator<byte[]> next)
      throws PaddockException, InterruptedException {
    DataAndStat current = readWithStat();
    byte[] before = current == null ? null : current.data();
    byte[] after = next.apply(before);
    result.values(before, before);
    if (!write(current, after)) {
      return false;
    }
    result.values(before, after);
    result.succeeded(true);
    return true;
  }

  /**
   * One compare-and-set attempt: writes only if the node holds {@code expected} (null: missing).
   */
  MutableAtomicValue<byte[]> compareAndSet(byte[] expected, byte[] newValue)
      throws PaddockException, InterruptedException {
    MutableAtomicValue<byte[]> result = new MutableAtomicValue<>(null, null);
    long startNanos = System.nanoTime();
    result.getStats().optimisticTry();
    DataAndStat current = readWithStat();
    byte[] before = current == null ? null : current.data();
    result.values(before, before);
    if (Arrays.equals(before, expected) && write(current, newValue)) {
      result.values(before, newValue);
      result.succeeded(true);
    }
    result.getStats().optimisticTime(elapsedMs(startNanos));
    return result;
  }

  /** Writes unconditionally (create when missing). */
  void forceSet(byte[] value) throws PaddockException, InterruptedException {
    try {
      framework.setData().forPath(path, value);
    } catch (PaddockException.NoNodeException missing) {
      try {
        framework.create().creatingParentContainersIfNeeded().forPath(path, value);
      } catch (PaddockException.NodeExistsException raced) {
        framework.setData().forPath(path, value);
      }
    }
  }

  /** Creates the node with {@code value} if it is missing; false if it existed. */
  boolean initialize(byte[] value) throws PaddockException, InterruptedException {
    try {
      framework.create().creatingParentContainersIfNeeded().forPath(path, value);
      return true;
    } catch (PaddockException.NodeExistsException exists) {
      return false;
    }
  }

  /** Writes at the version read (creates when it was missing); false on a lost race. */
  private boolean write(DataAndStat current, byte[] after)
      throws PaddockException, InterruptedException {
    try {
      if (current == null) {
        framework.create().creatingParentContainersIfNeeded().forPath(path, after);
      } else {
        framework.setData().withVersion(current.stat().version()).forPath(path, after);
      }
      return true;
    } catch (PaddockException.NodeExistsException
        | PaddockException.BadVersionException
        | PaddockException.NoNodeException lostRace) {
      return false;
    }
  }

  private DataAndStat readWithStat() throws PaddockException, InterruptedException {
    try {
      return framework.getData().forPathWithStat(path);
    } catch (PaddockException.NoNodeException missing) {
      return null;
    }
  }

  /** Sleeps as the policy says; false when it allows no more retries. */
  private static boolean pause(RetryPolicy policy, int retries, long startNanos)
      throws InterruptedException {
    long delayMs = policy.retryDelayMs(retries, elapsedMs(startNanos));
    if (delayMs == RetryPolicy.STOP || delayMs < 0) {
      return false;
    }
    TimeUnit.MILLISECONDS.sleep(delayMs);
    return true;
  }

  private static long elapsedMs(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
