package io.paddock.server.quorum;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.paddock.server.quorum.Handshake.HandshakeException;
import io.paddock.server.zab.ZabMessage;
import io.paddock.store.codec.MalformedRecordException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading side of an accepted election connection: a handshake from a configured member, then
 * notifications, each handed to the caller unless the sender is isolated. Anything else (a bad
 * handshake, an oversized or undecodable frame, a message that is not a notification) closes the
 * connection; the sender re-dials when it next has something to say. Losing an election connection
 * is not reported: the election channel is lossy by contract.
 */
final class ElectionChannelHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ElectionChannelHandler.class);

  private final QuorumTransport transport;
  private final FrameDecoder decoder;
  private long peerId;
  private boolean handshakeDone;
  private ScheduledFuture<?> handshakeTimer;

  ElectionChannelHandler(QuorumTransport transport, FrameDecoder decoder) {
    this.transport = transport;
    this.decoder = decoder;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    handshakeTimer =
        ctx.executor()
            .schedule(
                () -> refuse(ctx, "no handshake within " + transport.handshakeTimeoutMs() + " ms"),
                transport.handshakeTimeoutMs(),
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      if (!ctx.channel().isActive()) {
        return;
      }
      if (!handshakeDone) {
        onHandshake(ctx, frame);
      } else {
        onFrame(ctx, frame);
      }
    } finally {
      frame.release();
    }
  }

  private void onHandshake(ChannelHandlerContext ctx, ByteBuf frame) {
    Handshake handshake;
    try {
      handshake = Handshake.read(frame);
      handshake.check(Handshake.ELECTION_MAGIC);
    } catch (HandshakeException e) {
      refuse(ctx, e.getMessage());
      return;
    }
    String reason = transport.electionRefusal(handshake.serverId());
    if (reason != null) {
      refuse(ctx, reason);
      return;
    }
    handshakeTimer.cancel(false);
    peerId = handshake.serverId();
    handshakeDone = true;
    transport.tagPeer(ctx.channel(), peerId);
    decoder.frameBytesMax(QuorumLimits.ELECTION_FRAME_BYTES_MAX);
  }

  private void onFrame(ChannelHandlerContext ctx, ByteBuf frame) {
    ZabMessage message;
    try {
      message = Frames.decode(frame);
    } catch (MalformedRecordException e) {
      LOG.warn(
          "closing the election connection from member {}: undecodable frame: {}",
          peerId,
          e.getMessage());
      ctx.close();
      return;
    }
    if (!(message instanceof ZabMessage.Notification)) {
      LOG.warn(
          "closing the election connection from member {}: message type {} belongs on the quorum"
              + " port",
          peerId,
          message.type());
      ctx.close();
      return;
    }
    if (!transport.isIsolated(peerId)) {
      transport.reportMessage(peerId, message);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (handshakeTimer != null) {
      handshakeTimer.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("election connection from member {} failed: {}", peerId, cause.toString());
    } else {
      LOG.warn("closing the election connection from member {}: {}", peerId, cause.toString());
    }
    ctx.close();
  }

  private void refuse(ChannelHandlerContext ctx, String reason) {
    LOG.warn(
        "election port of member {}: refusing connection {}: {}",
        transport.myId(),
        ctx.channel().remoteAddress(),
        reason);
    ctx.close();
  }
}
