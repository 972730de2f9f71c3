package io.paddock.server.quorum;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of an outgoing election connection: the peer never writes on it, so anything read is
 * discarded; a failure closes the connection (the next notification opens a new one).
 */
final class SendOnlyHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(SendOnlyHandler.class);

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("outgoing election connection {} failed: {}", ctx.channel(), cause.toString());
    ctx.close();
  }
}
