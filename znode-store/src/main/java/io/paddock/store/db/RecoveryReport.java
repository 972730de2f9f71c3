package io.paddock.store.db;

import io.paddock.store.log.RecoveryAction;
import java.util.List;

/**
 * What opening a {@link ZnodeDatabase} found and did.
 *
 * @param snapshotZxid the zxid of the snapshot the tree was loaded from (0 for a fresh database)
 * @param skippedSnapshots newer snapshots that failed validation and were passed over
 * @param txnsReplayed how many logged txns were applied on top of the snapshot
 * @param lastZxid the zxid of the last txn applied
 * @param logActions what the txn log's recovery did (torn tails cut, empty files removed)
 * @param fresh true when the directories held nothing and an empty database was created
 */
public record RecoveryReport(
    long snapshotZxid,
    List<Long> skippedSnapshots,
    long txnsReplayed,
    long lastZxid,
    List<RecoveryAction> logActions,
    boolean fresh) {
  /** Copies the lists. */
  public RecoveryReport {
    skippedSnapshots = List.copyOf(skippedSnapshots);
    logActions = List.copyOf(logActions);
  }
}
