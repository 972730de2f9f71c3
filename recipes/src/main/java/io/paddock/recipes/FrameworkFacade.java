package io.paddock.recipes;

import io.paddock.client.PaddockClient;
import io.paddock.client.Watcher;
import io.paddock.recipes.internal.CoreAccess;
import io.paddock.recipes.internal.FacadeWatcher;
import io.paddock.recipes.internal.FrameworkCore;
import io.paddock.recipes.internal.Namespace;
import io.paddock.recipes.internal.WatcherTracker;
import io.paddock.store.model.WatcherType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one implementation of {@link PaddockFramework}: a namespace and an optional watcher tracker
 * over a shared core.
 */
final class FrameworkFacade implements WatcherRemovingFramework, CoreAccess {
  private final FrameworkCore core;
  private final Namespace namespace;
  private final WatcherTracker tracker;
  private final Map<ConnectionStateListener, Consumer<ConnectionState>> stateListeners =
      new ConcurrentHashMap<>();

  FrameworkFacade(FrameworkCore core, Namespace namespace, WatcherTracker tracker) {
    this.core = core;
    this.namespace = namespace;
    this.tracker = tracker;
  }

  @Override
  public FrameworkCore core() {
    return core;
  }

  Namespace ns() {
    return namespace;
  }

  /** The watcher to register for a user's watcher. */
  Watcher wrap(Watcher watcher) {
    if (namespace.isNone() && tracker == null) {
      return watcher;
    }
    return new FacadeWatcher(watcher, namespace, tracker);
  }

  /** Records a watch set through this facade (a no-op unless it tracks watches). */
  void armed(String fullPath, Watcher registered, WatcherType type) {
    if (tracker != null) {
      tracker.armed(fullPath, registered, type);
    }
  }

  /** Forgets a watch removed through this facade. */
  void disarmed(String fullPath, Watcher registered, WatcherType type) {
    if (tracker != null) {
      tracker.removed(fullPath, registered, type);
    }
  }

  @Override
  public void start() {
    core.start();
  }

  @Override
  public void close() {
    core.close();
  }

  @Override
  public boolean blockUntilConnected(Duration timeout) throws InterruptedException {
    return core.connections().blockUntilConnected(timeout.toMillis());
  }

  @Override
  public boolean isConnected() {
    return FrameworkCore.isConnected(core.connections().current());
  }

  @Override
  public PaddockFramework usingNamespace(String newNamespace) {
    return new FrameworkFacade(core, Namespace.of(newNamespace), null);
  }

  @Override
  public String namespace() {
    return namespace.name();
  }

  @Override
  public WatcherRemovingFramework newWatcherRemovingFramework() {
    return new FrameworkFacade(core, namespace, new WatcherTracker());
  }

  @Override
  public void removeWatchers() {
    if (tracker == null) {
      throw new IllegalStateException("this facade does not track watches");
    }
    if (core.isClosed()) {
      return;
    }
    PaddockClient client = core.connections().client();
    tracker.removeAll(client);
  }

  @Override
  public int trackedWatchCount() {
    return tracker == null ? 0 : tracker.size();
  }

  @Override
  public PaddockClient client() {
    return core.connections().client();
  }

  @Override
  public String fullPath(String path) {
    return namespace.fix(path);
  }

  @Override
  public String localPath(String fullPath) {
    return namespace.unfix(fullPath);
  }

  @Override
  public RetryPolicy retryPolicy() {
    return core.config().retryPolicy();
  }

  @Override
  public ConnectionStateErrorPolicy errorPolicy() {
    return core.config().errorPolicy();
  }

  @Override
  public void addConnectionStateListener(ConnectionStateListener listener) {
    Consumer<ConnectionState> bridge = state -> listener.stateChanged(this, state);
    if (stateListeners.putIfAbsent(listener, bridge) == null) {
      core.connections().addListener(bridge);
    }
  }

  @Override
  public void removeConnectionStateListener(ConnectionStateListener listener) {
    Consumer<ConnectionState> bridge = stateListeners.remove(listener);
    if (bridge != null) {
      core.connections().removeListener(bridge);
    }
  }

  @Override
  public void addWatchListener(Watcher listener) {
    core.watchListeners().add(listener);
  }

  @Override
  public void removeWatchListener(Watcher listener) {
    core.watchListeners().remove(listener);
  }

  @Override
  public CreateBuilder create() {
    return new CreateBuilder(this);
  }

  @Override
  public DeleteBuilder delete() {
    return new DeleteBuilder(this);
  }

  @Override
  public SetDataBuilder setData() {
    return new SetDataBuilder(this);
  }

  @Override
  public GetDataBuilder getData() {
    return new GetDataBuilder(this);
  }

  @Override
  public ExistsBuilder checkExists() {
    return new ExistsBuilder(this);
  }

  @Override
  public GetChildrenBuilder getChildren() {
    return new GetChildrenBuilder(this);
  }

  @Override
  public TransactionBuilder transaction() {
    return new TransactionBuilder(this);
  }

  @Override
  public WatchesBuilder watches() {
    return new WatchesBuilder(this);
  }
}
