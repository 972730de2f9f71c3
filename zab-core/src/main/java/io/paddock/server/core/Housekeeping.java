package io.paddock.server.core;

import io.paddock.store.db.SnapshotTask;
import io.paddock.store.model.OpCode;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state thread's timed work, run after every batch and whenever the loop wakes: expire sessions
 * (a closeSession txn each, through the pipeline), reap containers and TTL nodes (deleteContainer
 * txns, at most {@code znode.container.maxPerMinute}), write a slice of a running snapshot or start
 * one when due, and autopurge old files.
 */
final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  private static final long NEVER = Long.MAX_VALUE;

  private final CoreState state;
  private final CommitStage commit;
  private final long reapIntervalMs;
  private final long purgeIntervalMs;
  private long nextReapMs;
  private long nextPurgeMs;

  /** The reaper's budget in "delete × ms-per-minute" units: a delete costs MS_PER_MINUTE. */
  private long reapBudget;

  private long reapBudgetAtMs;

  private final boolean leads;

  Housekeeping(CoreState state, CommitStage commit) {
    this(state, commit, true);
  }

  /**
   * @param leads true standalone and on an ensemble's leader: only they expire sessions and reap
   *     nodes (sessions are global; a learner reports its clients' activity to the leader)
   */
  Housekeeping(CoreState state, CommitStage commit, boolean leads) {
    this.leads = leads;
    this.state = state;
    this.commit = commit;
    long now = state.clock.monotonicMs();
    this.reapIntervalMs = state.config.containerCheckIntervalMs();
    this.nextReapMs = now + reapIntervalMs;
    this.reapBudget = reapBudgetMax();
    this.reapBudgetAtMs = now;
    int purgeHours = state.config.autopurgeIntervalHours();
    this.purgeIntervalMs = purgeHours > 0 ? purgeHours * CoreLimits.MS_PER_HOUR : NEVER;
    this.nextPurgeMs = purgeHours > 0 ? now : NEVER; // ZooKeeper purges once at start-up too
  }

  /** Does whatever is due now; logs and commits the txns that needs. */
  void run() {
    long now = state.clock.monotonicMs();
    if (leads) {
      expireSessions(now);
    }
    if (leads && now >= nextReapMs) {
      reap(now);
      nextReapMs = now + reapIntervalMs;
    }
    commit.commitNow();
    snapshot();
    if (now >= nextPurgeMs && state.db.runningSnapshot() == null) {
      purge();
      nextPurgeMs = now + purgeIntervalMs;
    }
  }

  /** How long the loop may sleep before something is due; 0 while a snapshot is being written. */
  long msUntilDue() {
    if (state.db.runningSnapshot() != null || state.db.snapshotDue()) {
      return 0;
    }
    long now = state.clock.monotonicMs();
    long next =
        leads
            ? Math.min(state.sessions.nextExpiryMs(), Math.min(nextReapMs, nextPurgeMs))
            : nextPurgeMs;
    return Math.max(0, next - now);
  }

  private void expireSessions(long now) {
    for (long id : state.sessions.takeExpired(now)) {
      LOG.info(
          "Expiring session 0x{}, timeout of {}ms exceeded",
          Long.toHexString(id),
          state.sessions.timeoutOf(id));
      TxnHeader header = state.nextHeader(id, 0, OpCode.CLOSE_SESSION);
      commit.log(
          new PendingBatch.Write(
              header, new Txn.CloseSession(), PendingBatch.Origin.EXPIRY, null, null, null, null),
          state.tree.getEphemerals(id, null));
    }
  }

  /** Deletes empty containers and expired TTL nodes, within the per-minute budget (§9.4, §9.5). */
  private void reap(long now) {
    // A token bucket in exact integer units: maxPerMinute deletes accrue per minute, at most a
    // minute's worth is kept.
    long accrued = (now - reapBudgetAtMs) * state.config.containerMaxPerMinute();
    reapBudget = Math.min(reapBudgetMax(), reapBudget + accrued);
    reapBudgetAtMs = now;
    List<String> candidates =
        state.tree.reapCandidates(
            state.clock.wallMs(), state.config.containerMaxNeverUsedIntervalMs());
    for (String path : candidates) {
      if (reapBudget < CoreLimits.MS_PER_MINUTE) {
        break;
      }
      reapBudget -= CoreLimits.MS_PER_MINUTE;
      TxnHeader header = state.nextHeader(0, 0, OpCode.DELETE_CONTAINER);
      commit.log(
          new PendingBatch.Write(
              header,
              new Txn.DeleteContainer(path),
              PendingBatch.Origin.REAPER,
              null,
              null,
              null,
              null));
    }
  }

  private long reapBudgetMax() {
    return state.config.containerMaxPerMinute() * CoreLimits.MS_PER_MINUTE;
  }

  private void snapshot() {
    try {
      SnapshotTask running = state.db.runningSnapshot();
      if (running != null) {
        for (int i = 0; i < CoreLimits.SNAPSHOT_SLICES_PER_ROUND && !running.step(); i++) {
          // one bounded slice per round, so batches keep flowing between slices
        }
      } else if (state.db.snapshotDue()) {
        state.db.beginSnapshot();
      }
    } catch (IOException e) {
      // The log still holds every txn; the next snapshot will be tried when due again.
      LOG.warn("Snapshot failed", e);
    }
  }

  private void purge() {
    try {
      state.db.purge(state.config.autopurgeSnapRetainCount());
    } catch (IOException e) {
      LOG.warn("Autopurge failed", e);
    }
  }
}
