package io.paddock.recipes.leader;

import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.recipes.internal.Failures;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.recipes.internal.Participants;
import io.paddock.recipes.internal.Sequences;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who leads an election now, for processes that do not take part (etcd's Observe): it keeps a child
 * watch on the election path (an exists watch while the path is missing) and tells its listeners
 * each time the first candidate changes. Works for {@link LeaderLatch} and {@link LeaderSelector}
 * paths alike (any sequential child is a candidate). After a reconnect it looks again, so a change
 * made meanwhile is reported. It costs one watch per observer, never a watch per candidate.
 * Thread-safe.
 */
public final class LeaderObserver implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderObserver.class);

  /** Any sequential child takes part. */
  private static final ContestDriver ANY_CANDIDATE =
      new ContestDriver() {
        @Override
        public boolean isParticipant(String childName) {
          return Sequences.isSequential(childName);
        }

        @Override
        public Decision decide(List<String> sorted, int ourIndex) {
          return ourIndex == 0 ? Decision.grant() : Decision.waitFor(sorted.get(ourIndex - 1));
        }
      };

  private final WatcherRemovingFramework framework;
  private final String electionPath;
  private final Lifecycle lifecycle = new Lifecycle("the leader observer");
  private final List<LeaderChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<Optional<Participant>> current =
      new AtomicReference<>(Optional.empty());
  private final Watcher watcher = this::onEvent;
  private final java.util.concurrent.atomic.AtomicLong refreshes =
      new java.util.concurrent.atomic.AtomicLong();
  private long published;
  private final ConnectionStateListener reconnect =
      (fw, state) -> {
        if (state.isConnected()) {
          refresh();
        }
      };

  /**
   * An observer of an election path.
   *
   * @param electionPath the path the candidates use
   */
  public LeaderObserver(PaddockFramework framework, String electionPath) {
    ZnodePaths.validate(framework.fullPath(electionPath));
    this.framework = framework.newWatcherRemovingFramework();
    this.electionPath = electionPath;
  }

  /** Starts observing; a leader found by the first look comes as a change event. */
  public void start() {
    lifecycle.start();
    framework.addConnectionStateListener(reconnect);
    refresh();
  }

  /** Adds a listener, run on the client's event thread. */
  public void addListener(LeaderChangeListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(LeaderChangeListener listener) {
    listeners.remove(listener);
  }

  /** The leader as last seen, or empty. */
  public Optional<Participant> currentLeader() {
    return current.get();
  }

  /** Stops observing and removes the observer's watches. */
  @Override
  public void close() {
    if (lifecycle.close()) {
      framework.removeConnectionStateListener(reconnect);
      framework.removeWatchers();
    }
  }

  private void onEvent(WatchedEvent event) {
    if (event.path() != null) {
      refresh();
    }
  }

  private void refresh() {
    if (!lifecycle.isStarted()) {
      return;
    }
    long number = refreshes.incrementAndGet();
    framework
        .getChildren()
        .usingWatcher(watcher)
        .forPathAsync(electionPath)
        .thenCompose(children -> Participants.list(framework, electionPath, ANY_CANDIDATE))
        .whenComplete(
            (nodes, failure) -> {
              if (failure == null) {
                publish(
                    number,
                    nodes.isEmpty()
                        ? Optional.empty()
                        : Optional.of(Participant.of(nodes.get(0), true)));
              } else if (Failures.is(failure, ErrorCode.NONODE)) {
                publish(number, Optional.empty());
                watchForCreation();
              } else {
                LOG.debug("observing {} failed; a reconnect looks again", electionPath, failure);
              }
            });
  }

  private void watchForCreation() {
    framework
        .checkExists()
        .usingWatcher(watcher)
        .forPathAsync(electionPath)
        .thenAccept(
            stat -> {
              if (stat != null) {
                refresh(); // created meanwhile
              }
            });
  }

  /** Publishes the answer of refresh {@code number} unless a later refresh answered first. */
  private void publish(long number, Optional<Participant> leader) {
    Optional<Participant> before;
    synchronized (this) {
      if (number < published) {
        return;
      }
      published = number;
      before = current.getAndSet(leader);
    }
    boolean same = before.map(Participant::nodePath).equals(leader.map(Participant::nodePath));
    if (!same && lifecycle.isStarted()) {
      for (LeaderChangeListener l : listeners) {
        try {
          l.leaderChanged(leader);
        } catch (RuntimeException e) {
          LOG.warn("a leader change listener failed", e);
        }
      }
    }
  }
}
