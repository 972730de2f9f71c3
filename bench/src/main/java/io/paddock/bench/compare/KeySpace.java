package io.paddock.bench.compare;

import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The pre-populated keys a workload reads and updates: {@code keyCount} persistent nodes under one
 * root, each holding {@code valueBytes} bytes. The paths are built once, so picking a key allocates
 * nothing.
 */
public final class KeySpace {
  /** Creates in flight while populating. */
  static final int POPULATE_IN_FLIGHT_MAX = 512;

  /** How long populating may take per 10,000 keys before it is abandoned. */
  static final long POPULATE_MS_PER_10K_KEYS_MAX = 60_000;

  private final String root;
  private final String[] paths;
  private final byte[] value;

  /** The key space of {@code keyCount} keys holding {@code valueBytes} each. */
  public KeySpace(int keyCount, int valueBytes) {
    this.root = String.format(Locale.ROOT, "/bench-keys-n%d-v%d", keyCount, valueBytes);
    this.paths = new String[keyCount];
    for (int i = 0; i < keyCount; i++) {
      paths[i] = String.format(Locale.ROOT, "%s/k%07d", root, i);
    }
    this.value = Values.of(valueBytes);
  }

  /** The parent of every key. */
  public String root() {
    return root;
  }

  /** The number of keys. */
  public int size() {
    return paths.length;
  }

  /** The i-th key's path. */
  public String path(int i) {
    return paths[i];
  }

  /** The value every key starts with (shared, never changed). */
  public byte[] value() {
    return value;
  }

  /**
   * Creates the root and every key through {@code zk}, keeping up to {@value
   * #POPULATE_IN_FLIGHT_MAX} creates in flight; keys that exist already are left as they are.
   *
   * @throws IllegalStateException when a create fails for another reason or populating takes too
   *     long
   */
  public void populate(ZooKeeper zk) throws KeeperException, InterruptedException {
    try {
      zk.create(root, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    } catch (KeeperException.NodeExistsException e) {
      // a previous workload populated the same key space on this server
    }
    Semaphore inFlight = new Semaphore(POPULATE_IN_FLIGHT_MAX);
    AtomicReference<String> failure = new AtomicReference<>();
    AtomicInteger done = new AtomicInteger();
    for (String path : paths) {
      inFlight.acquire();
      zk.create(
          path,
          value,
          ZooDefs.Ids.OPEN_ACL_UNSAFE,
          CreateMode.PERSISTENT,
          (rc, p, ctx, name) -> {
            if (rc != 0 && rc != KeeperException.Code.NODEEXISTS.intValue()) {
              failure.compareAndSet(null, p + ": " + KeeperException.Code.get(rc));
            }
            done.incrementAndGet();
            inFlight.release();
          },
          null);
      if (failure.get() != null) {
        break;
      }
    }
    long waitMs = POPULATE_MS_PER_10K_KEYS_MAX * (1 + paths.length / 10_000);
    if (!inFlight.tryAcquire(POPULATE_IN_FLIGHT_MAX, waitMs, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "populating " + root + " stalled after " + done.get() + " of " + paths.length + " keys");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("populating " + root + " failed: " + failure.get());
    }
  }
}
