package io.paddock.server.interop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;

/**
 * A watcher that records every event it receives, in delivery order, and lets a test wait for
 * events or connection states. Also a place to record markers (for example "reply setData") so that
 * the order of events against replies can be asserted.
 */
public final class EventLog implements Watcher {
  /** How long waits on events last before failing. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  private final List<String> entries = new CopyOnWriteArrayList<>();
  private final List<WatchedEvent> events = new CopyOnWriteArrayList<>();
  private volatile KeeperState state = KeeperState.Disconnected;
  private final List<KeeperState> states = new CopyOnWriteArrayList<>();

  @Override
  public void process(WatchedEvent event) {
    if (event.getType() == EventType.None) {
      state = event.getState();
      states.add(event.getState());
      return;
    }
    events.add(event);
    entries.add(describe(event));
  }

  /** The text recorded for a node event: {@code "<type> <path>"}. */
  public static String describe(WatchedEvent event) {
    return event.getType() + " " + event.getPath();
  }

  /** Records a marker between events, such as the arrival of a reply. */
  public void mark(String marker) {
    entries.add(marker);
  }

  /** Node events and markers so far, in order. */
  public List<String> entries() {
    return new ArrayList<>(entries);
  }

  /** Node events so far, in order. */
  public List<WatchedEvent> events() {
    return new ArrayList<>(events);
  }

  /** Node events so far as {@code "<type> <path>"}. */
  public List<String> eventTexts() {
    return events.stream().map(EventLog::describe).toList();
  }

  /** Forgets every event and marker recorded so far (states are kept). */
  public void clear() {
    entries.clear();
    events.clear();
  }

  /** The last connection state seen. */
  public KeeperState state() {
    return state;
  }

  /** Every connection state seen, in order. */
  public List<KeeperState> states() {
    return new ArrayList<>(states);
  }

  /** Waits until the given connection state has been seen (at any time). */
  public void awaitStateSeen(KeeperState wanted) {
    await("state " + wanted).atMost(WAIT).until(() -> states.contains(wanted));
  }

  /** Waits until the current connection state is the given one. */
  public void awaitState(KeeperState wanted) {
    await("state " + wanted).atMost(WAIT).until(() -> state == wanted);
  }

  /** Waits until at least {@code count} node events were recorded and returns them as texts. */
  public List<String> awaitEvents(int count) {
    await(count + " events").atMost(WAIT).until(() -> events.size() >= count);
    return eventTexts();
  }
}
