package io.paddock.server.zab;

import io.paddock.server.zab.ZabMessage.Ack;
import io.paddock.server.zab.ZabMessage.AckEpoch;
import io.paddock.server.zab.ZabMessage.Commit;
import io.paddock.server.zab.ZabMessage.Diff;
import io.paddock.server.zab.ZabMessage.FollowerInfo;
import io.paddock.server.zab.ZabMessage.Forward;
import io.paddock.server.zab.ZabMessage.Inform;
import io.paddock.server.zab.ZabMessage.LeaderInfo;
import io.paddock.server.zab.ZabMessage.NewLeader;
import io.paddock.server.zab.ZabMessage.Notification;
import io.paddock.server.zab.ZabMessage.Ping;
import io.paddock.server.zab.ZabMessage.Proposal;
import io.paddock.server.zab.ZabMessage.SessionTouch;
import io.paddock.server.zab.ZabMessage.Snap;
import io.paddock.server.zab.ZabMessage.Trunc;
import io.paddock.server.zab.ZabMessage.UpToDate;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import java.util.List;

/**
 * Encodes {@link ZabMessage}s as an {@code int} type code followed by the record's fields in
 * declaration order, in jute (big-endian) encoding:
 *
 * <ul>
 *   <li>FollowerInfo: type 11 (16 if an observer), long acceptedEpoch, long lastZxid, long serverId
 *   <li>LeaderInfo 17: long newEpoch; AckEpoch 18: long currentEpoch, long lastZxid
 *   <li>NewLeader 10, Ack 3, Diff 13, Trunc 14, Commit 4: long zxid; UpToDate 12: nothing
 *   <li>Proposal 2, Inform 8: long zxid, buffer txn; Snap 15: long zxid, buffer snapshot (never
 *       null)
 *   <li>Forward 101: buffer payload (never null)
 *   <li>Ping 5: vector of (long sessionId, int timeoutMs) (never null)
 *   <li>Notification 100: long senderId, int state, long proposedLeader, long proposedZxid, long
 *       proposedEpoch, long electionEpoch
 * </ul>
 *
 * <p>Decoding never trusts a length: a buffer or vector longer than the bytes left, a negative or
 * null length, an unknown type or state code, a truncated message and (for {@link #decode(byte[])})
 * trailing bytes all raise {@link MalformedRecordException}. Stateless.
 */
public final class ZabMessageCodec {

  /** Smallest encoding of one {@link SessionTouch}: a long and an int. */
  private static final int SESSION_TOUCH_BYTES = 12;

  private ZabMessageCodec() {}

  /** Encodes {@code message} into a new array. */
  public static byte[] encode(ZabMessage message) {
    JuteWriter w = new JuteWriter();
    encode(message, w);
    return w.toByteArray();
  }

  /** Appends the encoding of {@code message} to {@code w}. */
  public static void encode(ZabMessage message, JuteWriter w) {
    w.writeInt(message.type());
    if (message instanceof FollowerInfo m) {
      w.writeLong(m.acceptedEpoch());
      w.writeLong(m.lastZxid());
      w.writeLong(m.serverId());
    } else if (message instanceof LeaderInfo m) {
      w.writeLong(m.newEpoch());
    } else if (message instanceof AckEpoch m) {
      w.writeLong(m.currentEpoch());
      w.writeLong(m.lastZxid());
    } else if (message instanceof NewLeader m) {
      w.writeLong(m.zxid());
    } else if (message instanceof Ack m) {
      w.writeLong(m.zxid());
    } else if (message instanceof UpToDate) {
      // no fields
    } else if (message instanceof Diff m) {
      w.writeLong(m.zxid());
    } else if (message instanceof Trunc m) {
      w.writeLong(m.zxid());
    } else if (message instanceof Snap m) {
      w.writeLong(m.zxid());
      w.writeBuffer(m.snapshot());
    } else if (message instanceof Forward m) {
      w.writeBuffer(m.payload());
    } else if (message instanceof Proposal m) {
      w.writeLong(m.zxid());
      w.writeBuffer(m.txn());
    } else if (message instanceof Commit m) {
      w.writeLong(m.zxid());
    } else if (message instanceof Inform m) {
      w.writeLong(m.zxid());
      w.writeBuffer(m.txn());
    } else if (message instanceof Ping m) {
      w.writeVector(
          m.touches(),
          (out, t) -> {
            out.writeLong(t.sessionId());
            out.writeInt(t.timeoutMs());
          });
    } else if (message instanceof Notification m) {
      Vote v = m.vote();
      w.writeLong(m.senderId());
      w.writeInt(v.state().code());
      w.writeLong(v.proposedLeader());
      w.writeLong(v.proposedZxid());
      w.writeLong(v.proposedEpoch());
      w.writeLong(v.electionEpoch());
    } else {
      throw new IllegalArgumentException("unknown message " + message);
    }
  }

  /**
   * Decodes exactly one message that fills all of {@code bytes}.
   *
   * @throws MalformedRecordException if the bytes are not one well-formed message
   */
  public static ZabMessage decode(byte[] bytes) {
    JuteReader r = new JuteReader(bytes);
    ZabMessage m = decode(r);
    if (r.hasRemaining()) {
      throw new MalformedRecordException(
          r.remaining() + " trailing bytes after message type " + m.type());
    }
    return m;
  }

  /**
   * Decodes one message from {@code r}, leaving it positioned after the message.
   *
   * @throws MalformedRecordException if the next bytes are not a well-formed message
   */
  public static ZabMessage decode(JuteReader r) {
    int type = r.readInt();
    return switch (type) {
      case ZabMessage.FOLLOWERINFO, ZabMessage.OBSERVERINFO ->
          new FollowerInfo(
              r.readLong(), r.readLong(), r.readLong(), type == ZabMessage.OBSERVERINFO);
      case ZabMessage.LEADERINFO -> new LeaderInfo(r.readLong());
      case ZabMessage.ACKEPOCH -> new AckEpoch(r.readLong(), r.readLong());
      case ZabMessage.NEWLEADER -> new NewLeader(r.readLong());
      case ZabMessage.ACK -> new Ack(r.readLong());
      case ZabMessage.UPTODATE -> new UpToDate();
      case ZabMessage.DIFF -> new Diff(r.readLong());
      case ZabMessage.TRUNC -> new Trunc(r.readLong());
      case ZabMessage.SNAP -> new Snap(r.readLong(), buffer(r, "snapshot"));
      case ZabMessage.FORWARD -> new Forward(buffer(r, "payload"));
      case ZabMessage.PROPOSAL -> new Proposal(r.readLong(), buffer(r, "txn"));
      case ZabMessage.COMMIT -> new Commit(r.readLong());
      case ZabMessage.INFORM -> new Inform(r.readLong(), buffer(r, "txn"));
      case ZabMessage.PING -> new Ping(touches(r));
      case ZabMessage.NOTIFICATION -> notification(r);
      default -> throw new MalformedRecordException("unknown zab message type " + type);
    };
  }

  private static byte[] buffer(JuteReader r, String what) {
    byte[] bytes = r.readBuffer();
    if (bytes == null) {
      throw new MalformedRecordException(what + " is null");
    }
    return bytes;
  }

  private static List<SessionTouch> touches(JuteReader r) {
    List<SessionTouch> touches =
        r.readVector(in -> new SessionTouch(in.readLong(), in.readInt()), SESSION_TOUCH_BYTES);
    if (touches == null) {
      throw new MalformedRecordException("ping touches are null");
    }
    return touches;
  }

  private static Notification notification(JuteReader r) {
    long sender = r.readLong();
    int code = r.readInt();
    ServerState state;
    try {
      state = ServerState.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException("unknown server state " + code);
    }
    long leader = r.readLong();
    long zxid = r.readLong();
    long epoch = r.readLong();
    long electionEpoch = r.readLong();
    return new Notification(sender, new Vote(leader, zxid, epoch, electionEpoch, state));
  }
}
