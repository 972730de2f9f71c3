package io.paddock.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.paddock.client.protocol.WireLimits;
import java.net.ProtocolException;
import java.util.List;

/**
 * Cuts the S→C byte stream into frames ({@code int32 length} + payload, PROTOCOL.md §1), handing
 * each payload on as a {@code byte[]}.
 *
 * <p>A length below 0 or above the client's {@code jute.maxbuffer} is ZooKeeper's "Packet len N is
 * out of range!": the decoder fails (the handler then drops the connection) and ignores every later
 * byte, so at most one maxbuffer of input is ever buffered.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  private final int maxBufferBytes;
  private boolean failed;

  FrameDecoder(int maxBufferBytes) {
    this.maxBufferBytes = maxBufferBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
      throws ProtocolException {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < WireLimits.FRAME_LENGTH_BYTES) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    if (!WireLimits.isFrameLengthValid(length, maxBufferBytes)) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw new ProtocolException("Packet len " + length + " is out of range!");
    }
    if (in.readableBytes() < WireLimits.FRAME_LENGTH_BYTES + length) {
      return;
    }
    in.skipBytes(WireLimits.FRAME_LENGTH_BYTES);
    byte[] frame = new byte[length];
    in.readBytes(frame);
    out.add(frame);
  }
}
