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
 * The reading side of one quorum connection, dialed or accepted, on the channel's event loop.
 *
 * <p>The dialer sends its handshake on connect; the acceptor checks it (magic, version, a
 * configured member with a higher id that is not isolated), answers with its own handshake and
 * establishes the connection; the dialer checks the answer names the member it dialed and
 * establishes its side. After that every frame is one {@link ZabMessage} (never a notification),
 * delivered through the peer's {@link QuorumLink}. A bad handshake, an oversized frame, a frame
 * that does not decode or a handshake that does not complete in time closes the connection; an
 * established connection's end is reported by the link.
 */
final class QuorumChannelHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(QuorumChannelHandler.class);

  private final QuorumTransport transport;
  private final FrameDecoder decoder;
  private final QuorumLink dialedLink; // null when accepting
  private QuorumLink link;
  private QuorumConnection connection;
  private ScheduledFuture<?> handshakeTimer;

  /**
   * A handler for one connection.
   *
   * @param transport the owning transport
   * @param decoder the connection's frame decoder, whose limit is raised after the handshake
   * @param dialedLink the peer this member dialed, or null for an accepted connection
   */
  QuorumChannelHandler(QuorumTransport transport, FrameDecoder decoder, QuorumLink dialedLink) {
    this.transport = transport;
    this.decoder = decoder;
    this.dialedLink = dialedLink;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    handshakeTimer =
        ctx.executor()
            .schedule(
                () -> refuse(ctx, "no handshake within " + transport.handshakeTimeoutMs() + " ms"),
                transport.handshakeTimeoutMs(),
                TimeUnit.MILLISECONDS);
    if (dialedLink != null) {
      ctx.writeAndFlush(Handshake.of(Handshake.QUORUM_MAGIC, transport.myId()).toFrame());
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      if (!ctx.channel().isActive()) {
        return;
      }
      if (connection == null) {
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
      handshake.check(Handshake.QUORUM_MAGIC);
    } catch (HandshakeException e) {
      refuse(ctx, e.getMessage());
      return;
    }
    long peerId = handshake.serverId();
    QuorumLink peerLink;
    if (dialedLink != null) {
      if (peerId != dialedLink.peerId()) {
        refuse(ctx, "dialed member " + dialedLink.peerId() + " but member " + peerId + " answered");
        return;
      }
      peerLink = dialedLink;
    } else {
      String reason = transport.quorumRefusal(peerId);
      if (reason != null) {
        if (transport.isIsolated(peerId)) {
          // Expected while a test partitions the ensemble; the dialer retries every second.
          LOG.debug(
              "quorum port of member {}: refusing isolated member {}", transport.myId(), peerId);
          ctx.close();
        } else {
          refuse(ctx, reason);
        }
        return;
      }
      peerLink = transport.quorumLink(peerId);
      ctx.write(Handshake.of(Handshake.QUORUM_MAGIC, transport.myId()).toFrame());
    }
    handshakeTimer.cancel(false);
    QuorumConnection established =
        new QuorumConnection(ctx.channel(), peerId, transport.outboundQueueBytesMax());
    decoder.frameBytesMax(transport.frameBytesMax());
    transport.tagPeer(ctx.channel(), peerId);
    if (!peerLink.establish(established)) {
      refuse(ctx, "member " + peerId + " is isolated");
      return;
    }
    link = peerLink;
    connection = established;
    ctx.flush();
  }

  private void onFrame(ChannelHandlerContext ctx, ByteBuf frame) {
    ZabMessage message;
    try {
      message = Frames.decode(frame);
    } catch (MalformedRecordException e) {
      LOG.warn(
          "closing the quorum connection to member {}: undecodable frame: {}",
          link.peerId(),
          e.getMessage());
      connection.close();
      return;
    }
    if (message instanceof ZabMessage.Notification) {
      LOG.warn(
          "closing the quorum connection to member {}: a notification belongs on the election port",
          link.peerId());
      connection.close();
      return;
    }
    link.deliver(connection, message);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (handshakeTimer != null) {
      handshakeTimer.cancel(false);
    }
    if (connection != null) {
      link.connectionClosed(connection);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    String peer = link != null ? "member " + link.peerId() : String.valueOf(ctx.channel());
    if (cause instanceof IOException) {
      LOG.debug("quorum connection to {} failed: {}", peer, cause.toString());
    } else {
      LOG.warn("closing the quorum connection to {}: {}", peer, cause.toString());
    }
    ctx.close();
  }

  private void refuse(ChannelHandlerContext ctx, String reason) {
    LOG.warn(
        "quorum port of member {}: refusing connection {}: {}",
        transport.myId(),
        ctx.channel().remoteAddress(),
        reason);
    ctx.close();
  }
}
