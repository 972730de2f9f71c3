package io.paddock.server.core;

import io.paddock.store.db.ZnodeDatabase;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state thread: takes the events the transport queued, a bounded batch at a time, and runs a
 * {@link Pipeline} round on each. When it stops — orderly or on an error — it closes the database
 * and turns away whatever is still queued.
 *
 * <p>The queue is bounded ({@link CoreLimits#EVENT_QUEUE_CAPACITY}); a producer that finds it full
 * waits, which pushes back on the network. Events the state thread raises itself (a channel that
 * reports its own close synchronously) go to a side queue, so the thread never waits on itself.
 */
final class StateLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StateLoop.class);
  private static final long OFFER_WAIT_MS = 50;

  private final BlockingQueue<CoreEvent> queue =
      new ArrayBlockingQueue<>(CoreLimits.EVENT_QUEUE_CAPACITY);
  private final ArrayDeque<CoreEvent> own = new ArrayDeque<>();
  private final Pipeline pipeline;
  private final ZnodeDatabase db;
  private final ServerStats stats;
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();
  private volatile Thread thread;
  private volatile boolean accepting = true;
  private volatile Throwable failure;

  StateLoop(Pipeline pipeline, ZnodeDatabase db, ServerStats stats) {
    this.pipeline = pipeline;
    this.db = db;
    this.stats = stats;
  }

  /** Starts the thread. */
  void start(String name) {
    Thread t = new Thread(this, name);
    thread = t;
    t.start();
  }

  boolean isAccepting() {
    return accepting;
  }

  Throwable failure() {
    return failure;
  }

  CompletableFuture<Void> terminated() {
    return terminated;
  }

  /**
   * Queues an event for the state thread.
   *
   * @return false when the loop no longer accepts events (the caller must turn it away)
   */
  boolean enqueue(CoreEvent event) {
    if (!accepting) {
      return false;
    }
    if (Thread.currentThread() == thread) {
      if (own.size() >= CoreLimits.EVENT_QUEUE_CAPACITY) {
        throw new IllegalStateException("the state thread queued too many events for itself");
      }
      own.add(event);
      return true;
    }
    return offer(event);
  }

  /** Queues the stop event even though new events are no longer accepted. */
  void stop() {
    accepting = false;
    if (Thread.currentThread() == thread) {
      own.add(new CoreEvent.Stop());
    } else {
      offerUntilDone(new CoreEvent.Stop());
    }
  }

  private boolean offer(CoreEvent event) {
    boolean queued = offerUntilDone(event);
    if (queued && terminated.isDone()) {
      rejectQueued(); // raced with the end of the loop: nobody else will look at it
    }
    return queued;
  }

  /** Waits for room while the loop lives; false when it ended first. */
  private boolean offerUntilDone(CoreEvent event) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (queue.offer(event, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
            return true;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
        if (terminated.isDone()) {
          return false;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void run() {
    try {
      List<CoreEvent> batch = new ArrayList<>();
      boolean stop = false;
      while (!stop) {
        batch.clear();
        while (!own.isEmpty() && batch.size() < CoreLimits.BATCH_EVENTS_MAX) {
          batch.add(own.poll());
        }
        long waitMs =
            batch.isEmpty() ? Math.min(pipeline.msUntilDue(), CoreLimits.IDLE_POLL_MS_MAX) : 0;
        CoreEvent first = waitMs > 0 ? queue.poll(waitMs, TimeUnit.MILLISECONDS) : queue.poll();
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, CoreLimits.BATCH_EVENTS_MAX - batch.size());
        }
        stop = pipeline.round(batch);
      }
      pipeline.shutdown();
    } catch (Throwable t) {
      failure = t;
      LOG.error("The server core stopped on an unexpected error", t);
      pipeline.abandon(t);
    } finally {
      accepting = false;
      closeDatabase();
      terminated.complete(null);
      rejectQueued();
    }
  }

  private void closeDatabase() {
    try {
      db.close();
    } catch (IOException e) {
      LOG.warn("Closing the database failed", e);
    }
  }

  /** Turns away every event still queued: channels are closed, waiters answered. */
  private void rejectQueued() {
    List<CoreEvent> left = new ArrayList<>();
    queue.drainTo(left);
    if (Thread.currentThread() == thread) {
      left.addAll(own);
      own.clear();
    }
    for (CoreEvent e : left) {
      reject(e, stats);
    }
  }

  /** What an event gets when the loop will never process it. */
  static void reject(CoreEvent e, ServerStats stats) {
    if (e instanceof CoreEvent.Connect c) {
      c.channel().close();
    } else if (e instanceof CoreEvent.Packet p) {
      stats.outstanding.decrementAndGet();
      p.channel().close();
    } else if (e instanceof CoreEvent.BadPacket b) {
      stats.outstanding.decrementAndGet();
      b.channel().close();
    } else if (e instanceof CoreEvent.FourLetter f) {
      f.result().complete(Pipeline.notServing(f.command()));
    } else if (e instanceof CoreEvent.Barrier b) {
      b.done().complete(null);
    }
  }
}
