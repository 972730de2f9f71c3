package io.paddock.server.zab;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The catalog of messages peers exchange, named as in ZooKeeper (PROTOCOL.md section 14). Each
 * record knows its {@link #type() type code}; the quorum-port codes are ZooKeeper's QuorumPacket
 * types, and {@link Notification} (which travels on the election port in ZooKeeper) has its own.
 *
 * <p>Records holding a {@code byte[]} do not copy it: the array is handed over and must not be
 * changed afterwards. Their {@code equals} and {@code hashCode} compare contents.
 *
 * @see ZabMessageCodec
 */
public sealed interface ZabMessage {

  /** QuorumPacket type PROPOSAL. */
  int PROPOSAL = 2;

  /** QuorumPacket type ACK. */
  int ACK = 3;

  /** QuorumPacket type COMMIT. */
  int COMMIT = 4;

  /** QuorumPacket type PING. */
  int PING = 5;

  /** QuorumPacket type INFORM. */
  int INFORM = 8;

  /** QuorumPacket type NEWLEADER. */
  int NEWLEADER = 10;

  /** QuorumPacket type FOLLOWERINFO. */
  int FOLLOWERINFO = 11;

  /** QuorumPacket type UPTODATE. */
  int UPTODATE = 12;

  /** QuorumPacket type DIFF. */
  int DIFF = 13;

  /** QuorumPacket type TRUNC. */
  int TRUNC = 14;

  /** QuorumPacket type SNAP. */
  int SNAP = 15;

  /** QuorumPacket type OBSERVERINFO: a {@link FollowerInfo} with {@code isObserver} set. */
  int OBSERVERINFO = 16;

  /** QuorumPacket type LEADERINFO. */
  int LEADERINFO = 17;

  /** QuorumPacket type ACKEPOCH. */
  int ACKEPOCH = 18;

  /** The election notification (no QuorumPacket type in ZooKeeper; chosen by Paddock). */
  int NOTIFICATION = 100;

  /** An application payload between a learner and its leader (chosen by Paddock). */
  int FORWARD = 101;

  /** The type code written first on the wire. */
  int type();

  /**
   * Discovery, learner to leader: what the learner has accepted and logged.
   *
   * @param acceptedEpoch the learner's accepted epoch
   * @param lastZxid the learner's last logged zxid
   * @param serverId the learner's server id
   * @param isObserver true for an observer (ZooKeeper's OBSERVERINFO)
   */
  record FollowerInfo(long acceptedEpoch, long lastZxid, long serverId, boolean isObserver)
      implements ZabMessage {
    @Override
    public int type() {
      return isObserver ? OBSERVERINFO : FOLLOWERINFO;
    }
  }

  /** Discovery, leader to learner: the epoch the leader proposes. */
  record LeaderInfo(long newEpoch) implements ZabMessage {
    @Override
    public int type() {
      return LEADERINFO;
    }
  }

  /**
   * Discovery, learner to leader: the learner's current epoch ({@code -1} if it had already
   * accepted the proposed epoch; such a reply does not count as an ack) and last logged zxid.
   */
  record AckEpoch(long currentEpoch, long lastZxid) implements ZabMessage {
    @Override
    public int type() {
      return ACKEPOCH;
    }
  }

  /** Synchronization: the leader's sync is complete; {@code zxid} is make(newEpoch, 0). */
  record NewLeader(long zxid) implements ZabMessage {
    @Override
    public int type() {
      return NEWLEADER;
    }
  }

  /** A learner has logged (and synced) everything up to {@code zxid}, or acks NEWLEADER. */
  record Ack(long zxid) implements ZabMessage {
    @Override
    public int type() {
      return ACK;
    }
  }

  /** Synchronization is over; the learner may serve. */
  record UpToDate() implements ZabMessage {
    @Override
    public int type() {
      return UPTODATE;
    }
  }

  /** Synchronization by difference: proposals and commits after the learner's log follow. */
  record Diff(long zxid) implements ZabMessage {
    @Override
    public int type() {
      return DIFF;
    }
  }

  /** Synchronization by truncation: the learner drops its log after {@code zxid}. */
  record Trunc(long zxid) implements ZabMessage {
    @Override
    public int type() {
      return TRUNC;
    }
  }

  /**
   * Synchronization by snapshot: the leader's state machine as of {@code zxid}, in the opaque
   * format of {@link ReplicaStore#snapshot()}.
   */
  record Snap(long zxid, byte[] snapshot) implements ZabMessage {
    /** Rejects a null snapshot. */
    public Snap {
      Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public int type() {
      return SNAP;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Snap p && zxid == p.zxid && Arrays.equals(snapshot, p.snapshot);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(zxid) + Arrays.hashCode(snapshot);
    }

    @Override
    public String toString() {
      return "Snap[zxid=0x" + Long.toHexString(zxid) + ", " + snapshot.length + " bytes]";
    }
  }

  /**
   * An application payload (a forwarded client request, or a reply) between a learner in broadcast
   * and its leader, ordered with the protocol messages of the connection.
   */
  record Forward(byte[] payload) implements ZabMessage {
    /** Rejects a null payload. */
    public Forward {
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public int type() {
      return FORWARD;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Forward p && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Forward[" + payload.length + " bytes]";
    }
  }

  /** Broadcast: the leader proposes transaction {@code txn} at {@code zxid}. */
  record Proposal(long zxid, byte[] txn) implements ZabMessage {
    /** Rejects a null txn. */
    public Proposal {
      Objects.requireNonNull(txn, "txn");
    }

    @Override
    public int type() {
      return PROPOSAL;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Proposal p && zxid == p.zxid && Arrays.equals(txn, p.txn);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(zxid) + Arrays.hashCode(txn);
    }

    @Override
    public String toString() {
      return "Proposal[zxid=0x" + Long.toHexString(zxid) + ", txn=" + txn.length + " bytes]";
    }
  }

  /** Broadcast: the proposal at {@code zxid} is committed. */
  record Commit(long zxid) implements ZabMessage {
    @Override
    public int type() {
      return COMMIT;
    }
  }

  /** Broadcast to observers: the committed transaction {@code txn} at {@code zxid}. */
  record Inform(long zxid, byte[] txn) implements ZabMessage {
    /** Rejects a null txn. */
    public Inform {
      Objects.requireNonNull(txn, "txn");
    }

    @Override
    public int type() {
      return INFORM;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Inform p && zxid == p.zxid && Arrays.equals(txn, p.txn);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(zxid) + Arrays.hashCode(txn);
    }

    @Override
    public String toString() {
      return "Inform[zxid=0x" + Long.toHexString(zxid) + ", txn=" + txn.length + " bytes]";
    }
  }

  /**
   * Liveness, both ways; a learner's ping carries the sessions its clients touched.
   *
   * @param touches the sessions touched since the last ping; copied, unmodifiable
   */
  record Ping(List<SessionTouch> touches) implements ZabMessage {
    /** Copies {@code touches}; rejects null elements. */
    public Ping {
      touches = List.copyOf(touches);
    }

    @Override
    public int type() {
      return PING;
    }
  }

  /** A session a learner's client touched, with the session's timeout. */
  record SessionTouch(long sessionId, int timeoutMs) {}

  /**
   * Election: {@code senderId} currently votes {@code vote}.
   *
   * @param senderId the server id of the peer sending the notification
   * @param vote its current vote, with its state
   */
  record Notification(long senderId, Vote vote) implements ZabMessage {
    /** Rejects a null vote. */
    public Notification {
      Objects.requireNonNull(vote, "vote");
    }

    @Override
    public int type() {
      return NOTIFICATION;
    }
  }
}
