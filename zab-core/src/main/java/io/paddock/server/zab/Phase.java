package io.paddock.server.zab;

/** The phases of ZAB a peer goes through, in order (DESIGN.md section 2). */
public enum Phase {
  /** Fast leader election: the peer looks for a leader. */
  ELECTION,
  /** The leader gathers a quorum of learners and establishes its new epoch. */
  DISCOVERY,
  /** The leader brings learners to its history (DIFF, TRUNC or SNAP, then NEWLEADER). */
  SYNCHRONIZATION,
  /** The leader proposes and commits; learners serve clients. */
  BROADCAST
}
