package io.paddock.recipes.leader;

import io.paddock.client.PaddockException;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.recipes.internal.CoreAccess;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.recipes.locks.InterProcessMutex;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election as a callback (Curator's LeaderSelector): a worker thread takes an {@link
 * InterProcessMutex} on the path, runs {@link LeaderSelectorListener#takeLeadership} while it holds
 * it, and releases it when the callback returns or throws. With {@link #autoRequeue()} the
 * candidate queues again each time; {@link #requeue()} does it once.
 *
 * <p>The callback never runs twice at once (one worker thread). {@link #interruptLeadership()}
 * interrupts it; so does a {@link CancelLeadershipException} thrown from the listener's {@code
 * stateChanged} (see {@link LeaderSelectorListenerAdapter}), and {@link #close()}. Nodes: {@code
 * <path>/_c_<uuid>-lock-<seq>}, data = the id. Each leadership carries a {@link Grant} whose token
 * grows with every leadership on the path. Thread-safe.
 */
public final class LeaderSelector implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderSelector.class);
  private static final ContestDriver DRIVER =
      ContestDriver.standard(InterProcessMutex.LOCK_NAME, 1);

  private final PaddockFramework framework;
  private final String leaderPath;
  private final LeaderSelectorListener listener;
  private final InterProcessMutex mutex;
  private final ExecutorService executor;
  private final Lifecycle lifecycle = new Lifecycle("the leader selector");
  private final AtomicBoolean autoRequeue = new AtomicBoolean();
  private final AtomicInteger queued = new AtomicInteger();
  private final ConnectionStateListener stateBridge = this::onState;
  private volatile String id = "";
  private volatile Thread leaderThread;
  private volatile Grant grant;

  /**
   * A selector with its own worker thread (from the framework's thread factory).
   *
   * @param leaderPath the election's path
   * @param listener the leader's work
   */
  public LeaderSelector(
      PaddockFramework framework, String leaderPath, LeaderSelectorListener listener) {
    this.framework = framework;
    this.leaderPath = leaderPath;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.mutex = new InterProcessMutex(framework, leaderPath);
    this.executor =
        Executors.newSingleThreadExecutor(CoreAccess.of(framework).config().threadFactory());
  }

  /** Sets the id stored in our node (call before start). */
  public void setId(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /** This candidate's id. */
  public String getId() {
    return id;
  }

  /** Makes the candidate queue again each time its leadership ends. */
  public void autoRequeue() {
    autoRequeue.set(true);
  }

  /**
   * Joins the election.
   *
   * @throws IllegalStateException if started before or closed
   */
  public void start() {
    lifecycle.start();
    framework.addConnectionStateListener(stateBridge);
    requeue();
  }

  /**
   * Queues the candidate once more (unless it is queued or leading already).
   *
   * @return true if it was queued
   */
  public boolean requeue() {
    lifecycle.checkStarted();
    if (!queued.compareAndSet(0, 1)) {
      return false;
    }
    try {
      executor.execute(this::runOnce);
      return true;
    } catch (RejectedExecutionException closed) {
      queued.set(0);
      return false;
    }
  }

  private void runOnce() {
    try {
      leaderThread = Thread.currentThread();
      mutex.setNodeData(id.getBytes(StandardCharsets.UTF_8));
      mutex.acquire();
      try {
        grant = mutex.grant();
        listener.takeLeadership(framework);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("takeLeadership on {} failed", leaderPath, e);
      } finally {
        grant = null;
        releaseQuietly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (PaddockException e) {
      // A lost connection or session: the state listener requeues; no stack trace for the expected.
      LOG.warn("the selector on {} could not take the lock: {}", leaderPath, e.toString());
    } catch (RuntimeException e) {
      LOG.warn("the selector on {} could not take the lock", leaderPath, e);
    } finally {
      leaderThread = null;
      queued.set(0);
      Thread.interrupted(); // an interrupt ends one leadership, not the worker
    }
    if (autoRequeue.get() && lifecycle.isStarted()) {
      requeue();
    }
  }

  private void releaseQuietly() {
    boolean interrupted = Thread.interrupted();
    try {
      mutex.release();
    } catch (PaddockException | InterruptedException | RuntimeException e) {
      LOG.debug("the leader node on {} is deleted in the background", leaderPath, e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void onState(PaddockFramework source, ConnectionState state) {
    try {
      listener.stateChanged(source, state);
    } catch (CancelLeadershipException cancel) {
      interruptLeadership();
    }
  }

  /** Interrupts the leader's callback (or the wait for leadership). */
  public void interruptLeadership() {
    Thread t = leaderThread;
    if (t != null) {
      t.interrupt();
    }
  }

  /** True while {@code takeLeadership} runs. */
  public boolean hasLeadership() {
    return grant != null;
  }

  /** The grant of the current leadership, if this candidate leads. */
  public Optional<Grant> leadershipGrant() {
    return Optional.ofNullable(grant);
  }

  /** The candidates now, in sequence order (asks the server). */
  public List<Participant> getParticipants() throws PaddockException, InterruptedException {
    return Elections.participants(framework, leaderPath, DRIVER);
  }

  /** The leader now, if any (asks the server). */
  public Optional<Participant> getLeader() throws PaddockException, InterruptedException {
    return Elections.leader(framework, leaderPath, DRIVER);
  }

  /** Leaves the election: interrupts the leader, stops the worker; our node is deleted. */
  @Override
  public void close() {
    if (!lifecycle.close()) {
      return;
    }
    framework.removeConnectionStateListener(stateBridge);
    executor.shutdownNow(); // interrupts the worker: the callback ends, the mutex is released
    try {
      if (!executor.awaitTermination(
          io.paddock.recipes.internal.FrameworkLimits.CLOSE_WAIT_MS_MAX,
          java.util.concurrent.TimeUnit.MILLISECONDS)) {
        LOG.warn("the leader of {} ignored its interrupt", leaderPath);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
