package io.paddock.server.zab;

import java.util.List;

/**
 * The disk seam of a {@link ZabPeer}: its durable protocol state (the two epochs), its txn log and
 * the state machine the committed txns are applied to. The peer calls it synchronously from the
 * thread that drives it; an implementation does real I/O (production) or keeps everything in memory
 * and loses what was not synced when the simulator crashes it.
 *
 * <p>Durability contract: {@link #writeAcceptedEpoch}, {@link #writeCurrentEpoch}, {@link
 * #truncateAfter} and {@link #installSnapshot} are durable when they return; {@link #append} is
 * durable only after the next {@link #sync()}. The peer orders these calls as ZAB requires (for
 * example: the txns of a DIFF are synced before currentEpoch is written, and both before NEWLEADER
 * is acknowledged).
 */
public interface ReplicaStore {

  /** The epoch of the last LEADERINFO this peer accepted (ZooKeeper's acceptedEpoch file). */
  long acceptedEpoch();

  /** The epoch of the last NEWLEADER this peer acknowledged (ZooKeeper's currentEpoch file). */
  long currentEpoch();

  /** Persists acceptedEpoch atomically and durably. */
  void writeAcceptedEpoch(long epoch);

  /** Persists currentEpoch atomically and durably. */
  void writeCurrentEpoch(long epoch);

  /** The zxid of the last logged txn, synced or not; 0 when the log and snapshot are empty. */
  long lastLoggedZxid();

  /**
   * Appends a txn to the log; durable after the next {@link #sync()}.
   *
   * @param zxid greater than {@link #lastLoggedZxid()}
   * @param txn the encoded txn, as proposed by the leader
   */
  void append(long zxid, byte[] txn);

  /** Makes every appended txn durable (one fsync for all of them: group commit). */
  void sync();

  /**
   * Logged txns after {@code zxid} in zxid order, at most {@code maxEntries}; null when the store
   * no longer holds every txn after {@code zxid} (the caller must then sync a learner by snapshot).
   */
  List<LogEntry> entriesAfter(long zxid, int maxEntries);

  /**
   * Drops every logged txn after {@code zxid}, durably, and rewinds the applied state so that it
   * holds no txn after {@code zxid}.
   */
  void truncateAfter(long zxid);

  /** The zxid of the last txn applied to the state machine. */
  long lastAppliedZxid();

  /**
   * Applies a committed txn to the state machine. Called in zxid order, only for logged and synced
   * txns, each once.
   */
  void apply(long zxid, byte[] txn);

  /** The state machine's serialized state as of {@link #lastAppliedZxid()}. */
  byte[] snapshot();

  /**
   * Replaces the state machine and the log with {@code snapshot} taken at {@code zxid}, durably:
   * afterwards lastLoggedZxid() = lastAppliedZxid() = zxid and the log holds nothing after it.
   */
  void installSnapshot(long zxid, byte[] snapshot);
}
