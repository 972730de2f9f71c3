package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A distributed delay queue (Curator's DistributedDelayQueue): each item is delivered once its due
 * time (epoch ms, by the consumer's clock) has passed, earliest first. Nodes {@code
 * <path>/queue-<16 hex due>-<seq>}. The consumer sleeps until the earliest due time or a change, so
 * an item put late with an earlier due time is not held up. Clocks of producers and consumers
 * should agree roughly. Thread-safe.
 *
 * @param <T> the item type
 */
public final class DistributedDelayQueue<T> implements QueueBase {
  private final QueueCore<T> core;

  DistributedDelayQueue(QueueCore<T> core) {
    this.core = core;
  }

  @Override
  public void start() {
    core.start();
  }

  @Override
  public void close() {
    core.close();
  }

  @Override
  public String path() {
    return core.path();
  }

  @Override
  public int itemCount() throws PaddockException, InterruptedException {
    return core.itemNames().size();
  }

  /**
   * Puts an item due at an epoch time, waiting as long as a bounded queue is full.
   *
   * @param dueEpochMs when to deliver it (ms since the epoch, ≥ 0; the past means now)
   */
  public void put(T item, long dueEpochMs) throws PaddockException, InterruptedException {
    core.put(ItemNaming.delay(dueEpochMs), List.of(item), Long.MAX_VALUE);
  }

  /**
   * Puts an item due at an epoch time, waiting at most {@code maxWait} for room.
   *
   * @return false if there was no room in time
   */
  public boolean put(T item, long dueEpochMs, long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    return core.put(ItemNaming.delay(dueEpochMs), List.of(item), QueueCore.deadline(maxWait, unit));
  }

  /** Puts several items due at one time, atomically. */
  public void putMulti(List<T> items, long dueEpochMs)
      throws PaddockException, InterruptedException {
    core.put(ItemNaming.delay(dueEpochMs), List.copyOf(items), Long.MAX_VALUE);
  }
}
