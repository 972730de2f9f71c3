package io.paddock.server.net;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.OpCode;

/**
 * Gives request bodies ZooKeeper's reading of a vector count below −1 before they are decoded.
 *
 * <p>ZooKeeper's jute reader ({@code BinaryInputArchive.startVector}) returns null only for count
 * −1; any other count yields an index whose {@code done()} is {@code count <= 0}, so a count of −2
 * (or any count below −1) reads as an empty vector, and no element bytes follow. Our shared codec
 * ({@code JuteReader.readVector}) refuses such a count, which is right for everything else it reads
 * (replies, logs, snapshots). On the server's request path we match ZooKeeper instead: this class
 * rewrites each such count in a request payload to 0, which the codec then reads as the same empty
 * vector ZooKeeper sees (a create with it fails with INVALIDACL, a SetWatches with it simply has no
 * paths in that list).
 *
 * <p>Only the request records that hold vectors are walked: the ACL of create (1, 15, 19),
 * createTTL (21) and setACL (7), the five path lists of SetWatches (101) and SetWatches2 (105), and
 * the ops of a multi (14, 22). The walk stops quietly at the first thing it cannot read (a cut
 * record, a bad string length, an op type a multi cannot hold); the decoder then fails on that same
 * spot, so the request still gets MARSHALLINGERROR. Buffer and string lengths below −1 are left
 * alone: ZooKeeper refuses those too ("Unreasonable length").
 */
final class JuteVectorCounts {
  private static final int CREATE_TTL_TAIL_BYTES = 4 + 8; // int flags, long ttl
  private static final int SET_WATCHES_LISTS = 3;
  private static final int SET_WATCHES2_LISTS = 5;

  private JuteVectorCounts() {}

  /**
   * Rewrites, in place, every vector count below −1 in the body of a request of op {@code opCode}
   * to 0.
   *
   * @param payload the request frame payload (header and body); changed in place
   * @param bodyOffset where the body starts (after the RequestHeader)
   */
  static void normalize(int opCode, byte[] payload, int bodyOffset) {
    JuteReader in = new JuteReader(payload, bodyOffset, payload.length - bodyOffset);
    try {
      switch (opCode) {
        case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL -> {
          in.readString();
          in.readBuffer();
          aclVector(in, payload);
        }
        case OpCode.SET_ACL -> {
          in.readString();
          aclVector(in, payload);
        }
        case OpCode.SET_WATCHES -> pathVectors(in, payload, SET_WATCHES_LISTS);
        case OpCode.SET_WATCHES2 -> pathVectors(in, payload, SET_WATCHES2_LISTS);
        case OpCode.MULTI, OpCode.MULTI_READ -> multi(in, payload);
        default -> {
          // no vector in the record
        }
      }
    } catch (MalformedRecordException | IllegalArgumentException stop) {
      // The body does not decode here; RequestCodec.decode will fail at the same place.
    }
  }

  /** The relative zxid, then {@code lists} vectors of paths. */
  private static void pathVectors(JuteReader in, byte[] payload, int lists) {
    in.readLong();
    for (int i = 0; i < lists; i++) {
      int count = count(in, payload);
      for (int e = 0; e < count; e++) {
        in.readString();
      }
    }
  }

  /** A {@code vector<ACL>}: each element is {@code int perms; ustring scheme; ustring id}. */
  private static void aclVector(JuteReader in, byte[] payload) {
    int count = count(in, payload);
    for (int e = 0; e < count; e++) {
      in.readInt();
      in.readString();
      in.readString();
    }
  }

  /**
   * Reads a vector count, rewriting one below −1 to 0; returns the number of elements that follow
   * (0 for a null vector).
   */
  private static int count(JuteReader in, byte[] payload) {
    int at = in.position();
    int count = in.readInt();
    if (count < -1) {
      payload[at] = 0;
      payload[at + 1] = 0;
      payload[at + 2] = 0;
      payload[at + 3] = 0;
      return 0;
    }
    return Math.max(0, count);
  }

  /** MultiHeader(type, done, err) then the op's record, until a header with done set. */
  private static void multi(JuteReader in, byte[] payload) {
    while (true) {
      int type = in.readInt();
      boolean done = in.readBool();
      in.readInt();
      if (done) {
        return;
      }
      switch (type) {
        case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> {
          in.readString();
          in.readBuffer();
          aclVector(in, payload);
          in.readInt();
        }
        case OpCode.CREATE_TTL -> {
          in.readString();
          in.readBuffer();
          aclVector(in, payload);
          in.skip(CREATE_TTL_TAIL_BYTES);
        }
        case OpCode.SET_DATA -> {
          in.readString();
          in.readBuffer();
          in.readInt();
        }
        case OpCode.DELETE, OpCode.CHECK -> {
          in.readString();
          in.readInt();
        }
        case OpCode.GET_DATA, OpCode.GET_CHILDREN -> {
          in.readString();
          in.readBool();
        }
        default -> {
          return; // not an op a multi holds: the decoder refuses it
        }
      }
    }
  }
}
