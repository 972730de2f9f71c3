package io.paddock.server.core;

import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestCodec;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The application payloads learners and the leader exchange through ZAB's ordered channel
 * (ZooKeeper's REQUEST and SYNC quorum packets): a client's write, a new session, a malformed multi
 * and a sync, learner to leader; the sync's answer, leader to learner. Decoding is bounds-checked:
 * a payload that does not decode is refused with {@link MalformedRecordException}.
 */
sealed interface Forwarded {
  /** Kind codes, first byte of every payload. */
  int REQUEST = 1;

  /** A new session. */
  int CREATE_SESSION = 2;

  /** A multi whose body did not decode. */
  int MALFORMED_MULTI = 3;

  /** A client's sync. */
  int SYNC = 4;

  /** The leader's answer to a sync. */
  int SYNC_DONE = 5;

  /** The most auth ids a forwarded request may carry. */
  int IDS_MAX = 1024;

  /** The encoded payload. */
  byte[] encode();

  /** A client's write (or closeSession), with the auth ids of its connection. */
  record ClientWrite(long sessionId, List<Id> ids, int xid, int op, Request body)
      implements Forwarded {
    @Override
    public byte[] encode() {
      JuteWriter out = begin(REQUEST, sessionId, 256);
      out.writeInt(ids.size());
      for (Id id : ids) {
        out.writeString(id.scheme());
        out.writeString(id.id());
      }
      RequestCodec.encode(new RequestHeader(xid, op), body, out);
      return out.toByteArray();
    }
  }

  /** A session the learner opened. */
  record CreateSession(long sessionId, int timeoutMs) implements Forwarded {
    @Override
    public byte[] encode() {
      JuteWriter out = begin(CREATE_SESSION, sessionId, 16);
      out.writeInt(timeoutMs);
      return out.toByteArray();
    }
  }

  /** A multi that did not decode on the learner. */
  record MalformedMulti(long sessionId, int xid) implements Forwarded {
    @Override
    public byte[] encode() {
      JuteWriter out = begin(MALFORMED_MULTI, sessionId, 16);
      out.writeInt(xid);
      return out.toByteArray();
    }
  }

  /** A client's sync. */
  record Sync(long sessionId, int xid) implements Forwarded {
    @Override
    public byte[] encode() {
      JuteWriter out = begin(SYNC, sessionId, 16);
      out.writeInt(xid);
      return out.toByteArray();
    }
  }

  /** The leader's answer: the learner may answer the sync once it applied {@code zxid}. */
  record SyncDone(long sessionId, int xid, long zxid) implements Forwarded {
    @Override
    public byte[] encode() {
      JuteWriter out = begin(SYNC_DONE, sessionId, 24);
      out.writeInt(xid);
      out.writeLong(zxid);
      return out.toByteArray();
    }
  }

  /** A writer that already holds the kind and the session every payload starts with. */
  private static JuteWriter begin(int kind, long sessionId, int capacity) {
    JuteWriter out = new JuteWriter(capacity);
    out.writeByte(kind);
    out.writeLong(sessionId);
    return out;
  }

  /**
   * Decodes a payload.
   *
   * @throws MalformedRecordException when it does not decode, or has bytes left over
   */
  static Forwarded decode(byte[] payload) {
    JuteReader in = new JuteReader(payload);
    int kind = in.readByte();
    long sessionId = in.readLong();
    Forwarded out =
        switch (kind) {
          case REQUEST -> decodeWrite(sessionId, in);
          case CREATE_SESSION -> new CreateSession(sessionId, in.readInt());
          case MALFORMED_MULTI -> new MalformedMulti(sessionId, in.readInt());
          case SYNC -> new Sync(sessionId, in.readInt());
          case SYNC_DONE -> new SyncDone(sessionId, in.readInt(), in.readLong());
          default -> throw new MalformedRecordException("unknown forwarded kind " + kind);
        };
    if (in.hasRemaining()) {
      throw new MalformedRecordException(in.remaining() + " bytes left after a forwarded payload");
    }
    return out;
  }

  private static ClientWrite decodeWrite(long sessionId, JuteReader in) {
    int count = in.readInt();
    if (count < 0 || count > IDS_MAX) {
      throw new MalformedRecordException("forwarded auth id count " + count);
    }
    List<Id> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(new Id(in.readString(), in.readString()));
    }
    RequestHeader header = RequestHeader.read(in);
    Request body =
        header.type() == OpCode.CLOSE_SESSION
            ? EmptyRequest.INSTANCE
            : RequestCodec.decode(header.type(), in);
    return new ClientWrite(sessionId, ids, header.xid(), header.type(), body);
  }
}
