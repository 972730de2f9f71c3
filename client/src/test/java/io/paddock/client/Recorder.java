package io.paddock.client;

import java.util.ArrayList;
import java.util.List;

/** A watcher and state listener that records what it gets, for assertions from the test thread. */
final class Recorder implements Watcher, ConnectionStateListener {
  private final List<WatchedEvent> events = new ArrayList<>();
  private final List<ConnectionState> states = new ArrayList<>();
  private final List<String> threads = new ArrayList<>();

  @Override
  public synchronized void process(WatchedEvent event) {
    events.add(event);
    threads.add(Thread.currentThread().getName());
  }

  @Override
  public synchronized void stateChanged(ConnectionState previous, ConnectionState current) {
    states.add(current);
  }

  synchronized List<WatchedEvent> events() {
    return List.copyOf(events);
  }

  /** The node events only (connection-state NONE events left out). */
  synchronized List<WatchedEvent> nodeEvents() {
    return events.stream().filter(e -> e.type() != io.paddock.store.model.EventType.NONE).toList();
  }

  synchronized List<ConnectionState> states() {
    return List.copyOf(states);
  }

  synchronized List<String> threads() {
    return List.copyOf(threads);
  }
}
