package io.paddock.recipes.queue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.Sequences;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * ZooKeeper's own queue recipe (and Curator's SimpleDistributedQueue), data-compatible with both:
 * items are raw bytes in {@code <path>/qn-<seq>} (PERSISTENT_SEQUENTIAL), the head is the lowest
 * sequence, and a taker deletes the head it read — when another taker deleted it first, it tries
 * the next. Delivery is at-most-once. Other children of the path are ignored.
 *
 * <p>The path is a container (gone once empty); a waiting {@link #take()} waits for it to come
 * back. Each blocking call sets its own watches and removes them before it returns. No lifecycle.
 * Thread-safe.
 */
public final class SimpleDistributedQueue {
  /** The name prefix of items, as in ZooKeeper's recipe. */
  public static final String ITEM_PREFIX = "qn-";

  private final PaddockFramework framework;
  private final String path;

  /**
   * A queue on a path.
   *
   * @param framework the framework (its namespace applies)
   * @param path the queue's node
   */
  public SimpleDistributedQueue(PaddockFramework framework, String path) {
    ZnodePaths.validate(framework.fullPath(path));
    this.framework = framework;
    this.path = path;
  }

  /** Adds an item at the tail; always true (the queue is unbounded). */
  public boolean offer(byte[] data) throws PaddockException, InterruptedException {
    framework
        .create()
        .creatingParentContainersIfNeeded()
        .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
        .forPath(ZnodePaths.child(path, ITEM_PREFIX), data);
    return true;
  }

  /** The head's data without removing it, or null when empty. */
  public byte[] peek() throws PaddockException, InterruptedException {
    for (String name : items(framework)) {
      try {
        return framework.getData().forPath(ZnodePaths.child(path, name));
      } catch (PaddockException.NoNodeException taken) {
        // taken meanwhile: the next one is the head
      }
    }
    return null;
  }

  /**
   * The head's data without removing it.
   *
   * @throws NoSuchElementException when empty
   */
  public byte[] element() throws PaddockException, InterruptedException {
    byte[] head = peek();
    if (head == null) {
      throw new NoSuchElementException("the queue " + path + " is empty");
    }
    return head;
  }

  /** Removes the head and returns its data, or null when empty. */
  public byte[] poll() throws PaddockException, InterruptedException {
    return takeHead(items(framework));
  }

  /**
   * Removes the head and returns its data.
   *
   * @throws NoSuchElementException when empty
   */
  public byte[] remove() throws PaddockException, InterruptedException {
    byte[] head = poll();
    if (head == null) {
      throw new NoSuchElementException("the queue " + path + " is empty");
    }
    return head;
  }

  /** Removes the head, waiting as long as it takes for one. */
  public byte[] take() throws PaddockException, InterruptedException {
    return poll(-1, TimeUnit.MILLISECONDS);
  }

  /**
   * Removes the head, waiting at most {@code timeout} for one.
   *
   * @param timeout negative for no limit
   * @return the head's data, or null if none came in time
   */
  public byte[] poll(long timeout, TimeUnit unit) throws PaddockException, InterruptedException {
    long deadlineNanos = QueueSignal.deadline(timeout, unit);
    WatcherRemovingFramework watching = framework.newWatcherRemovingFramework();
    QueueSignal signal = new QueueSignal();
    try {
      while (true) {
        long seen = signal.generation();
        List<String> items;
        try {
          items = sorted(watching.getChildren().usingWatcher(signal).forPath(path));
        } catch (PaddockException.NoNodeException missing) {
          if (watching.checkExists().usingWatcher(signal).forPath(path) != null) {
            continue; // created meanwhile
          }
          items = List.of();
        }
        byte[] head = takeHead(items);
        if (head != null) {
          return head;
        }
        if (!signal.awaitChange(seen, deadlineNanos)) {
          return null;
        }
      }
    } finally {
      watching.removeWatchers();
    }
  }

  /** Reads and deletes the first item that is still there, or null. */
  private byte[] takeHead(List<String> items) throws PaddockException, InterruptedException {
    for (String name : items) {
      String itemPath = ZnodePaths.child(path, name);
      try {
        byte[] data = framework.getData().forPath(itemPath);
        framework.delete().forPath(itemPath);
        return data;
      } catch (PaddockException.NoNodeException taken) {
        // another taker won this one: try the next
      }
    }
    return null;
  }

  private List<String> items(PaddockFramework fw) throws PaddockException, InterruptedException {
    try {
      return sorted(fw.getChildren().forPath(path));
    } catch (PaddockException.NoNodeException missing) {
      return List.of();
    }
  }

  private static List<String> sorted(List<String> children) {
    return children.stream()
        .filter(name -> name.startsWith(ITEM_PREFIX) && Sequences.isSequential(name))
        .sorted(Sequences.BY_SEQUENCE)
        .toList();
  }

  /** The queue's path. */
  public String path() {
    return path;
  }
}
