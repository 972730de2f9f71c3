package io.paddock.recipes.queue;

import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a queue's waiter when one of its watches fires (or it is poked): a counter of changes and a
 * monitor. A wake-up only means "look again".
 */
final class QueueSignal implements Watcher {
  private long generation;

  @Override
  public void process(WatchedEvent event) {
    wake();
  }

  /** Something may have changed. */
  synchronized void wake() {
    generation++;
    notifyAll();
  }

  /** The count of changes so far, to pass to {@link #awaitChange}. */
  synchronized long generation() {
    return generation;
  }

  /**
   * Waits until a change after {@code seen} or the deadline.
   *
   * @param deadlineNanos a System.nanoTime deadline, or Long.MAX_VALUE for none
   * @return false if the deadline passed first
   */
  synchronized boolean awaitChange(long seen, long deadlineNanos) throws InterruptedException {
    while (generation == seen) {
      if (deadlineNanos == Long.MAX_VALUE) {
        wait();
      } else {
        long leftNanos = deadlineNanos - System.nanoTime();
        if (leftNanos <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, leftNanos);
      }
    }
    return true;
  }

  /** A deadline for a wait of {@code time} (negative: none). */
  static long deadline(long time, TimeUnit unit) {
    if (time < 0) {
      return Long.MAX_VALUE;
    }
    long now = System.nanoTime();
    long nanos = unit.toNanos(time);
    return nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE - 1 : now + nanos;
  }
}
