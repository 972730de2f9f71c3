package io.paddock.recipes.nodes;

import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.CreateBuilder;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.Failures;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node that tries to stay present through connection problems, session loss and deletes by others
 * (Curator's PersistentNode): it is created in the background, watched, and re-created when it goes
 * away or the connection comes back. "Persistent" means re-created, not never gone: after a session
 * loss an ephemeral node is absent until the new session re-creates it.
 *
 * <p>A sequential node keeps the name of its first create: re-creation uses the non-sequential mode
 * at that name. A protected create ({@link PersistentNodeBuilder#protection(boolean)}) survives a
 * lost reply without a duplicate. When an ephemeral node exists but belongs to another session, the
 * node is deleted if that session was one of ours (it is dead), otherwise it is watched and taken
 * over once it goes. A missing parent (without parent creation) or NoAuth is reported by {@link
 * #failure()} and retried only at the next reconnect. {@link #close()} deletes the node
 * (guaranteed). Thread-safe.
 */
public class PersistentNode implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PersistentNode.class);

  /** Delay before a create that failed on a connection problem is tried again. */
  static final long RETRY_DELAY_MS = 200;

  private final WatcherRemovingFramework framework;
  private final String basePath;
  private final CreateMode mode;
  private final boolean protection;
  private final long ttlMs;
  private final boolean parentCreation;
  private final boolean deleteOnClose;
  private final Lifecycle lifecycle = new Lifecycle("the persistent node");
  private final CountDownLatch initialCreate = new CountDownLatch(1);
  private final List<PersistentNodeListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<Long> ourSessions = ConcurrentHashMap.newKeySet();
  private final Watcher watcher = this::onEvent;
  private final ConnectionStateListener stateListener = this::onState;

  /** Only one first create at a time: two could make two sequential nodes. */
  private final AtomicBoolean firstCreateInFlight = new AtomicBoolean();

  private volatile byte[] data;
  private volatile String actualPath;
  private volatile PaddockException failure;

  /** Built by {@link PersistentNodeBuilder}. */
  PersistentNode(PersistentNodeBuilder b, boolean deleteOnClose) {
    this.framework = b.framework().newWatcherRemovingFramework();
    this.basePath = ZnodePaths.validate(b.path());
    this.mode = b.mode();
    this.protection = b.protection();
    this.ttlMs = b.ttlMs();
    this.parentCreation = b.parentCreation();
    this.data = b.data().clone();
    this.deleteOnClose = deleteOnClose;
    if (mode.isTtl() && ttlMs <= 0) {
      throw new IllegalArgumentException("a TTL mode needs ttlMs > 0");
    }
    if (mode == CreateMode.CONTAINER) {
      throw new IllegalArgumentException("a container cannot be kept present");
    }
  }

  /** A builder of a node at {@code path} (before protection or sequence suffix). */
  public static PersistentNodeBuilder builder(PaddockFramework framework, String path) {
    return new PersistentNodeBuilder(framework, path);
  }

  /** Starts creating the node in the background. */
  public void start() {
    lifecycle.start();
    framework.addConnectionStateListener(stateListener);
    rememberSession();
    createNode();
  }

  /**
   * Waits for the first successful create.
   *
   * @return true if the node was created within the timeout
   */
  public boolean waitForInitialCreate(Duration timeout) throws InterruptedException {
    lifecycle.checkStarted();
    return initialCreate.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The node's actual path (protection prefix and sequence included), once created. */
  public Optional<String> actualPath() {
    return Optional.ofNullable(actualPath);
  }

  /** The data the node is (re-)created with. */
  public byte[] data() {
    return data.clone();
  }

  /**
   * Changes the node's data: re-creates use it, and the node is written now if it exists.
   *
   * @throws IllegalStateException unless started
   */
  public void setData(byte[] newData) throws PaddockException, InterruptedException {
    lifecycle.checkStarted();
    this.data = newData.clone();
    String path = actualPath;
    if (path != null) {
      Blocking.await(framework.setData().forPathAsync(path, newData.clone()));
    }
  }

  /**
   * The last create failure that stopped re-creation until a reconnect (NoAuth, NoNode), if any.
   */
  public Optional<PaddockException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Adds a listener of creates. */
  public void addListener(PersistentNodeListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(PersistentNodeListener listener) {
    listeners.remove(listener);
  }

  /** Stops keeping the node, removes its watch and deletes it (TTL nodes excepted). */
  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    framework.removeConnectionStateListener(stateListener);
    framework.removeWatchers();
    String path = actualPath;
    if (deleteOnClose && path != null) {
      try {
        framework.delete().guaranteed().quietly().forPath(path);
      } catch (PaddockException e) {
        LOG.debug("deleting {} goes on in the background", path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean isStarted() {
    return lifecycle.isStarted();
  }

  WatcherRemovingFramework framework() {
    return framework;
  }

  private void onState(PaddockFramework fw, ConnectionState state) {
    if (state.isConnected()) {
      rememberSession();
      failure = null;
      createNode();
    }
  }

  private void rememberSession() {
    try {
      ourSessions.add(framework.client().sessionId());
    } catch (IllegalStateException e) {
      LOG.debug("no session yet", e);
    }
  }

  private void onEvent(WatchedEvent event) {
    if (event.type() == EventType.NODE_DELETED) {
      createNode();
    } else if (event.type() == EventType.NODE_DATA_CHANGED
        || event.type() == EventType.NODE_CREATED) {
      watchNode();
    }
  }

  private void createNode() {
    if (!lifecycle.isStarted()) {
      return;
    }
    String known = actualPath;
    if (known == null && !firstCreateInFlight.compareAndSet(false, true)) {
      return; // the first create in flight decides, and retries if it fails
    }
    String target = known == null ? basePath : known;
    CreateBuilder create = framework.create().withMode(known == null ? mode : reCreateMode(mode));
    if (ttlMs > 0) {
      create.withTtl(ttlMs);
    }
    if (parentCreation) {
      create.creatingParentContainersIfNeeded();
    }
    if (protection && known == null) {
      create.withProtection();
    }
    boolean first = known == null;
    create
        .forPathAsync(target, data.clone())
        .whenComplete(
            (path, e) -> {
              if (first) {
                if (e == null && lifecycle.isStarted()) {
                  actualPath = path; // claim the name before another create may start
                }
                firstCreateInFlight.set(false);
              }
              onCreated(target, path, e);
            });
  }

  private void onCreated(String target, String path, Throwable e) {
    if (e == null) {
      if (!lifecycle.isStarted()) {
        deleteLate(path);
        return;
      }
      becomeCreated(path);
    } else if (Failures.is(e, ErrorCode.NODEEXISTS)) {
      adopt(target);
    } else if (Failures.is(e, ErrorCode.NOAUTH)
        || (Failures.is(e, ErrorCode.NONODE) && !parentCreation)) {
      failure = (PaddockException) Failures.unwrap(e);
      LOG.warn("cannot create {}; retried at the next reconnect", target, failure);
    } else {
      LOG.debug("creating {} failed; retrying", target, e);
      retryLater();
    }
  }

  /** The node exists: take it over, wait for it to go, or clear a dead session's node. */
  private void adopt(String target) {
    framework
        .getData()
        .forPathWithStatAsync(target)
        .whenComplete(
            (current, e) -> {
              if (e != null) {
                createNode(); // gone meanwhile, or a connection problem: try again
                return;
              }
              decideOnExisting(target, current);
            });
  }

  private void decideOnExisting(String target, DataAndStat current) {
    long owner = current.stat().ephemeralOwner();
    long session = framework.client().sessionId();
    if (mode.isEphemeral() && owner != session) {
      if (ourSessions.contains(owner)) {
        framework
            .delete()
            .withVersion(current.stat().version())
            .quietly()
            .forPathAsync(target)
            .whenComplete((v, e) -> createNode());
      } else {
        watchNode(target); // another session's node: take over once it goes
      }
      return;
    }
    framework
        .setData()
        .forPathAsync(target, data.clone())
        .whenComplete(
            (stat, e) -> {
              if (e == null) {
                becomeCreated(target);
              } else {
                createNode();
              }
            });
  }

  private void becomeCreated(String path) {
    actualPath = path;
    failure = null;
    initialCreate.countDown();
    watchNode();
    for (PersistentNodeListener l : listeners) {
      try {
        l.nodeCreated(path);
      } catch (RuntimeException e) {
        LOG.warn("a persistent node listener failed", e);
      }
    }
  }

  private void watchNode() {
    String path = actualPath;
    if (path != null) {
      watchNode(path);
    }
  }

  private void watchNode(String path) {
    if (!lifecycle.isStarted()) {
      return;
    }
    framework
        .checkExists()
        .usingWatcher(watcher)
        .forPathAsync(path)
        .whenComplete(
            (stat, e) -> {
              if (e == null && stat == null) {
                createNode();
              } else if (e != null) {
                retryLater();
              }
            });
  }

  private void retryLater() {
    if (lifecycle.isStarted()) {
      NodeScheduler.INSTANCE.schedule(
          () -> {
            if (framework.isConnected()) {
              createNode();
            } // else the reconnect creates it
          },
          RETRY_DELAY_MS,
          TimeUnit.MILLISECONDS);
    }
  }

  private void deleteLate(String path) {
    if (deleteOnClose) {
      framework.delete().guaranteed().quietly().forPathAsync(path);
    }
  }

  /** The mode that re-creates a node at the name its first create got. */
  static CreateMode reCreateMode(CreateMode mode) {
    return switch (mode) {
      case EPHEMERAL_SEQUENTIAL -> CreateMode.EPHEMERAL;
      case PERSISTENT_SEQUENTIAL -> CreateMode.PERSISTENT;
      case PERSISTENT_SEQUENTIAL_WITH_TTL -> CreateMode.PERSISTENT_WITH_TTL;
      default -> mode;
    };
  }
}
