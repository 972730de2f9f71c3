package io.paddock.recipes.internal;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.ConnectionState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the raw client and turns its states into the framework's: CONNECTED (first session),
 * SUSPENDED (connection dropped), RECONNECTED, LOST, READ_ONLY. On LOST it replaces the dead client
 * by a new one (a new session). LOST comes from the raw client's EXPIRED (the server said so, or
 * the client heard no server for 4/3 of the timeout) or from this manager's own timer, when
 * SUSPENDED lasted the whole negotiated session timeout. States are delivered in order on the
 * dedicated state executor.
 */
public final class ConnectionManager {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);

  private final FrameworkConfig config;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService stateExecutor;
  private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();

  private PaddockClient client;
  private int generation;
  private ConnectionState current;
  private boolean everConnected;
  private boolean closed;
  private ScheduledFuture<?> lostTimer;

  /** A manager; nothing connects before {@link #start()}. */
  public ConnectionManager(
      FrameworkConfig config, ScheduledExecutorService scheduler, ExecutorService stateExecutor) {
    this.config = config;
    this.scheduler = scheduler;
    this.stateExecutor = stateExecutor;
  }

  /** Builds the first client; it connects in the background. */
  public void start() {
    synchronized (lock) {
      if (client != null) {
        throw new IllegalStateException("already started");
      }
      client = newClient(++generation);
    }
  }

  /** The current raw client (a new one after every LOST). */
  public PaddockClient client() {
    synchronized (lock) {
      if (client == null) {
        throw new IllegalStateException("the framework is not started");
      }
      return client;
    }
  }

  /** The latest state, or null before the first connection. */
  public ConnectionState current() {
    synchronized (lock) {
      return current;
    }
  }

  /** Adds a listener of every later state. */
  public void addListener(Consumer<ConnectionState> listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  public void removeListener(Consumer<ConnectionState> listener) {
    listeners.remove(listener);
  }

  /**
   * Waits until connected.
   *
   * @return true if connected within the time
   */
  public boolean blockUntilConnected(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    synchronized (lock) {
      while (current == null || !current.isConnected()) {
        if (closed) {
          return false;
        }
        long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMs <= 0) {
          return false;
        }
        lock.wait(leftMs);
      }
      return true;
    }
  }

  /**
   * Test hook: replaces the client by one with a new session while the old session stays alive on
   * the server (as when a connection is lost and the server has not yet expired the session). LOST
   * is reported as for a real loss.
   *
   * @return the old client, still open: the caller closes it
   */
  public PaddockClient replaceClientKeepingSession() {
    synchronized (lock) {
      if (closed || client == null) {
        throw new IllegalStateException("not running");
      }
      PaddockClient old = client;
      cancelLostTimer();
      publish(ConnectionState.LOST);
      client = newClient(++generation);
      return old;
    }
  }

  /** Closes the raw client; no state is reported afterwards. */
  public void close() {
    PaddockClient last;
    synchronized (lock) {
      closed = true;
      cancelLostTimer();
      last = client;
      lock.notifyAll();
    }
    if (last != null) {
      last.close();
    }
  }

  private PaddockClient newClient(int gen) {
    return PaddockClient.builder()
        .connectString(config.connectString())
        .sessionTimeoutMs(config.sessionTimeoutMs())
        .connectionTimeoutMs(config.connectionTimeoutMs())
        .canBeReadOnly(config.canBeReadOnly())
        .threadFactory(ClientThreads.marking(config.threadFactory()))
        .stateListener((previous, now) -> onRawState(gen, now))
        .build();
  }

  private void onRawState(int gen, io.paddock.client.ConnectionState raw) {
    synchronized (lock) {
      if (gen != generation || closed) {
        return; // a replaced client's last words
      }
      switch (raw) {
        case CONNECTED -> {
          cancelLostTimer();
          publish(everConnected ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED);
          everConnected = true;
        }
        case CONNECTED_READ_ONLY -> {
          cancelLostTimer();
          everConnected = true;
          publish(ConnectionState.READ_ONLY);
        }
        case DISCONNECTED -> {
          publish(ConnectionState.SUSPENDED);
          startLostTimer(gen);
        }
        case EXPIRED, AUTH_FAILED -> becomeLost(gen, "the client reported " + raw);
        case CONNECTING, CLOSED -> {
          // CONNECTING precedes the first session; CLOSED is ours (replacement or close)
        }
      }
    }
  }

  private void startLostTimer(int gen) {
    cancelLostTimer();
    int negotiated = client.negotiatedSessionTimeoutMs();
    long timeoutMs = negotiated > 0 ? negotiated : config.sessionTimeoutMs();
    lostTimer =
        scheduler.schedule(
            () -> {
              synchronized (lock) {
                if (gen == generation && current == ConnectionState.SUSPENDED && !closed) {
                  becomeLost(
                      gen, "suspended for the whole session timeout of " + timeoutMs + " ms");
                }
              }
            },
            timeoutMs,
            TimeUnit.MILLISECONDS);
  }

  private void cancelLostTimer() {
    if (lostTimer != null) {
      lostTimer.cancel(false);
      lostTimer = null;
    }
  }

  /** Called with the lock held. */
  private void becomeLost(int gen, String why) {
    if (gen != generation || closed) {
      return;
    }
    LOG.info("session 0x{} lost: {}", Long.toHexString(client.sessionId()), why);
    cancelLostTimer();
    publish(ConnectionState.LOST);
    PaddockClient dead = client;
    client = newClient(++generation);
    scheduler.execute(dead::close);
  }

  /** Called with the lock held. */
  private void publish(ConnectionState state) {
    current = state;
    lock.notifyAll();
    stateExecutor.execute(
        () -> {
          for (Consumer<ConnectionState> l : listeners) {
            try {
              l.accept(state);
            } catch (RuntimeException e) {
              LOG.warn("a connection state listener failed on {}", state, e);
            }
          }
        });
  }
}
