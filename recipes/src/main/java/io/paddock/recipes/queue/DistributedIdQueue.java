package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A distributed FIFO queue whose items carry ids (Curator's DistributedIdQueue), so queued items
 * can be removed by id. Nodes {@code <path>/queue-|<id>|<seq>}; ids need not be unique. A requeued
 * item keeps its id. Thread-safe.
 *
 * @param <T> the item type
 */
public final class DistributedIdQueue<T> implements QueueBase {
  private final QueueCore<T> core;

  DistributedIdQueue(QueueCore<T> core) {
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
   * Puts an item with an id, waiting as long as a bounded queue is full.
   *
   * @param id 1–200 characters without '|', '/' or NUL
   */
  public void put(T item, String id) throws PaddockException, InterruptedException {
    core.put(ItemNaming.id(id), List.of(item), Long.MAX_VALUE);
  }

  /**
   * Puts an item with an id, waiting at most {@code maxWait} for room.
   *
   * @return false if there was no room in time
   */
  public boolean put(T item, String id, long maxWait, TimeUnit unit)
      throws PaddockException, InterruptedException {
    return core.put(ItemNaming.id(id), List.of(item), QueueCore.deadline(maxWait, unit));
  }

  /**
   * Removes every queued item with the id (an item being delivered right now may still be
   * delivered; with a lock path its ack then finds it gone).
   *
   * @return how many items this call removed
   */
  public int remove(String id) throws PaddockException, InterruptedException {
    ItemNaming.checkId(id);
    return core.remove(name -> ItemNaming.idOf(name).equals(id));
  }

  /** The ids of the queued items, in delivery order. */
  public List<String> ids() throws PaddockException, InterruptedException {
    return core.itemNames().stream().map(ItemNaming::idOf).toList();
  }
}
