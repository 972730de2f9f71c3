package io.paddock.recipes.queue;

import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue's consumer thread: list the items (with a children watch), deliver them in order, wait
 * for a change (or the next due time of a delay queue), again until stopped.
 *
 * <p>At-most-once: read the item, delete it at the version read (only one consumer wins), then hand
 * it over. At-least-once (lock path): take the item's lock (an ephemeral node holding this loop's
 * token; a lock of ours left over by a lost reply is adopted, anybody else's is watched), count the
 * delivery in the item with a versioned write, hand it over, then ack (delete at that version) or
 * nack (requeue, drop or dead-letter at that version). Every ack and nack is fenced by the version:
 * if the item was redelivered elsewhere meanwhile (our session died), ours does nothing.
 */
final class ConsumerLoop<T> implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);

  /** Pause after an unexpected failure (the connection is down, say) before looking again. */
  static final long ERROR_BACKOFF_MS = 1_000;

  private final QueueSettings<T> settings;
  private final ItemNaming naming;
  private final WatcherRemovingFramework framework;
  private final QueueSignal signal = new QueueSignal();
  private final byte[] lockToken = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
  private volatile boolean running = true;

  ConsumerLoop(QueueSettings<T> settings, ItemNaming naming, WatcherRemovingFramework framework) {
    this.settings = settings;
    this.naming = naming;
    this.framework = framework;
  }

  void stop() {
    running = false;
    signal.wake();
  }

  void onStateChanged(PaddockFramework fw, ConnectionState state) {
    try {
      settings.stateListener().stateChanged(fw, state);
    } catch (RuntimeException e) {
      LOG.warn("the consumer of {} failed on state {}", settings.queuePath(), state, e);
    }
    if (state.isConnected()) {
      signal.wake(); // a new session has none of our watches: look again
    }
  }

  @Override
  public void run() {
    while (running) {
      try {
        pass();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!running) {
          return;
        }
        LOG.warn("the consumer of {} failed; looking again soon", settings.queuePath(), e);
        try {
          signal.awaitChange(
              signal.generation(), QueueSignal.deadline(ERROR_BACKOFF_MS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** One look at the queue: deliver what is due, then wait for a change unless we made progress. */
  private void pass() throws PaddockException, InterruptedException {
    long seen = signal.generation();
    long nextDueMs = Long.MAX_VALUE;
    boolean progressed = false;
    for (String name : list()) {
      if (!running) {
        return;
      }
      long dueMs = naming.dueEpochMs(name);
      if (dueMs > System.currentTimeMillis()) {
        nextDueMs = dueMs; // items are in due order: the rest are later still
        break;
      }
      progressed |= settings.lockSafe() ? deliverLocked(name) : deliverOnce(name);
      if (naming.refreshOnChange() && signal.generation() != seen) {
        return; // an item added meanwhile may come first
      }
    }
    if (!progressed) {
      long deadline = Long.MAX_VALUE;
      if (nextDueMs != Long.MAX_VALUE) {
        long waitMs = Math.max(1, nextDueMs - System.currentTimeMillis());
        deadline = QueueSignal.deadline(waitMs, TimeUnit.MILLISECONDS);
      }
      signal.awaitChange(seen, deadline);
    }
  }

  private List<String> list() throws PaddockException, InterruptedException {
    try {
      return naming.sorted(
          framework.getChildren().usingWatcher(signal).forPath(settings.queuePath()));
    } catch (PaddockException.NoNodeException missing) {
      // no queue node yet (or reaped once empty): wait for its creation
      if (framework.checkExists().usingWatcher(signal).forPath(settings.queuePath()) != null) {
        signal.wake();
      }
      return List.of();
    }
  }

  private String itemPath(String name) {
    return ZnodePaths.child(settings.queuePath(), name);
  }

  /** At-most-once: delete at the version read, then deliver; false if another consumer won. */
  private boolean deliverOnce(String name) throws PaddockException, InterruptedException {
    DataAndStat read = read(itemPath(name));
    if (read == null) {
      return false;
    }
    try {
      framework.delete().withVersion(read.stat().version()).forPath(itemPath(name));
    } catch (PaddockException.NoNodeException | PaddockException.BadVersionException lost) {
      return false;
    }
    try {
      T item = settings.serializer().deserialize(ItemEnvelope.decode(read.data()).payload());
      settings.consumer().consumeMessage(item);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      LOG.warn("item {} of {} failed and is lost (at-most-once)", name, settings.queuePath(), e);
    }
    return true;
  }

  /** At-least-once: deliver under the item's lock; false if it is not ours to deliver now. */
  private boolean deliverLocked(String name) throws PaddockException, InterruptedException {
    String lockNode = ZnodePaths.child(settings.lockPath(), name);
    if (!lock(lockNode)) {
      return false;
    }
    try {
      return deliverUnderLock(name);
    } finally {
      framework.delete().guaranteed().quietly().forPathAsync(lockNode);
    }
  }

  /** Takes the item's lock; a lock held by another consumer is watched until it goes. */
  private boolean lock(String lockNode) throws PaddockException, InterruptedException {
    try {
      framework
          .create()
          .creatingParentContainersIfNeeded()
          .withMode(CreateMode.EPHEMERAL)
          .forPath(lockNode, lockToken);
      return true;
    } catch (PaddockException.NodeExistsException held) {
      DataAndStat holder = null;
      try {
        holder = framework.getData().usingWatcher(signal).forPathWithStat(lockNode);
      } catch (PaddockException.NoNodeException released) {
        signal.wake();
      }
      // our own lock, left by a create whose reply was lost, is ours to use
      return holder != null
          && Arrays.equals(holder.data(), lockToken)
          && holder.stat().ephemeralOwner() == framework.client().sessionId();
    }
  }

  private boolean deliverUnderLock(String name) throws PaddockException, InterruptedException {
    String path = itemPath(name);
    DataAndStat read = read(path);
    if (read == null) {
      return false;
    }
    ItemEnvelope envelope;
    try {
      envelope = ItemEnvelope.decode(read.data());
    } catch (IllegalArgumentException corrupt) {
      LOG.warn("item {} of {} is not a queue item", name, settings.queuePath(), corrupt);
      discard(name, read.stat().version(), new ItemEnvelope(0, read.data()));
      return true;
    }
    if (settings.deadLettering() && envelope.deliveries() >= settings.maxDeliveries()) {
      deadLetter(name, read.stat().version(), envelope); // its last delivery died with a consumer
      return true;
    }
    ItemEnvelope delivering = envelope.delivered();
    Stat counted;
    try {
      counted =
          framework.setData().withVersion(read.stat().version()).forPath(path, delivering.encode());
    } catch (PaddockException.NoNodeException | PaddockException.BadVersionException lost) {
      return false;
    }
    int version = counted.version();
    T item;
    try {
      item = settings.serializer().deserialize(delivering.payload());
    } catch (RuntimeException unreadable) {
      LOG.warn("item {} of {} cannot be deserialized", name, settings.queuePath(), unreadable);
      reject(name, version, delivering);
      return true;
    }
    LockedDelivery<T> delivery =
        new LockedDelivery<>(
            item,
            delivering.deliveries(),
            () -> fenced(name, () -> framework.delete().withVersion(version).forPath(path)),
            () -> reject(name, version, delivering));
    hand(name, delivery);
    return true;
  }

  /** Hands a delivery to the consumer; an unsettled delivery is nacked (or left, when closing). */
  private void hand(String name, LockedDelivery<T> delivery)
      throws PaddockException, InterruptedException {
    try {
      if (settings.acknowledging() != null) {
        settings.acknowledging().consume(delivery);
      } else {
        settings.consumer().consumeMessage(delivery.item());
        delivery.ack();
      }
    } catch (Exception e) {
      if (!running && !delivery.isSettled()) {
        return; // closing: the item stays, its delivery counted, for the next consumer
      }
      LOG.warn(
          "delivery {} of item {} of {} failed",
          delivery.deliveryCount(),
          name,
          settings.queuePath(),
          e);
    }
    if (!delivery.isSettled() && running) {
      if (settings.acknowledging() != null) {
        LOG.warn(
            "delivery {} of item {} of {} ended unsettled: nacked",
            delivery.deliveryCount(),
            name,
            settings.queuePath());
      }
      delivery.nack();
    }
  }

  /** A nack: dead-letter after the last allowed delivery, else requeue or delete per the mode. */
  private boolean reject(String name, int version, ItemEnvelope envelope)
      throws PaddockException, InterruptedException {
    if (settings.deadLettering() && envelope.deliveries() >= settings.maxDeliveries()) {
      return deadLetter(name, version, envelope);
    } else if (settings.errorMode() == ErrorMode.REQUEUE) {
      String tail = ZnodePaths.child(settings.queuePath(), ItemNaming.requeuePrefix(name));
      return fenced(
          name,
          () ->
              framework
                  .transaction()
                  .delete(itemPath(name), version)
                  .create(tail, envelope.encode(), CreateMode.PERSISTENT_SEQUENTIAL)
                  .commit());
    } else {
      return fenced(name, () -> framework.delete().withVersion(version).forPath(itemPath(name)));
    }
  }

  /** Dead-letters an item that cannot be read, or drops it without a dead-letter path. */
  private void discard(String name, int version, ItemEnvelope envelope)
      throws PaddockException, InterruptedException {
    if (settings.deadLetterPath() != null) {
      deadLetter(name, version, envelope);
    } else {
      fenced(name, () -> framework.delete().withVersion(version).forPath(itemPath(name)));
    }
  }

  /** Moves an item to the dead-letter path (a FIFO queue there), its delivery count reset. */
  private boolean deadLetter(String name, int version, ItemEnvelope envelope)
      throws PaddockException, InterruptedException {
    String deadLetterPath = settings.deadLetterPath();
    try {
      framework.create().creatingParentContainersIfNeeded().forPath(deadLetterPath);
    } catch (PaddockException.NodeExistsException exists) {
      // the usual case
    }
    String letter = ZnodePaths.child(deadLetterPath, ItemNaming.fifo());
    LOG.warn(
        "item {} of {} goes to {} after {} deliveries",
        name,
        settings.queuePath(),
        deadLetterPath,
        envelope.deliveries());
    return fenced(
        name,
        () ->
            framework
                .transaction()
                .delete(itemPath(name), version)
                .create(
                    letter,
                    ItemEnvelope.fresh(envelope.payload()).encode(),
                    CreateMode.PERSISTENT_SEQUENTIAL)
                .commit());
  }

  /** A write that acts on the item only at the version we wrote. */
  @FunctionalInterface
  private interface FencedWrite {
    void run() throws PaddockException, InterruptedException;
  }

  /** Runs a fenced write; a version or existence mismatch means another consumer took over. */
  private boolean fenced(String name, FencedWrite write)
      throws PaddockException, InterruptedException {
    try {
      write.run();
      return true;
    } catch (PaddockException e) {
      if (e.code() != ErrorCode.BADVERSION && e.code() != ErrorCode.NONODE) {
        throw e;
      }
      LOG.info(
          "item {} of {} was redelivered elsewhere: this outcome is void",
          name,
          settings.queuePath());
      return false;
    }
  }

  private DataAndStat read(String path) throws PaddockException, InterruptedException {
    try {
      return framework.getData().forPathWithStat(path);
    } catch (PaddockException.NoNodeException gone) {
      return null;
    }
  }
}
