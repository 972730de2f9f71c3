package io.paddock.recipes.internal;

import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import java.util.Objects;

/**
 * A user's watcher as a facade registers it: events come back with the namespace stripped, and a
 * watcher-removing facade learns which one-shot watches fired. Two wrappers of the same watcher for
 * the same facade are equal, so the raw client treats them as one registration (as ZooKeeper does
 * for one watcher object).
 */
public final class FacadeWatcher implements Watcher {
  private final Watcher delegate;
  private final Namespace namespace;
  private final WatcherTracker tracker;

  /**
   * Wraps a watcher.
   *
   * @param tracker the watcher-removing facade's tracker, or null
   */
  public FacadeWatcher(Watcher delegate, Namespace namespace, WatcherTracker tracker) {
    this.delegate = Objects.requireNonNull(delegate, "watcher");
    this.namespace = namespace;
    this.tracker = tracker;
  }

  /** The user's watcher. */
  public Watcher delegate() {
    return delegate;
  }

  @Override
  public void process(WatchedEvent event) {
    if (tracker != null && event.path() != null) {
      tracker.fired(event.path(), event.type(), this);
    }
    delegate.process(
        new WatchedEvent(event.type(), event.state(), namespace.unfix(event.path()), event.zxid()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FacadeWatcher other
        && other.delegate.equals(delegate)
        && other.namespace.equals(namespace)
        && other.tracker == tracker;
  }

  @Override
  public int hashCode() {
    return Objects.hash(delegate, namespace, System.identityHashCode(tracker));
  }
}
