package io.paddock.client;

/**
 * Receives watch events: node events for the watches it was registered with, and connection-state
 * events (type {@code NONE}) while it holds any armed watch, as ZooKeeper's watchers do.
 *
 * <p>Called on the client's event thread, in order with the client's other callbacks; a watch event
 * always comes before the completion of any read that already shows the change. A watcher
 * registered several times on one path (for data and children, say) is called once per event. It
 * must not block for long; an exception it throws is logged and ignored. Calling the blocking API
 * from a watcher is allowed.
 */
@FunctionalInterface
public interface Watcher {
  /**
   * Handles one event.
   *
   * @param event what happened
   */
  void process(WatchedEvent event);
}
