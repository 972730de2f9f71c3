package io.paddock.recipes.queue;

import io.paddock.client.Ops;
import io.paddock.client.PaddockException;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.TransactionBuilder;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every kind of distributed queue shares: the lifecycle, puts (single, batched, bounded), the
 * consumer thread, connection states, and listing and removing items.
 */
final class QueueCore<T> {
  private static final Logger LOG = LoggerFactory.getLogger(QueueCore.class);

  /** Attempts of a batched put whose container parent was reaped between ensure and commit. */
  static final int PUT_MULTI_ATTEMPTS_MAX = 3;

  /** How long close waits for the consumer thread to stop. */
  static final long CLOSE_WAIT_MS = 10_000;

  private final QueueSettings<T> settings;
  private final ItemNaming naming;
  private final WatcherRemovingFramework framework;
  private final Lifecycle lifecycle = new Lifecycle("the queue");
  private final QueueSignal roomSignal = new QueueSignal();
  private final ConnectionStateListener stateListener = this::onStateChanged;
  private ConsumerLoop<T> loop;
  private Thread consumerThread;

  QueueCore(QueueSettings<T> settings, ItemNaming naming) {
    this.settings = settings;
    this.naming = naming;
    this.framework = settings.framework().newWatcherRemovingFramework();
  }

  String path() {
    return settings.queuePath();
  }

  void start() {
    lifecycle.start();
    framework.addConnectionStateListener(stateListener);
    if (settings.consumes()) {
      loop = new ConsumerLoop<>(settings, naming, framework);
      consumerThread = settings.threadFactory().newThread(loop);
      consumerThread.start();
    }
  }

  void close() {
    if (!lifecycle.close()) {
      return;
    }
    framework.removeConnectionStateListener(stateListener);
    if (loop != null) {
      loop.stop();
      consumerThread.interrupt();
      try {
        consumerThread.join(CLOSE_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (consumerThread.isAlive()) {
        LOG.warn("the consumer of {} did not stop within {} ms", path(), CLOSE_WAIT_MS);
      }
    }
    framework.removeWatchers();
    roomSignal.wake();
  }

  private void onStateChanged(PaddockFramework fw, ConnectionState state) {
    if (loop != null) {
      loop.onStateChanged(fw, state);
    }
  }

  /**
   * Puts items, each in a node named {@code prefix} + sequence; several in one transaction.
   *
   * @param deadlineNanos when to give up waiting for room in a bounded queue
   * @return false if a bounded queue had no room in time
   */
  boolean put(String prefix, List<T> items, long deadlineNanos)
      throws PaddockException, InterruptedException {
    lifecycle.checkStarted();
    if (items.isEmpty()) {
      return true;
    }
    if (items.size() > Ops.OPS_MAX) {
      throw new IllegalArgumentException("a batch holds at most " + Ops.OPS_MAX + " items");
    }
    List<byte[]> nodes = new ArrayList<>(items.size());
    for (T item : items) {
      nodes.add(ItemEnvelope.fresh(settings.serializer().serialize(item)).encode());
    }
    if (settings.maxItems() > 0 && !awaitRoom(items.size(), deadlineNanos)) {
      return false;
    }
    String itemPath = ZnodePaths.child(path(), prefix);
    if (nodes.size() == 1) {
      framework
          .create()
          .creatingParentContainersIfNeeded()
          .withProtection()
          .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
          .forPath(itemPath, nodes.get(0));
      return true;
    }
    putBatch(itemPath, nodes);
    return true;
  }

  /** Creates every node in one transaction, the container parent made first. */
  private void putBatch(String itemPath, List<byte[]> nodes)
      throws PaddockException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      ensureQueuePath();
      TransactionBuilder tx = framework.transaction();
      for (byte[] node : nodes) {
        tx.create(itemPath, node, CreateMode.PERSISTENT_SEQUENTIAL);
      }
      try {
        tx.commit();
        return;
      } catch (PaddockException.NoNodeException reaped) {
        if (attempt >= PUT_MULTI_ATTEMPTS_MAX) {
          throw reaped;
        }
      }
    }
  }

  private void ensureQueuePath() throws PaddockException, InterruptedException {
    try {
      framework
          .create()
          .creatingParentContainersIfNeeded()
          .withMode(CreateMode.CONTAINER)
          .forPath(path());
    } catch (PaddockException.NodeExistsException exists) {
      // the usual case
    }
  }

  /** Waits until {@code count} more items fit (an empty queue takes any batch). */
  private boolean awaitRoom(int count, long deadlineNanos)
      throws PaddockException, InterruptedException {
    while (true) {
      long seen = roomSignal.generation();
      int queued;
      try {
        queued = framework.getChildren().usingWatcher(roomSignal).forPath(path()).size();
      } catch (PaddockException.NoNodeException empty) {
        queued = 0;
      }
      if (queued == 0 || queued + count <= settings.maxItems()) {
        return true;
      }
      if (!lifecycle.isStarted() || !roomSignal.awaitChange(seen, deadlineNanos)) {
        return false;
      }
    }
  }

  /** The item names now queued, in delivery order (as the server has them, prefixes kept). */
  List<String> itemNames() throws PaddockException, InterruptedException {
    try {
      return naming.sorted(framework.getChildren().forPath(path()));
    } catch (PaddockException.NoNodeException empty) {
      return List.of();
    }
  }

  /** Deletes the items whose names match; returns how many this call deleted. */
  int remove(Predicate<String> which) throws PaddockException, InterruptedException {
    lifecycle.checkStarted();
    int removed = 0;
    for (String name : itemNames()) {
      if (which.test(name)) {
        try {
          framework.delete().forPath(ZnodePaths.child(path(), name));
          removed++;
        } catch (PaddockException.NoNodeException taken) {
          // consumed or removed meanwhile
        }
      }
    }
    return removed;
  }

  /** Deadline helper for the public wrappers. */
  static long deadline(long time, TimeUnit unit) {
    return QueueSignal.deadline(time, unit);
  }
}
