package io.paddock.server.core;

/** The limits of the server core, in one place. */
public final class CoreLimits {
  /** Events the transport may have queued for the state thread before its calls block. */
  public static final int EVENT_QUEUE_CAPACITY = 16_384;

  /** Events the state thread takes from the queue for one batch. */
  public static final int BATCH_EVENTS_MAX = 2_048;

  /** Writes one group commit covers; more in a batch are committed in several rounds. */
  public static final int BATCH_WRITES_MAX = 1_000;

  /** Estimated txn bytes one group commit covers before the batch is committed in rounds. */
  public static final long BATCH_TXN_BYTES_MAX = 32L << 20;

  /** Longest the state thread sleeps when idle, so timers are never late by more. */
  public static final long IDLE_POLL_MS_MAX = 100;

  /** How long {@code close()} waits for the state thread to finish its batch and stop. */
  public static final long CLOSE_WAIT_MS = 30_000;

  /** Snapshot slices written between two batches while a snapshot runs. */
  public static final int SNAPSHOT_SLICES_PER_ROUND = 1;

  /** Milliseconds in a minute, for the container reaper's per-minute budget. */
  public static final long MS_PER_MINUTE = 60_000;

  /** Milliseconds in an hour, for the autopurge interval. */
  public static final long MS_PER_HOUR = 3_600_000;

  private CoreLimits() {}
}
