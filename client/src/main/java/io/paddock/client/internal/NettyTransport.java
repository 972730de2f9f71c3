package io.paddock.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Netty side of the client: one event loop (the I/O thread) and the channel set-up of every
 * connection attempt: TCP_NODELAY, the connect timeout, the {@link FrameDecoder} with the client's
 * maxbuffer, and the connection's handler. Nothing here knows the protocol's meaning.
 */
final class NettyTransport {
  private final NioEventLoopGroup group;
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final int maxBufferBytes;

  NettyTransport(ThreadFactory threadFactory, int maxBufferBytes) {
    this.group = new NioEventLoopGroup(1, threadFactory);
    this.loop = group.next();
    this.maxBufferBytes = maxBufferBytes;
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true);
  }

  /** The I/O thread's event loop. */
  EventLoop loop() {
    return loop;
  }

  /**
   * Opens a connection attempt to the connection's (unresolved) address, resolving the name now. A
   * failed connect reports {@link Connection.Listener#onClosed} with the cause.
   */
  void connect(
      Connection connection, Connection.Listener listener, int timeoutMs, boolean autoRead) {
    ChannelFuture connect =
        bootstrap
            .clone()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMs)
            .option(ChannelOption.AUTO_READ, autoRead)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new FrameDecoder(maxBufferBytes))
                        .addLast(connection.handler(listener));
                  }
                })
            .connect(connection.address);
    connection.attach(connect.channel());
    connect.addListener(
        (ChannelFutureListener)
            f -> {
              if (!f.isSuccess()) {
                listener.onClosed(connection, f.cause());
              }
            });
  }

  /** Stops the I/O thread once its queued tasks ran; callable from the I/O thread itself. */
  void shutdown() {
    group.shutdownGracefully(0, ClientLimits.CLOSE_THREADS_WAIT_MS_MAX, TimeUnit.MILLISECONDS);
  }

  /** Waits (bounded) for the I/O thread to stop. */
  void awaitTermination(long timeoutMs) throws InterruptedException {
    group.terminationFuture().await(timeoutMs);
  }

  /** Daemon threads named {@code prefix-N}. */
  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
