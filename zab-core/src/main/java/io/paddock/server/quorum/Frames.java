package io.paddock.server.quorum;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabMessageCodec;

/** Turns messages into length-prefixed frames and frames back into messages, via the codec. */
final class Frames {
  private Frames() {}

  /**
   * The frame of {@code message}: its codec bytes behind a 4-byte length, without copying them.
   *
   * @throws IllegalArgumentException if the encoding is longer than {@code frameBytesMax} (the
   *     caller must chunk such payloads; the receiver would refuse the frame)
   */
  static ByteBuf encode(ZabMessage message, int frameBytesMax) {
    byte[] payload = ZabMessageCodec.encode(message);
    if (payload.length > frameBytesMax) {
      throw new IllegalArgumentException(
          "message type "
              + message.type()
              + " encodes to "
              + payload.length
              + " bytes, above the frame limit of "
              + frameBytesMax);
    }
    ByteBuf length = Unpooled.buffer(Integer.BYTES).writeInt(payload.length);
    return Unpooled.wrappedBuffer(length, Unpooled.wrappedBuffer(payload));
  }

  /**
   * Decodes one frame payload into a message.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if it is not one well-formed message
   */
  static ZabMessage decode(ByteBuf payload) {
    return ZabMessageCodec.decode(ByteBufUtil.getBytes(payload));
  }
}
