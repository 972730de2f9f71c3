package io.paddock.recipes.leader;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockException;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.recipes.internal.CoreAccess;
import io.paddock.recipes.internal.Failures;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.recipes.internal.OwnershipStateHandler;
import io.paddock.recipes.internal.SequentialContest;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election as a latch (Curator's LeaderLatch): of all latches started on one path, exactly
 * one has leadership at a time (as far as the server knows); the others queue by sequence, each
 * watching only its predecessor. All work is asynchronous; no thread is held.
 *
 * <p>Leadership is confirmed only when our node is first <em>and</em> it belongs to the current
 * session (CURATOR-696: a node of a dead session never makes us leader). It is dropped on an error
 * state of the framework's policy (SUSPENDED and LOST by default; LOST only with the session
 * policy); after a reconnect the latch looks again, and after LOST it joins again with a new node.
 * The only way to give up leadership is {@link #close()}; a closed latch cannot be restarted.
 *
 * <p>Nodes: {@code <path>/_c_<uuid>-latch-<seq>}, ephemeral, data = the id (UTF-8). Each leadership
 * carries a {@link Grant}: its token (the node's czxid) grows with every new leadership on the
 * path. Thread-safe.
 */
public final class LeaderLatch implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderLatch.class);

  /** The name of latch nodes. */
  public static final String LATCH_NAME = "latch-";

  /** Delay before trying again to join after a failure while connected. */
  static final long REJOIN_DELAY_MS = 500;

  /** Whether closing a leading latch tells its listeners {@code notLeader}. */
  public enum CloseMode {
    /** Listeners are not told. */
    SILENT,
    /** Listeners get notLeader. */
    NOTIFY_LEADER
  }

  private static final ContestDriver DRIVER = ContestDriver.standard(LATCH_NAME, 1);

  private final WatcherRemovingFramework framework;
  private final String latchPath;
  private final String id;
  private final CloseMode closeMode;
  private final Lifecycle lifecycle = new Lifecycle("the leader latch");
  private final SequentialContest contest;
  private final OwnershipStateHandler stateHandler;
  private final LatchListeners listeners = new LatchListeners();
  private final Object lock = new Object();

  private int generation;
  private String ourPath;
  private Grant grant;
  private CompletableFuture<Void> cancelWait = new CompletableFuture<>();

  /** A latch with an empty id and silent close. */
  public LeaderLatch(PaddockFramework framework, String latchPath) {
    this(framework, latchPath, "", CloseMode.SILENT);
  }

  /** A latch with an id and silent close. */
  public LeaderLatch(PaddockFramework framework, String latchPath, String id) {
    this(framework, latchPath, id, CloseMode.SILENT);
  }

  /**
   * A latch.
   *
   * @param latchPath the election's path
   * @param id this candidate's id, stored in its node
   * @param closeMode what {@link #close()} tells the listeners
   */
  public LeaderLatch(PaddockFramework framework, String latchPath, String id, CloseMode closeMode) {
    ZnodePaths.validate(framework.fullPath(latchPath));
    this.framework = framework.newWatcherRemovingFramework();
    this.latchPath = latchPath;
    this.id = Objects.requireNonNull(id, "id");
    this.closeMode = Objects.requireNonNull(closeMode, "closeMode");
    this.contest = new SequentialContest(this.framework, latchPath, DRIVER);
    this.stateHandler =
        new OwnershipStateHandler(this.framework, this::onErrorState, this::onReconnected);
  }

  /**
   * Joins the election (in the background; it waits for a connection if there is none).
   *
   * @throws IllegalStateException if started before or closed
   */
  public void start() {
    lifecycle.start();
    stateHandler.register();
    if (framework.isConnected()) {
      reset();
    }
  }

  /** Closes with the latch's close mode. */
  @Override
  public void close() {
    close(closeMode);
  }

  /**
   * Leaves the election: our node is deleted (guaranteed), our watches removed.
   *
   * @param mode whether a leader's listeners get notLeader
   */
  public void close(CloseMode mode) {
    if (!lifecycle.close()) {
      return;
    }
    stateHandler.unregister();
    String path;
    boolean wasLeader;
    synchronized (lock) {
      generation++;
      cancelWait.complete(null);
      path = ourPath;
      ourPath = null;
      wasLeader = grant != null;
      grant = null;
      lock.notifyAll();
    }
    if (wasLeader && mode == CloseMode.NOTIFY_LEADER) {
      listeners.tell(false);
    }
    if (path != null) {
      try {
        Blocking.await(framework.delete().guaranteed().quietly().forPathAsync(path));
      } catch (PaddockException | InterruptedException | RuntimeException e) {
        LOG.debug("the latch node {} is deleted in the background", path, e);
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
    }
    framework.removeWatchers();
  }

  /** True while this latch is the leader (as of the last event it saw). */
  public boolean hasLeadership() {
    synchronized (lock) {
      return grant != null && lifecycle.isStarted();
    }
  }

  /** The grant of the current leadership, if this latch leads. */
  public Optional<Grant> leadershipGrant() {
    synchronized (lock) {
      return Optional.ofNullable(grant);
    }
  }

  /**
   * Waits until this latch is the leader.
   *
   * @throws EOFException if the latch is closed (before or while waiting)
   */
  public void await() throws InterruptedException, EOFException {
    synchronized (lock) {
      while (grant == null) {
        if (lifecycle.state() != Lifecycle.State.STARTED) {
          throw new EOFException("the latch is " + lifecycle.state());
        }
        lock.wait();
      }
    }
  }

  /**
   * Waits until this latch is the leader, at most the given time.
   *
   * @return true if it leads; false on timeout or when closed
   */
  public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (lock) {
      while (grant == null) {
        long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (lifecycle.state() != Lifecycle.State.STARTED || leftMs <= 0) {
          return false;
        }
        lock.wait(leftMs);
      }
      return true;
    }
  }

  /**
   * Adds a listener run on the thread that saw the change (the client's event thread or the
   * framework's state thread); it must not block.
   */
  public void addListener(LeaderLatchListener listener) {
    addListener(listener, Runnable::run);
  }

  /** Adds a listener run on an executor. */
  public void addListener(LeaderLatchListener listener, Executor executor) {
    listeners.add(listener, executor);
  }

  /** Removes a listener. */
  public void removeListener(LeaderLatchListener listener) {
    listeners.remove(listener);
  }

  /** This candidate's id. */
  public String getId() {
    return id;
  }

  /** The lifecycle state. */
  public Lifecycle.State getState() {
    return lifecycle.state();
  }

  /** Our node's path, or null while we have none. */
  public String getOurPath() {
    synchronized (lock) {
      return ourPath;
    }
  }

  /** The candidates now, in sequence order (asks the server). */
  public List<Participant> getParticipants() throws PaddockException, InterruptedException {
    return Elections.participants(framework, latchPath, DRIVER);
  }

  /** The leader now, if any (asks the server). */
  public Optional<Participant> getLeader() throws PaddockException, InterruptedException {
    return Elections.leader(framework, latchPath, DRIVER);
  }

  /** Deletes our node (if any) and joins again with a new one. */
  private void reset() {
    String old;
    int gen;
    synchronized (lock) {
      if (!lifecycle.isStarted()) {
        return;
      }
      gen = ++generation;
      cancelWait.complete(null);
      old = ourPath;
      ourPath = null;
    }
    setLeadership(null);
    if (old != null) {
      framework.delete().guaranteed().quietly().forPathAsync(old);
    }
    contest
        .enter(LATCH_NAME, id.getBytes(StandardCharsets.UTF_8))
        .whenComplete((created, failure) -> onCreated(gen, created, failure));
  }

  private void onCreated(int gen, CreateResult created, Throwable failure) {
    if (failure != null) {
      LOG.debug("the latch on {} could not join", latchPath, failure);
      rejoinLater(gen);
      return;
    }
    boolean current;
    synchronized (lock) {
      current = gen == generation && lifecycle.isStarted();
      if (current) {
        ourPath = created.path();
      }
    }
    if (!current) {
      framework.delete().guaranteed().quietly().forPathAsync(created.path());
      return;
    }
    watchTurn(gen, created.path());
  }

  private void watchTurn(int gen, String path) {
    CompletableFuture<Void> cancel = new CompletableFuture<>();
    synchronized (lock) {
      if (gen != generation || !lifecycle.isStarted()) {
        return;
      }
      cancelWait.complete(null);
      cancelWait = cancel;
    }
    contest
        .awaitTurn(path, Long.MAX_VALUE, cancel)
        .whenComplete(
            (first, failure) -> {
              if (failure != null) {
                if (Failures.is(failure, ErrorCode.NONODE)) {
                  reset(); // our node is gone: join again
                }
                // a connection problem: the reconnect handler looks again
                return;
              }
              if (Boolean.TRUE.equals(first)) {
                confirm(gen, path);
              }
            });
  }

  /** Our node is first: lead only if it belongs to the current session (CURATOR-696). */
  private void confirm(int gen, String path) {
    long session = framework.client().sessionId();
    framework
        .getData()
        .forPathWithStatAsync(path)
        .whenComplete(
            (node, failure) -> {
              if (failure != null) {
                if (Failures.is(failure, ErrorCode.NONODE)) {
                  reset();
                }
                return;
              }
              if (node.stat().ephemeralOwner() != session) {
                reset();
                return;
              }
              synchronized (lock) {
                if (gen != generation || !lifecycle.isStarted()) {
                  return;
                }
              }
              setLeadership(new Grant(path, node.stat().czxid(), node.stat().version()));
            });
  }

  private void rejoinLater(int gen) {
    if (!framework.isConnected()) {
      return; // the reconnect handler joins again
    }
    try {
      CoreAccess.of(framework)
          .scheduler()
          .schedule(
              () -> {
                synchronized (lock) {
                  if (gen != generation) {
                    return;
                  }
                }
                reset();
              },
              REJOIN_DELAY_MS,
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // the framework is closed: nothing more to do
    }
  }

  private void onErrorState(ConnectionState state) {
    setLeadership(null);
  }

  private void onReconnected(ConnectionState state) {
    String path;
    int gen;
    synchronized (lock) {
      path = ourPath;
      gen = generation;
    }
    if (path == null) {
      reset(); // never joined (started while disconnected), or the join failed
    } else {
      watchTurn(gen, path); // looks again; a vanished node or another session's node → reset
    }
  }

  private void setLeadership(Grant newGrant) {
    boolean changed;
    synchronized (lock) {
      changed = (grant == null) != (newGrant == null);
      grant = newGrant;
      lock.notifyAll();
    }
    if (changed) {
      listeners.tell(newGrant != null);
    }
  }
}
