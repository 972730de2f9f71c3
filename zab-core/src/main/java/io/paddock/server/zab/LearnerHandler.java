package io.paddock.server.zab;

/**
 * The leader's state for one connected learner (ZooKeeper's LearnerHandler, without a thread):
 * where it is in discovery and synchronization, what it has acknowledged, and when it was last
 * heard from.
 */
final class LearnerHandler {

  /** Where the learner is, as the leader sees it. */
  enum Stage {
    /** FOLLOWERINFO received; the leader has not fixed its epoch yet. */
    INFO_RECEIVED,
    /** LEADERINFO sent; waiting for ACKEPOCH. */
    EPOCH_SENT,
    /** ACKEPOCH received; waiting for the leader to establish its epoch before syncing. */
    EPOCH_ACKED,
    /** Sync payload and NEWLEADER sent; every later proposal and commit follows in order. */
    SYNCING,
    /** NEWLEADER acknowledged; UPTODATE not sent yet (the leader awaits its quorum). */
    SYNCED,
    /** UPTODATE sent: the learner serves. */
    BROADCAST
  }

  final long id;
  final boolean observer;
  Stage stage = Stage.INFO_RECEIVED;
  long acceptedEpoch;
  long lastZxid;

  /** The last zxid the learner has durably logged, as it acknowledged (followers). */
  long ackedZxid = -1;

  /** The end of the history the sync payload brought the learner to. */
  long syncEnd = -1;

  int silentTicks;

  LearnerHandler(long id, boolean observer, long acceptedEpoch, long lastZxid) {
    this.id = id;
    this.observer = observer;
    this.acceptedEpoch = acceptedEpoch;
    this.lastZxid = lastZxid;
  }

  /** True once the payload went out: proposals and commits now stream to this learner in order. */
  boolean streaming() {
    return stage.compareTo(Stage.SYNCING) >= 0;
  }

  /** True once the learner has acknowledged NEWLEADER (its log is the leader's, durably). */
  boolean synced() {
    return stage.compareTo(Stage.SYNCED) >= 0;
  }
}
