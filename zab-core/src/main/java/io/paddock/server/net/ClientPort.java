package io.paddock.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.core.ServerCore;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client port: a Netty server on {@link ServerConfig#clientAddress()} that speaks the ZooKeeper
 * client wire protocol and hands handshakes, requests, bad frames, disconnects and four-letter
 * words to a {@link ServerCore}.
 *
 * <p>Per connection: length framing with jute.maxbuffer as the hard limit; four-letter words on a
 * fresh connection, answered only when whitelisted; no reading between the ConnectRequest and the
 * core's ConnectResponse; requests decoded on the I/O thread; at most {@code maxClientCnxns}
 * connections per client IP; no reading while the connection's outbound buffer is above {@link
 * ClientPortLimits#WRITE_BUFFER_HIGH_WATER_MARK_BYTES}. See {@link ClientConnectionHandler} and
 * {@link NettyClientChannel} for the details.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once (idempotent). Closing the port closes
 * every connection, so the core sees {@link ServerCore#onDisconnect} for each; close the core after
 * the port.
 */
public final class ClientPort implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientPort.class);

  private final ServerConfig config;
  private final ServerCore core;
  private final BooleanSupplier overloaded;
  private final ConnectionSettings settings;
  private final ConnectionLimiter limiter;
  private final AtomicLong nextConnectionId = new AtomicLong(1);
  private final EventLoopGroup acceptGroup;
  private final EventLoopGroup ioGroup;
  private final ChannelGroup connections;
  private volatile Channel serverChannel;
  private volatile InetSocketAddress boundAddress;
  private boolean closed;

  /**
   * A port with the default number of I/O threads (the processors, at most {@link
   * ClientPortLimits#IO_THREADS_DEFAULT_MAX}) and no throttle.
   *
   * @param config where to listen, jute.maxbuffer, maxClientCnxns, the four-letter-word whitelist
   * @param core what the connections talk to
   */
  public ClientPort(ServerConfig config, ServerCore core) {
    this(config, core, defaultIoThreads());
  }

  /**
   * A port with a given number of I/O threads and no throttle.
   *
   * @param config where to listen, jute.maxbuffer, maxClientCnxns, the four-letter-word whitelist
   * @param core what the connections talk to
   * @param ioThreads threads that read and write connections; at least 1
   */
  public ClientPort(ServerConfig config, ServerCore core, int ioThreads) {
    this(config, core, ioThreads, () -> false);
  }

  /**
   * A port that stops reading requests while the core is overloaded (ZooKeeper's throttle on {@code
   * globalOutstandingLimit}): a connection checks {@code overloaded} before each request and then
   * every {@link ClientPortLimits#THROTTLE_RECHECK_MS} ms until it is false.
   *
   * @param config where to listen, jute.maxbuffer, maxClientCnxns, the four-letter-word whitelist
   * @param core what the connections talk to
   * @param ioThreads threads that read and write connections; at least 1
   * @param overloaded true while the core wants no more requests; called on the I/O threads
   */
  public ClientPort(
      ServerConfig config, ServerCore core, int ioThreads, BooleanSupplier overloaded) {
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
    }
    this.config = Objects.requireNonNull(config, "config");
    this.core = Objects.requireNonNull(core, "core");
    this.overloaded = Objects.requireNonNull(overloaded, "overloaded");
    this.settings = ConnectionSettings.of(config);
    this.limiter = new ConnectionLimiter(config.maxClientCnxns());
    this.acceptGroup =
        new NioEventLoopGroup(
            ClientPortLimits.ACCEPT_THREADS, new DefaultThreadFactory("paddock-accept", true));
    this.ioGroup = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("paddock-io", true));
    this.connections = new DefaultChannelGroup("paddock-clients", GlobalEventExecutor.INSTANCE);
  }

  /**
   * Binds the configured address and starts accepting connections.
   *
   * @return the bound address (the real port when the configured one is 0)
   * @throws UncheckedIOException when the address cannot be bound (for example, it is in use)
   * @throws IllegalStateException when called twice or after {@link #close()}
   */
  public synchronized InetSocketAddress start() {
    if (serverChannel != null || closed) {
      throw new IllegalStateException("the client port was already started or closed");
    }
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptGroup, ioGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    ClientPortLimits.WRITE_BUFFER_LOW_WATER_MARK_BYTES,
                    ClientPortLimits.WRITE_BUFFER_HIGH_WATER_MARK_BYTES))
            .childHandler(new Initializer());
    if (config.clientPortListenBacklog() > 0) {
      bootstrap.option(ChannelOption.SO_BACKLOG, config.clientPortListenBacklog());
    }
    InetSocketAddress requested = config.clientAddress();
    ChannelFuture bind = bootstrap.bind(requested).awaitUninterruptibly();
    if (!bind.isSuccess()) {
      Throwable cause = bind.cause();
      shutDownGroups();
      closed = true;
      BindException failure =
          new BindException("cannot listen on " + describe(requested) + ": " + cause.getMessage());
      failure.initCause(cause);
      throw new UncheckedIOException(failure);
    }
    serverChannel = bind.channel();
    boundAddress = (InetSocketAddress) serverChannel.localAddress();
    return boundAddress;
  }

  /**
   * The address the port listens on.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public InetSocketAddress boundAddress() {
    InetSocketAddress address = boundAddress;
    if (address == null) {
      throw new IllegalStateException("the client port is not started");
    }
    return address;
  }

  /** Open client connections (four-letter-word connections included). */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Stops accepting, closes every connection (the core gets {@link ServerCore#onDisconnect} for
   * each) and stops the I/O threads. Idempotent; returns once the threads are stopped or {@link
   * ClientPortLimits#SHUTDOWN_TIMEOUT_MS} has passed.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
    }
    connections.close().awaitUninterruptibly();
    shutDownGroups();
  }

  /** {@code host:port} as an operator would type it. */
  public static String describe(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  private void shutDownGroups() {
    var accept =
        acceptGroup.shutdownGracefully(
            ClientPortLimits.SHUTDOWN_QUIET_MS,
            ClientPortLimits.SHUTDOWN_TIMEOUT_MS,
            TimeUnit.MILLISECONDS);
    var io =
        ioGroup.shutdownGracefully(
            ClientPortLimits.SHUTDOWN_QUIET_MS,
            ClientPortLimits.SHUTDOWN_TIMEOUT_MS,
            TimeUnit.MILLISECONDS);
    accept.awaitUninterruptibly(ClientPortLimits.SHUTDOWN_TIMEOUT_MS);
    io.awaitUninterruptibly(ClientPortLimits.SHUTDOWN_TIMEOUT_MS);
  }

  /**
   * The default number of I/O threads: the processors, at most {@link
   * ClientPortLimits#IO_THREADS_DEFAULT_MAX}.
   */
  public static int defaultIoThreads() {
    return Math.max(
        1,
        Math.min(
            Runtime.getRuntime().availableProcessors(), ClientPortLimits.IO_THREADS_DEFAULT_MAX));
  }

  /** Admits a connection (maxClientCnxns) and gives it its handler. */
  private final class Initializer extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel channel) {
      InetSocketAddress remote = channel.remoteAddress();
      InetAddress ip = remote.getAddress();
      if (!limiter.tryAcquire(ip)) {
        // ZooKeeper's message, logged; the connection is closed without a word to the client.
        LOG.warn("Too many connections from {} - max is {}", ip, limiter.maxPerAddress());
        channel.close();
        return;
      }
      channel.closeFuture().addListener(f -> limiter.release(ip));
      connections.add(channel);
      channel
          .pipeline()
          .addLast(
              new ClientConnectionHandler(
                  settings, core, overloaded, nextConnectionId.getAndIncrement(), channel, remote));
    }
  }
}
