package io.paddock.store.db;

import io.paddock.store.log.LogOptions;
import java.util.Objects;

/**
 * How a {@link ZnodeDatabase} logs and snapshots.
 *
 * @param logOptions the txn log's options (preallocation, segment size, forceSync …)
 * @param snapCount a snapshot is due after between snapCount/2 and snapCount txns (ZooKeeper's
 *     {@code snapCount}, default 100,000, at least {@link #SNAP_COUNT_MIN})
 * @param snapshotSliceNodes how many nodes one {@link SnapshotTask#step()} encodes, so the thread
 *     that applies txns never stalls for the whole tree
 * @param randomSeed seeds the choice of the snapshot point in [snapCount/2, snapCount), which keeps
 *     the members of an ensemble from snapshotting at the same moment; fixed in tests
 */
public record DatabaseOptions(
    LogOptions logOptions, int snapCount, int snapshotSliceNodes, long randomSeed) {
  /** ZooKeeper's default snapCount. */
  public static final int DEFAULT_SNAP_COUNT = 100_000;

  /** ZooKeeper's minimum snapCount. */
  public static final int SNAP_COUNT_MIN = 2;

  /** Default nodes per snapshot slice. */
  public static final int DEFAULT_SNAPSHOT_SLICE_NODES = 10_000;

  /** Checks the values. */
  public DatabaseOptions {
    Objects.requireNonNull(logOptions, "logOptions");
    if (snapCount < SNAP_COUNT_MIN) {
      throw new IllegalArgumentException("snapCount must be at least " + SNAP_COUNT_MIN);
    }
    if (snapshotSliceNodes < 1) {
      throw new IllegalArgumentException("snapshotSliceNodes must be positive");
    }
  }

  /** The defaults, with the given seed. */
  public static DatabaseOptions defaults(long randomSeed) {
    return new DatabaseOptions(
        LogOptions.defaults(), DEFAULT_SNAP_COUNT, DEFAULT_SNAPSHOT_SLICE_NODES, randomSeed);
  }

  /** A copy with another snapCount. */
  public DatabaseOptions withSnapCount(int value) {
    return new DatabaseOptions(logOptions, value, snapshotSliceNodes, randomSeed);
  }

  /** A copy with other log options. */
  public DatabaseOptions withLogOptions(LogOptions value) {
    return new DatabaseOptions(value, snapCount, snapshotSliceNodes, randomSeed);
  }
}
