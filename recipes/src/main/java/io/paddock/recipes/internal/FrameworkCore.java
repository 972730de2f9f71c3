package io.paddock.recipes.internal;

import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.recipes.ConnectionState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every facade of one framework shares: the settings, the connection manager, the background
 * scheduler (retries, timers, guaranteed deletes), the dedicated state-listener thread and the
 * lifecycle.
 */
public final class FrameworkCore {
  private static final Logger LOG = LoggerFactory.getLogger(FrameworkCore.class);
  private static final ThreadLocal<Boolean> ON_STATE_THREAD = ThreadLocal.withInitial(() -> false);

  private final FrameworkConfig config;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService stateExecutor;
  private final ConnectionManager connections;
  private final GuaranteedDeletes deletes;
  private final Lifecycle lifecycle = new Lifecycle("the framework");
  private final List<Watcher> watchListeners = new CopyOnWriteArrayList<>();
  private final Watcher defaultWatcher = this::fanOut;

  /** A core of a framework; nothing runs before {@link #start()}. */
  public FrameworkCore(FrameworkConfig config) {
    this.config = config;
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, config.threadFactory());
    s.setRemoveOnCancelPolicy(true);
    this.scheduler = s;
    ThreadFactory base = config.threadFactory();
    this.stateExecutor =
        Executors.newSingleThreadExecutor(
            r ->
                base.newThread(
                    () -> {
                      ON_STATE_THREAD.set(true);
                      r.run();
                    }));
    this.connections = new ConnectionManager(config, scheduler, stateExecutor);
    this.deletes = new GuaranteedDeletes(this);
    connections.addListener(
        state -> {
          if (state.isConnected()) {
            deletes.retryNow();
          }
        });
  }

  /** The settings. */
  public FrameworkConfig config() {
    return config;
  }

  /** The connection manager (and through it the current raw client). */
  public ConnectionManager connections() {
    return connections;
  }

  /** The background scheduler: short tasks only, never blocking. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** The guaranteed-delete manager. */
  public GuaranteedDeletes deletes() {
    return deletes;
  }

  /** The lifecycle. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** True once closed. */
  public boolean isClosed() {
    return lifecycle.state() == Lifecycle.State.CLOSED;
  }

  /** The watcher of {@code watched()} calls: it hands events to the watch listeners. */
  public Watcher defaultWatcher() {
    return defaultWatcher;
  }

  /** The listeners of {@code watched()} events. */
  public List<Watcher> watchListeners() {
    return watchListeners;
  }

  /** Starts connecting. */
  public void start() {
    lifecycle.start();
    connections.start();
  }

  /** Closes the client and stops the threads; idempotent. */
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    connections.close();
    scheduler.shutdownNow();
    stateExecutor.shutdown();
    if (ON_STATE_THREAD.get()) {
      return; // closed from a state listener: it cannot wait for itself
    }
    try {
      if (!stateExecutor.awaitTermination(
          FrameworkLimits.CLOSE_WAIT_MS_MAX, TimeUnit.MILLISECONDS)) {
        LOG.warn("state listeners still running after close");
        stateExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fanOut(WatchedEvent event) {
    for (Watcher w : watchListeners) {
      try {
        w.process(event);
      } catch (RuntimeException e) {
        LOG.warn("a watch listener failed", e);
      }
    }
  }

  /** True when the state means connected (for callers that hold a possibly null state). */
  public static boolean isConnected(ConnectionState state) {
    return state != null && state.isConnected();
  }
}
