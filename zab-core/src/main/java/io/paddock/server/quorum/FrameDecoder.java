package io.paddock.server.quorum;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits a peer connection's bytes into frames: a 4-byte big-endian length, then that many bytes. A
 * length below 0 or above the current limit fails the connection before anything is allocated for
 * it. The limit starts at {@link QuorumLimits#HANDSHAKE_FRAME_BYTES_MAX} and is raised by the
 * handler once the handshake is accepted. After a failure every further byte is discarded.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  private static final int LENGTH_BYTES = Integer.BYTES;

  private int frameBytesMax = QuorumLimits.HANDSHAKE_FRAME_BYTES_MAX;
  private boolean failed;

  /** Sets the limit for the frames after the current one; called on the channel's event loop. */
  void frameBytesMax(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative frame limit " + bytes);
    }
    frameBytesMax = bytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < LENGTH_BYTES) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    if (length < 0 || length > frameBytesMax) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw new CorruptedFrameException("frame length " + length + " outside 0.." + frameBytesMax);
    }
    if (in.readableBytes() < LENGTH_BYTES + length) {
      return;
    }
    in.skipBytes(LENGTH_BYTES);
    out.add(in.readRetainedSlice(length));
  }
}
