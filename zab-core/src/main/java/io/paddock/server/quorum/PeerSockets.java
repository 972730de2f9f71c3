package io.paddock.server.quorum;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Netty plumbing of one member's transport: its event loop groups (named threads, daemon),
 * listening and dialing with TCP_NODELAY and SO_KEEPALIVE, the set of open peer channels (each
 * tagged with its peer's id once known), timers, and a bounded shutdown.
 */
final class PeerSockets {
  private static final AttributeKey<Long> PEER_ID = AttributeKey.valueOf("paddock.quorum.peerId");

  private final long myId;
  private final EventLoopGroup acceptGroup;
  private final EventLoopGroup ioGroup;
  private final ChannelGroup channels;
  private final Bootstrap dialBootstrap;

  PeerSockets(long myId, QuorumTransportSettings settings) {
    this.myId = myId;
    this.acceptGroup =
        new NioEventLoopGroup(
            QuorumLimits.ACCEPT_THREADS,
            new DefaultThreadFactory("paddock-quorum-accept-" + myId, true));
    this.ioGroup =
        new NioEventLoopGroup(
            settings.ioThreads(), new DefaultThreadFactory("paddock-quorum-io-" + myId, true));
    this.channels = new DefaultChannelGroup("paddock-quorum-" + myId, GlobalEventExecutor.INSTANCE);
    this.dialBootstrap =
        new Bootstrap()
            .group(ioGroup)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMs());
  }

  /**
   * Listens on {@code requested}; each accepted channel is tracked and set up by {@code setUp}.
   *
   * @throws UncheckedIOException wrapping a {@link BindException} when the address cannot be bound
   */
  Channel listen(InetSocketAddress requested, Consumer<SocketChannel> setUp) {
    // A host name from zoo.cfg stays unresolved until used; binding needs the address.
    InetSocketAddress address =
        requested.isUnresolved()
            ? new InetSocketAddress(requested.getHostString(), requested.getPort())
            : requested;
    ChannelFuture bound =
        new ServerBootstrap()
            .group(acceptGroup, ioGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(initializer(setUp))
            .bind(address)
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      BindException failure =
          new BindException(
              "member "
                  + myId
                  + " cannot listen on "
                  + address.getHostString()
                  + ":"
                  + address.getPort()
                  + ": "
                  + bound.cause().getMessage());
      failure.initCause(bound.cause());
      throw new UncheckedIOException(failure);
    }
    return bound.channel();
  }

  /**
   * Connects to {@code address}; the channel is tracked and set up by {@code setUp} before it
   * becomes active. With a {@code waterMark}, the channel reports itself unwritable above it.
   */
  ChannelFuture dial(
      InetSocketAddress address, WriteBufferWaterMark waterMark, Consumer<SocketChannel> setUp) {
    Bootstrap bootstrap = dialBootstrap.clone().handler(initializer(setUp));
    if (waterMark != null) {
      bootstrap.option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark);
    }
    return bootstrap.connect(address);
  }

  /** Runs {@code task} on an I/O thread after {@code delayMs}; dropped once shutting down. */
  void schedule(Runnable task, long delayMs) {
    try {
      ioGroup.next().schedule(task, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: the task is moot.
    }
  }

  /** Marks {@code channel} as a connection with member {@code peerId}. */
  static void tagPeer(Channel channel, long peerId) {
    channel.attr(PEER_ID).set(peerId);
  }

  /** Closes every open channel tagged with one of {@code peers}. */
  void closeChannelsOf(Set<Long> peers) {
    for (Channel channel : channels) {
      Long peer = channel.attr(PEER_ID).get();
      if (peer != null && peers.contains(peer)) {
        channel.close();
      }
    }
  }

  /** Open channels whose pipeline holds a handler of {@code type}. */
  int openChannelCount(Class<? extends ChannelHandler> type) {
    int n = 0;
    for (Channel channel : channels) {
      if (channel.isOpen() && channel.pipeline().get(type) != null) {
        n++;
      }
    }
    return n;
  }

  /**
   * Closes every tracked channel and stops the threads, waiting at most {@link
   * QuorumLimits#SHUTDOWN_TIMEOUT_MS} in all.
   */
  void close() {
    long deadlineNanos =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QuorumLimits.SHUTDOWN_TIMEOUT_MS);
    channels.close().awaitUninterruptibly(QuorumLimits.SHUTDOWN_TIMEOUT_MS);
    Future<?> accept = acceptGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    Future<?> io = ioGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    accept.awaitUninterruptibly(leftMs(deadlineNanos));
    io.awaitUninterruptibly(leftMs(deadlineNanos));
  }

  private static long leftMs(long deadlineNanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  private ChannelInitializer<SocketChannel> initializer(Consumer<SocketChannel> setUp) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        setUp.accept(channel);
      }
    };
  }
}
