package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A distributed priority queue (Curator's DistributedPriorityQueue): lower priority values are
 * delivered first, equal ones in put order. Nodes {@code <path>/queue-<8 hex>-<seq>}. The consumer
 * looks at the queue again after each item when it changed, so an item put late with a better
 * priority goes before the rest. Thread-safe.
 *
 * @param <T> the item type
 */
public final class DistributedPriorityQueue<T> implements QueueBase {
  private final QueueCore<T> core;

  DistributedPriorityQueue(QueueCore<T> core) {
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

  /** Puts an item with a priority (lower first), waiting as long as a bounded queue is full. */
  public void put(T item, int priority) throws PaddockException, InterruptedException {
    core.put(ItemNaming.priority(priority), List.of(item), Long.MAX_VALUE);
  }

  /**
   * Puts an item with a priority, waiting at most {@code maxWait} for room.
   *
   * @return false if there was no room in time
   */
  public boolean put(T item, int priority, long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    return core.put(
        ItemNaming.priority(priority), List.of(item), QueueCore.deadline(maxWait, unit));
  }

  /** Puts several items of one priority atomically. */
  public void putMulti(List<T> items, int priority) throws PaddockException, InterruptedException {
    core.put(ItemNaming.priority(priority), List.copyOf(items), Long.MAX_VALUE);
  }
}
