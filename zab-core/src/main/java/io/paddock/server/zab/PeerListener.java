package io.paddock.server.zab;

import java.util.List;

/**
 * What a {@link ZabPeer} tells the server around it, called synchronously on the driving thread.
 */
public interface PeerListener {

  /**
   * The peer changed role or phase.
   *
   * @param status the peer's status after the change
   * @param reason why, in words, for the log
   */
  void onTransition(PeerStatus status, String reason);

  /**
   * An application payload arrived: on the leader from a learner ({@link ZabPeer#forwardToLeader}),
   * on a learner from the leader ({@link ZabPeer#sendToLearner}). It is ordered with the protocol
   * messages of the same connection.
   */
  void onForward(long fromId, byte[] payload);

  /** Learner: the sessions its clients touched since the last ping, to report to the leader. */
  List<ZabMessage.SessionTouch> takeTouches();

  /** Leader: a learner reported sessions its clients touched. */
  void onTouches(long fromId, List<ZabMessage.SessionTouch> touches);
}
