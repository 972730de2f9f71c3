package io.paddock.client.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's event thread: runs watch events, state-change callbacks and future completions one
 * at a time, in the order they were posted, so a user callback sees the same order the wire had.
 *
 * <p>Posting never blocks: the I/O thread hands work over and goes on, so a blocking callback only
 * delays later callbacks. The queue has a hard capacity ({@link
 * ClientLimits#EVENT_QUEUE_CAPACITY}); the I/O thread keeps well below it by pausing socket reads
 * above {@link ClientLimits#EVENT_QUEUE_HIGH_WATER} and resuming when {@link #onDrained} fires at
 * the low-water mark. Exceeding the capacity is a broken invariant and throws.
 *
 * <p>After {@link #shutdownAfterDrain()} the thread runs what was queued and stops; work posted
 * later runs at once on the posting thread (there is no order left to keep).
 */
public final class EventDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
  private static final Runnable STOP = () -> {};

  private final LinkedBlockingQueue<Runnable> queue =
      new LinkedBlockingQueue<>(ClientLimits.EVENT_QUEUE_CAPACITY);
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Runnable> drainedSignal = new AtomicReference<>();
  private volatile boolean stopping;

  /** Starts the event thread from the factory. */
  public EventDispatcher(ThreadFactory threadFactory) {
    this.thread = threadFactory.newThread(this::run);
    if (thread == null) {
      throw new IllegalStateException("thread factory returned null");
    }
    thread.start();
  }

  /**
   * Queues work for the event thread (or runs it here once the dispatcher has stopped).
   *
   * @throws IllegalStateException when the queue is at its hard capacity
   */
  public void post(Runnable task) {
    if (stopping) {
      runSafely(task);
      return;
    }
    if (!queue.offer(task)) {
      throw new IllegalStateException(
          "event queue over its capacity " + ClientLimits.EVENT_QUEUE_CAPACITY);
    }
  }

  /** How many tasks wait. */
  public int size() {
    return queue.size();
  }

  /** True on the event thread itself. */
  public boolean isEventThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Arms a one-shot signal run (on the event thread) once the queue is down to the low-water mark.
   */
  public void onDrained(Runnable signal) {
    drainedSignal.set(signal);
  }

  /** Lets the thread finish what is queued, then stop. Idempotent. */
  public void shutdownAfterDrain() {
    if (!stopping) {
      queue.offer(STOP);
    }
  }

  /** Waits for the thread to stop; true if it did. */
  public boolean awaitTermination(long timeoutMs) throws InterruptedException {
    return stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      while (true) {
        Runnable task = queue.take();
        if (task == STOP) {
          stopping = true;
          drainLeftovers();
          return;
        }
        runSafely(task);
        signalIfDrained();
      }
    } catch (InterruptedException e) {
      stopping = true;
      drainLeftovers();
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
    }
  }

  private void drainLeftovers() {
    Runnable task;
    while ((task = queue.poll()) != null) {
      runSafely(task);
    }
  }

  private void signalIfDrained() {
    if (drainedSignal.get() != null && queue.size() <= ClientLimits.EVENT_QUEUE_LOW_WATER) {
      Runnable signal = drainedSignal.getAndSet(null);
      if (signal != null) {
        runSafely(signal);
      }
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("a client callback threw; ignored", e);
    }
  }
}
