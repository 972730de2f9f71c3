package io.paddock.recipes.barriers;

import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.EventType;
import java.util.concurrent.TimeUnit;

/**
 * What one barrier wait waits for: any event of its watches (a change to look at, which the waiter
 * always re-checks: a wake-up proves nothing by itself), the creation of a node it names (a real
 * signal even if the node is gone again by the time the waiter looks), or a connection problem.
 */
final class BarrierSignal implements Watcher, ConnectionStateListener {
  private final String createdPath;
  private long generation;
  private boolean created;
  private boolean connectionProblem;

  /** A signal that remembers the creation of {@code createdPath} (null for none). */
  BarrierSignal(String createdPath) {
    this.createdPath = createdPath;
  }

  @Override
  public synchronized void process(WatchedEvent event) {
    if (event.type() == EventType.NODE_CREATED
        && event.path() != null
        && event.path().equals(createdPath)) {
      created = true;
    }
    generation++;
    notifyAll();
  }

  @Override
  public synchronized void stateChanged(PaddockFramework framework, ConnectionState newState) {
    if (newState == ConnectionState.SUSPENDED || newState == ConnectionState.LOST) {
      connectionProblem = true;
    }
    generation++;
    notifyAll();
  }

  /** The count of wake-ups so far: pass it to {@link #awaitChange}. */
  synchronized long generation() {
    return generation;
  }

  /** True once the named node was seen created. */
  synchronized boolean created() {
    return created;
  }

  /** True once the connection was suspended or lost during the wait. */
  synchronized boolean connectionProblem() {
    return connectionProblem;
  }

  /**
   * Waits until something happened after {@code seenGeneration} or the deadline passed.
   *
   * @param deadlineNanos a System.nanoTime deadline, or Long.MAX_VALUE for none
   * @return false if the deadline passed with nothing new
   */
  synchronized boolean awaitChange(long seenGeneration, long deadlineNanos)
      throws InterruptedException {
    while (generation == seenGeneration) {
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
