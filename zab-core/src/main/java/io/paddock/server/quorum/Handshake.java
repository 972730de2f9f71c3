package io.paddock.server.quorum;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The first frame on every peer connection: magic, protocol version and the sender's server id. The
 * magic differs per channel, so a connection to the wrong port is refused with a clear reason. On
 * the quorum channel the accepting member answers with its own handshake, and only then do both
 * sides count the connection as established.
 *
 * <p>Wire form (big-endian): frame length 16, {@code int magic}, {@code int version}, {@code long
 * serverId}.
 *
 * @param magic {@link #QUORUM_MAGIC} or {@link #ELECTION_MAGIC}
 * @param version {@link #VERSION}
 * @param serverId the sender's server id
 */
record Handshake(int magic, int version, long serverId) {
  /** Magic of the quorum channel: "PDKQ". */
  static final int QUORUM_MAGIC = 0x50444b51;

  /** Magic of the election channel: "PDKE". */
  static final int ELECTION_MAGIC = 0x50444b45;

  /** The only protocol version spoken. */
  static final int VERSION = 1;

  /** Payload bytes of a handshake frame. */
  static final int PAYLOAD_BYTES = 16;

  /** A handshake of this version. */
  static Handshake of(int magic, long serverId) {
    return new Handshake(magic, VERSION, serverId);
  }

  /** The whole frame, length prefix included. */
  ByteBuf toFrame() {
    ByteBuf buf = Unpooled.buffer(Integer.BYTES + PAYLOAD_BYTES);
    buf.writeInt(PAYLOAD_BYTES);
    buf.writeInt(magic);
    buf.writeInt(version);
    buf.writeLong(serverId);
    return buf;
  }

  /**
   * Reads a handshake payload (the frame without its length).
   *
   * @throws HandshakeException if the payload has the wrong size
   */
  static Handshake read(ByteBuf payload) {
    if (payload.readableBytes() != PAYLOAD_BYTES) {
      throw new HandshakeException(
          "handshake of " + payload.readableBytes() + " bytes, expected " + PAYLOAD_BYTES);
    }
    return new Handshake(payload.readInt(), payload.readInt(), payload.readLong());
  }

  /**
   * Checks magic and version for a channel.
   *
   * @throws HandshakeException naming what is wrong
   */
  void check(int expectedMagic) {
    if (magic != expectedMagic) {
      throw new HandshakeException(
          "bad magic 0x"
              + Integer.toHexString(magic)
              + ", expected 0x"
              + Integer.toHexString(expectedMagic)
              + (magic == otherMagic(expectedMagic) ? " (connected to the wrong port?)" : ""));
    }
    if (version != VERSION) {
      throw new HandshakeException("protocol version " + version + ", expected " + VERSION);
    }
  }

  private static int otherMagic(int magic) {
    return magic == QUORUM_MAGIC ? ELECTION_MAGIC : QUORUM_MAGIC;
  }

  /** A handshake that is not acceptable; the connection is closed. */
  static final class HandshakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandshakeException(String message) {
      super(message);
    }
  }
}
