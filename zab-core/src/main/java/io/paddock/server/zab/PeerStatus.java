package io.paddock.server.zab;

/**
 * A peer's externally visible state, for four-letter words, logs and tests.
 *
 * @param myId this peer's server id
 * @param state LOOKING, FOLLOWING, LEADING or OBSERVING
 * @param phase the ZAB phase
 * @param leaderId the leader this peer follows or is; -1 while looking
 * @param currentEpoch the epoch of the established leader (the persisted currentEpoch)
 * @param lastLoggedZxid the last txn logged
 * @param lastCommittedZxid the last txn known committed (applied)
 * @param learners leader only: learners connected (followers and observers), else 0
 * @param syncedFollowers leader only: voting followers in BROADCAST, else 0
 * @param syncedObservers leader only: observers in BROADCAST, else 0
 * @param pendingSyncs leader only: learners still being synchronized, else 0
 * @param outstandingProposals leader only: proposals not yet committed, else 0
 */
public record PeerStatus(
    long myId,
    ServerState state,
    Phase phase,
    long leaderId,
    long currentEpoch,
    long lastLoggedZxid,
    long lastCommittedZxid,
    int learners,
    int syncedFollowers,
    int syncedObservers,
    int pendingSyncs,
    int outstandingProposals) {

  /** True when this peer may serve clients: it leads or learns in BROADCAST. */
  public boolean isServing() {
    return phase == Phase.BROADCAST && state != ServerState.LOOKING;
  }
}
