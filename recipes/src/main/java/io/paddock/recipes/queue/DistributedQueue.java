package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A distributed FIFO queue (Curator's DistributedQueue): items in {@code <path>/queue-<seq>}
 * (PERSISTENT_SEQUENTIAL, protected single puts), delivered to the consumer in sequence order —
 * FIFO as long as there is one consumer (several consumers never get the same item, but
 * interleave). Delivery semantics and options: see {@link QueueBuilder} and the package
 * documentation. Thread-safe.
 *
 * @param <T> the item type
 */
public final class DistributedQueue<T> implements QueueBase {
  private final QueueCore<T> core;

  DistributedQueue(QueueCore<T> core) {
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

  /** Puts an item, waiting as long as a bounded queue is full. */
  public void put(T item) throws PaddockException, InterruptedException {
    core.put(ItemNaming.fifo(), List.of(item), Long.MAX_VALUE);
  }

  /**
   * Puts an item, waiting at most {@code maxWait} for room in a bounded queue.
   *
   * @return false if there was no room in time
   */
  public boolean put(T item, long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    return core.put(ItemNaming.fifo(), List.of(item), QueueCore.deadline(maxWait, unit));
  }

  /**
   * Puts several items atomically (one transaction; all or none), in list order, each its own node
   * and delivery. At most {@link io.paddock.client.Ops#OPS_MAX} items.
   */
  public void putMulti(List<T> items) throws PaddockException, InterruptedException {
    core.put(ItemNaming.fifo(), List.copyOf(items), Long.MAX_VALUE);
  }

  /**
   * As {@link #putMulti(List)}, waiting at most {@code maxWait} for room.
   *
   * @return false if there was no room in time
   */
  public boolean putMulti(List<T> items, long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    return core.put(ItemNaming.fifo(), List.copyOf(items), QueueCore.deadline(maxWait, unit));
  }
}
