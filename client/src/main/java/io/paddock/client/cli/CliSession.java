package io.paddock.client.cli;

import io.paddock.client.BlockingPaddockClient;
import io.paddock.client.ChildrenAndStat;
import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The shell's connection: at most one client at a time, the host it was given, and the printing of
 * events. Like zkCli's default watcher, one {@link Watcher} receives every watch the shell sets and
 * prints its events; state changes are printed the same way, as {@code type:None} events.
 *
 * <p>Used by the shell's thread; the printing runs on the client's event thread.
 */
final class CliSession {
  private final Printer printer;
  private final int timeoutMs;
  private final boolean canBeReadOnly;
  private final Watcher watcher = this::onWatchEvent;
  private volatile boolean printWatches = true;
  private volatile boolean silenced;
  private PaddockClient client;
  private Announcer announcer;
  private String host = "";

  CliSession(Printer printer, int timeoutMs, boolean canBeReadOnly) {
    this.printer = printer;
    this.timeoutMs = timeoutMs;
    this.canBeReadOnly = canBeReadOnly;
  }

  /**
   * Opens a new session on the connect string, closing the current one first if it is alive, and
   * waits (at most the timeout) until it is connected.
   *
   * @return true when connected within the timeout
   * @throws IllegalArgumentException for a malformed connect string (the current session is then
   *     left as it was)
   */
  boolean connect(String connectString) throws InterruptedException {
    PaddockClient next =
        PaddockClient.builder()
            .connectString(connectString)
            .sessionTimeoutMs(timeoutMs)
            .connectionTimeoutMs(timeoutMs)
            .canBeReadOnly(canBeReadOnly)
            .build();
    close();
    silenced = false;
    client = next;
    host = connectString;
    announcer = new Announcer();
    next.addStateListener(announcer);
    // The client starts connecting inside build(): a change before addStateListener is missed.
    announcer.announce(next.state());
    return announcer.awaitSettled(timeoutMs) && next.state().isConnected();
  }

  /** Closes the session if it is alive; its Closed event is printed like any other. */
  void close() {
    if (client != null && isAlive()) {
      client.close();
    }
  }

  /** Closes the session without printing anything more (the end of the shell). */
  void closeQuietly() {
    if (client != null && isAlive()) {
      // Async completions run on the event thread after every event queued before them: once this
      // one is done, the watch events still pending have been printed, as zkCli prints them.
      try {
        client.sync("/").get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // the session is going away anyway; nothing more to print
      }
    }
    silenced = true;
    if (client != null) {
      client.close();
    }
  }

  /** True when there is a session that is neither closed, expired nor failed (States.isAlive). */
  boolean isAlive() {
    return client != null && !client.state().isTerminal();
  }

  /** The connect string of the current session ("" before the first). */
  String host() {
    return host;
  }

  /** The state as zkCli's prompt names it. */
  String stateName() {
    return client == null ? "CLOSED" : Formats.clientStateName(client.state());
  }

  /** The blocking view of the current client. */
  BlockingPaddockClient blocking() {
    return client.blocking();
  }

  /** The shell's one watcher, to pass to every read that sets a watch. */
  Watcher watcher() {
    return watcher;
  }

  /** getData, setting the shell's watch when {@code watch} is true. */
  DataAndStat getData(String path, boolean watch) throws PaddockException, InterruptedException {
    return watch ? blocking().getData(path, watcher) : blocking().getData(path);
  }

  /** getChildren, setting the shell's watch when {@code watch} is true. */
  List<String> getChildren(String path, boolean watch)
      throws PaddockException, InterruptedException {
    return watch ? blocking().getChildren(path, watcher) : blocking().getChildren(path);
  }

  /** getChildren2, setting the shell's watch when {@code watch} is true. */
  ChildrenAndStat getChildrenAndStat(String path, boolean watch)
      throws PaddockException, InterruptedException {
    return watch
        ? blocking().getChildrenAndStat(path, watcher)
        : blocking().getChildrenAndStat(path);
  }

  /** exists, setting the shell's watch when {@code watch} is true; null when there is no node. */
  Stat exists(String path, boolean watch) throws PaddockException, InterruptedException {
    return watch ? blocking().exists(path, watcher) : blocking().exists(path);
  }

  Printer printer() {
    return printer;
  }

  boolean printWatches() {
    return printWatches;
  }

  void printWatches(boolean on) {
    printWatches = on;
  }

  private void onWatchEvent(WatchedEvent event) {
    if (event.type() == EventType.NONE) {
      return; // state changes are printed once, by the Announcer
    }
    String state = Formats.keeperStateName(event.state());
    print(
        Formats.event(
            state == null ? "SyncConnected" : state, event.type(), event.path(), event.zxid()));
  }

  private void print(String eventLine) {
    if (printWatches && !silenced) {
      printer.event(eventLine);
    }
  }

  /** Prints each state change once and tells the shell when the first connect has settled. */
  private final class Announcer implements ConnectionStateListener {
    private final CountDownLatch settled = new CountDownLatch(1);
    private ConnectionState announced = ConnectionState.CONNECTING;

    @Override
    public void stateChanged(ConnectionState previous, ConnectionState current) {
      announce(current);
    }

    synchronized void announce(ConnectionState state) {
      if (state == announced) {
        return; // already told, by the check after registration or by the listener
      }
      announced = state;
      String name = Formats.keeperStateName(state);
      if (name != null) {
        print(Formats.event(name, EventType.NONE, null, -1));
      }
      if (state.isConnected() || state.isTerminal()) {
        settled.countDown();
      }
    }

    boolean awaitSettled(long ms) throws InterruptedException {
      return settled.await(ms, TimeUnit.MILLISECONDS);
    }
  }
}
