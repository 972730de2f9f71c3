package io.paddock.recipes.locks;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.CountSource;
import io.paddock.recipes.internal.SharedCountNode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A counting semaphore across processes (Curator's InterProcessSemaphoreV2): at most {@code
 * maxLeases} leases are out at once. The maximum is fixed, or read from a shared count node so all
 * users agree and it can change ({@link #withSharedCount}); raising it admits waiters at once.
 *
 * <p>Layout: an internal mutex at {@code <path>/locks} and leases at {@code
 * <path>/leases/_c_<uuid>-lease-<seq>} (ephemeral). To take a lease a process takes the mutex,
 * creates its lease node, and waits — still holding the mutex, so waiters are served in order
 * without a herd — until the number of leases is within the maximum; then it releases the mutex. A
 * multi-lease acquire is all or nothing. A timed-out or interrupted acquire leaves no node. Leases
 * die with their session. Thread-safe.
 */
public final class InterProcessSemaphoreV2 implements AutoCloseable {
  /** The name of lease nodes. */
  public static final String LEASE_NAME = "lease-";

  private final WatcherRemovingFramework framework;
  private final String leasesPath;
  private final InterProcessMutex mutex;
  private final CountSource maxSource;
  private final int fixedMax;
  private final AutoCloseable ownedCount;
  private final Object changed = new Object();
  private final Watcher watcher = event -> signalChange();
  private final Runnable countListener = this::signalChange;
  private long changes;
  private volatile byte[] nodeData;

  /**
   * A semaphore with a fixed maximum.
   *
   * @param path the semaphore's path
   * @param maxLeases the most leases out at once, ≥ 1
   */
  public InterProcessSemaphoreV2(PaddockFramework framework, String path, int maxLeases) {
    this(framework, path, null, maxLeases, null);
    if (maxLeases < 1) {
      throw new IllegalArgumentException("maxLeases must be ≥ 1");
    }
  }

  private InterProcessSemaphoreV2(
      PaddockFramework framework,
      String path,
      CountSource source,
      int fixedMax,
      AutoCloseable ownedCount) {
    ZnodePaths.validate(framework.fullPath(path));
    this.framework = framework.newWatcherRemovingFramework();
    this.leasesPath = ZnodePaths.child(path, "leases");
    this.mutex = new InterProcessMutex(framework, ZnodePaths.child(path, "locks"));
    this.maxSource = source;
    this.fixedMax = fixedMax;
    this.ownedCount = ownedCount;
    if (source != null) {
      source.addListener(countListener);
    }
  }

  /**
   * A semaphore whose maximum is the shared count at {@code countPath} (seeded with {@code seedMax}
   * when missing). Close the semaphore to stop following the count.
   */
  public static InterProcessSemaphoreV2 withSharedCount(
      PaddockFramework framework, String path, String countPath, int seedMax)
      throws PaddockException, InterruptedException {
    SharedCountNode count = new SharedCountNode(framework, countPath, seedMax);
    count.start();
    return new InterProcessSemaphoreV2(framework, path, count, 0, count);
  }

  /** The maximum now. */
  public int maxLeases() {
    return maxSource != null ? maxSource.count() : fixedMax;
  }

  /** Stores data in the nodes of later leases. */
  public void setNodeData(byte[] data) {
    this.nodeData = data == null ? null : data.clone();
  }

  /** Takes one lease, waiting as long as it takes. */
  public Lease acquire() throws PaddockException, InterruptedException {
    return acquire(1, -1, TimeUnit.NANOSECONDS).iterator().next();
  }

  /** Takes {@code qty} leases (all or nothing), waiting as long as it takes. */
  public Collection<Lease> acquire(int qty) throws PaddockException, InterruptedException {
    return acquire(qty, -1, TimeUnit.NANOSECONDS);
  }

  /**
   * Takes one lease if it comes within the time.
   *
   * @return the lease, or null on timeout
   */
  public Lease acquire(long time, TimeUnit unit) throws PaddockException, InterruptedException {
    Collection<Lease> leases = acquire(1, time, unit);
    return leases == null ? null : leases.iterator().next();
  }

  /**
   * Takes {@code qty} leases if they all come within the time (a negative time waits without
   * limit); on timeout the ones taken are returned.
   *
   * @return the leases, or null on timeout
   */
  public Collection<Lease> acquire(int qty, long time, TimeUnit unit)
      throws PaddockException, InterruptedException {
    if (qty < 1) {
      throw new IllegalArgumentException("qty must be ≥ 1");
    }
    long deadlineNanos = time < 0 ? Long.MAX_VALUE : System.nanoTime() + unit.toNanos(time);
    List<Lease> taken = new ArrayList<>();
    boolean success = false;
    try {
      for (int i = 0; i < qty; i++) {
        Lease lease = acquireOne(deadlineNanos);
        if (lease == null) {
          return null;
        }
        taken.add(lease);
      }
      success = true;
      return taken;
    } finally {
      if (!success) {
        returnAll(taken);
      }
    }
  }

  private Lease acquireOne(long deadlineNanos) throws PaddockException, InterruptedException {
    long leftNanos =
        deadlineNanos == Long.MAX_VALUE ? -1 : Math.max(0, deadlineNanos - System.nanoTime());
    if (!mutex.acquire(leftNanos, TimeUnit.NANOSECONDS)) {
      return null;
    }
    try {
      CreateResult ours =
          framework
              .create()
              .creatingParentContainersIfNeeded()
              .withProtection()
              .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
              .forPathWithStat(ZnodePaths.child(leasesPath, LEASE_NAME), nodeData);
      boolean granted = false;
      try {
        granted = waitWithinMax(ours.path(), deadlineNanos);
      } finally {
        if (!granted) {
          framework.delete().guaranteed().quietly().forPathAsync(ours.path());
        }
      }
      return granted ? new LeaseImpl(ours) : null;
    } finally {
      mutex.release();
    }
  }

  /** Waits until the leases are within the maximum; false on timeout. */
  private boolean waitWithinMax(String ourPath, long deadlineNanos)
      throws PaddockException, InterruptedException {
    String ourName = ZnodePaths.name(ourPath);
    while (true) {
      long seen;
      synchronized (changed) {
        seen = changes;
      }
      List<String> leases =
          framework.getChildren().usingWatcher(watcher).forPath(leasesPath).stream()
              .filter(c -> c.contains(LEASE_NAME))
              .toList();
      if (!leases.contains(ourName)) {
        throw new PaddockException.NoNodeException(ourPath); // our session died meanwhile
      }
      if (leases.size() <= maxLeases()) {
        return true;
      }
      synchronized (changed) {
        while (changes == seen) {
          if (deadlineNanos == Long.MAX_VALUE) {
            changed.wait();
          } else {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (leftMs <= 0) {
              return false;
            }
            changed.wait(leftMs);
          }
        }
      }
    }
  }

  private void signalChange() {
    synchronized (changed) {
      changes++;
      changed.notifyAll();
    }
  }

  /** Returns a lease (closes it). */
  public void returnLease(Lease lease) throws PaddockException, InterruptedException {
    lease.close();
  }

  /** Returns every lease, trying all even when one fails (the first failure is thrown). */
  public void returnAll(Collection<Lease> leases) throws PaddockException, InterruptedException {
    PaddockException first = null;
    for (Lease lease : leases) {
      try {
        lease.close();
      } catch (PaddockException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The names of the lease nodes now out (and waiting). */
  public List<String> getParticipantNodes() throws PaddockException, InterruptedException {
    try {
      return framework.getChildren().forPath(leasesPath).stream()
          .filter(c -> c.contains(LEASE_NAME))
          .sorted(io.paddock.recipes.internal.Sequences.BY_SEQUENCE)
          .toList();
    } catch (PaddockException.NoNodeException none) {
      return List.of();
    }
  }

  /** Stops following the shared count and removes this semaphore's watches; leases stay out. */
  @Override
  public void close() throws Exception {
    if (maxSource != null) {
      maxSource.removeListener(countListener);
    }
    framework.removeWatchers();
    if (ownedCount != null) {
      ownedCount.close();
    }
  }

  private final class LeaseImpl implements Lease {
    private final CreateResult node;
    private final AtomicBoolean open = new AtomicBoolean(true);

    LeaseImpl(CreateResult node) {
      this.node = Objects.requireNonNull(node);
    }

    @Override
    public String nodePath() {
      return node.path();
    }

    @Override
    public Grant grant() {
      return new Grant(node.path(), node.stat().czxid(), node.stat().version());
    }

    @Override
    public byte[] data() throws PaddockException, InterruptedException {
      return framework.getData().forPath(node.path());
    }

    @Override
    public void close() throws PaddockException, InterruptedException {
      if (open.compareAndSet(true, false)) {
        framework.delete().guaranteed().quietly().forPath(node.path());
      }
    }
  }
}
