package io.paddock.server.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabMessage.Commit;
import io.paddock.server.zab.ZabMessage.Proposal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The frame decoder: fragmented and coalesced input, the handshake limit, hostile lengths. */
class FrameDecoderTest {
  private static final long SEED = 0xf4a3e5L;

  @Test
  void framesSurviveAnyFragmentationAndCoalescing() {
    List<ZabMessage> messages =
        List.of(
            new Commit(1),
            new Proposal(2, new byte[1000]),
            new Commit(3),
            new Proposal(4, new byte[0]));
    ByteBuf all = Unpooled.buffer();
    for (ZabMessage m : messages) {
      ByteBuf frame = Frames.encode(m, QuorumLimits.FRAME_BYTES_MAX);
      all.writeBytes(frame);
      frame.release();
    }
    byte[] wire = ByteBufUtil.getBytes(all);
    all.release();
    Random random = new Random(SEED);
    for (int round = 0; round < 50; round++) {
      FrameDecoder decoder = new FrameDecoder();
      decoder.frameBytesMax(QuorumLimits.FRAME_BYTES_MAX);
      EmbeddedChannel channel = new EmbeddedChannel(decoder);
      int at = 0;
      while (at < wire.length) {
        int n = Math.min(wire.length - at, 1 + random.nextInt(40));
        channel.writeInbound(Unpooled.wrappedBuffer(wire, at, n));
        at += n;
      }
      for (ZabMessage expected : messages) {
        ByteBuf frame = channel.readInbound();
        assertEquals(expected, Frames.decode(frame), "round " + round + ", seed " + SEED);
        frame.release();
      }
      assertNull(channel.readInbound());
      channel.finishAndReleaseAll();
    }
  }

  @Test
  void theFirstFrameIsLimitedToHandshakeSize() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder());
    ByteBuf tooLong = Unpooled.buffer().writeInt(QuorumLimits.HANDSHAKE_FRAME_BYTES_MAX + 1);
    assertThrows(DecoderException.class, () -> channel.writeInbound(tooLong));
    channel.finishAndReleaseAll();
  }

  @Test
  void aHostileLengthFailsAtOnceAndLaterBytesAreDiscarded() {
    FrameDecoder decoder = new FrameDecoder();
    decoder.frameBytesMax(QuorumLimits.FRAME_BYTES_MAX);
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    // Only the length has arrived: the decoder refuses without waiting for (or allocating) more.
    assertThrows(
        DecoderException.class,
        () -> channel.writeInbound(Unpooled.buffer().writeInt(Integer.MAX_VALUE)));
    ByteBuf good = Unpooled.buffer().writeInt(1).writeByte(7);
    assertFalse(channel.writeInbound(good), "nothing decodes after a failure");
    channel.finishAndReleaseAll();
  }

  @Test
  void aNegativeLengthFails() {
    FrameDecoder decoder = new FrameDecoder();
    decoder.frameBytesMax(QuorumLimits.FRAME_BYTES_MAX);
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    assertThrows(
        DecoderException.class, () -> channel.writeInbound(Unpooled.buffer().writeInt(-1)));
    channel.finishAndReleaseAll();
  }

  @Test
  void aHandshakeFrameRoundTrips() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder());
    channel.writeInbound(Handshake.of(Handshake.QUORUM_MAGIC, 42).toFrame());
    ByteBuf frame = channel.readInbound();
    Handshake h = Handshake.read(frame);
    frame.release();
    assertEquals(Handshake.of(Handshake.QUORUM_MAGIC, 42), h);
    channel.finishAndReleaseAll();
  }
}
