package io.paddock.server;

import io.paddock.server.config.ConfigLimits;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ServerConfigBuilder;
import io.paddock.server.core.ServerCore;
import io.paddock.server.core.StandaloneCore;
import io.paddock.server.net.ClientPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Paddock server in this JVM, for tests and examples: it binds a free port on
 * 127.0.0.1 and keeps its data in a temporary directory unless told otherwise. Any ZooKeeper client
 * (Paddock's, Apache ZooKeeper's, Curator) connects to {@link #connectString()}.
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.builder().build().start()) {
 *   ZooKeeper zk = new ZooKeeper(server.connectString(), 10_000, event -> {});
 *   zk.create("/hello", "world".getBytes(), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
 *   server.restart(); // same port, same data: the session survives
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server and, when the data directory was the default
 * temporary one, deletes it.
 */
public final class EmbeddedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

  /** The loopback address an embedded server binds by default. */
  static final String LOOPBACK = "127.0.0.1";

  /**
   * A server core with its lifecycle, as the server runs it. The core is started before the client
   * port opens and closed after the port is closed.
   *
   * @param core what the client port talks to
   * @param start starts the core (recovery from disk included)
   * @param close stops the core, releasing its files
   * @param portBound told the port the client port bound (it differs from the configured one when
   *     that is 0)
   * @param overloaded true while the core wants the transport to stop reading requests
   */
  record Core(
      ServerCore core,
      Runnable start,
      Runnable close,
      IntConsumer portBound,
      BooleanSupplier overloaded) {}

  /** The production core: Paddock's standalone server core on {@code config}. */
  static Core standaloneCore(ServerConfig config) {
    StandaloneCore core = StandaloneCore.builder(config).build();
    Runnable start =
        () -> {
          try {
            core.start();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data in " + config.dataDir(), e);
          }
        };
    return new Core(core, start, core::close, core::setBoundClientPort, core::isOverloaded);
  }

  private final ServerConfig baseConfig;
  private final boolean ownsDataDir;
  private final Function<ServerConfig, Core> coreFactory;
  private Core core;
  private ClientPort port;
  private InetSocketAddress boundAddress;
  private boolean closed;

  private EmbeddedServer(ServerConfig config, boolean ownsDataDir, Function<ServerConfig, Core> f) {
    this.baseConfig = config;
    this.ownsDataDir = ownsDataDir;
    this.coreFactory = f;
  }

  /** A builder: free port on 127.0.0.1, a temporary data directory, every default of zoo.cfg. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the core (recovering what the data directory holds) and opens the client port.
   *
   * @return this server
   * @throws IllegalStateException if it is running or closed
   * @throws UncheckedIOException if the port cannot be bound
   */
  public synchronized EmbeddedServer start() {
    if (closed || port != null) {
      throw new IllegalStateException(closed ? "the server is closed" : "the server is running");
    }
    ServerConfig config = currentConfig();
    Core started = coreFactory.apply(config);
    started.start().run();
    ClientPort opened =
        new ClientPort(config, started.core(), ClientPort.defaultIoThreads(), started.overloaded());
    try {
      boundAddress = opened.start();
      started.portBound().accept(boundAddress.getPort());
    } catch (RuntimeException e) {
      opened.close();
      started.close().run();
      throw e;
    }
    core = started;
    port = opened;
    LOG.debug("Paddock server on {}, data in {}", connectString(), config.dataDir());
    return this;
  }

  /** The configuration this server runs with (the bound port once started, if it was 0). */
  public synchronized ServerConfig config() {
    return currentConfig();
  }

  /**
   * {@code host:port} for a client's connect string; {@code 127.0.0.1} when the server listens on
   * every interface.
   *
   * @throws IllegalStateException before the first {@link #start()}
   */
  public synchronized String connectString() {
    InetSocketAddress address = address();
    InetAddress ip = address.getAddress();
    String host = ip == null || ip.isAnyLocalAddress() ? LOOPBACK : address.getHostString();
    return host + ":" + address.getPort();
  }

  /**
   * The client port.
   *
   * @throws IllegalStateException before the first {@link #start()}
   */
  public synchronized int port() {
    return address().getPort();
  }

  /**
   * The address the client port is bound to.
   *
   * @throws IllegalStateException before the first {@link #start()}
   */
  public synchronized InetSocketAddress address() {
    if (boundAddress == null) {
      throw new IllegalStateException("the server has not been started");
    }
    return boundAddress;
  }

  /** The directory that holds snapshots (and, unless configured apart, the txn log). */
  public Path dataDir() {
    return baseConfig.dataDir();
  }

  /** True between {@link #start()} and {@link #stop()} or {@link #close()}. */
  public synchronized boolean isRunning() {
    return port != null;
  }

  /**
   * Stops the server as a crash-free shutdown would, keeping the data and the port number for a
   * later {@link #start()}. Clients see their connection drop; their sessions live on in the data.
   * Does nothing when the server is not running.
   */
  public synchronized void stop() {
    if (port == null) {
      return;
    }
    try {
      port.close(); // connections first: the core sees every disconnect before it stops
    } finally {
      port = null;
      Core stopping = core;
      core = null;
      stopping.close().run();
    }
  }

  /**
   * Stops and starts again on the same port with the same data directory. Clients reconnect and
   * resume their sessions as with a restarted ZooKeeper server.
   */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Stops the server and deletes the data directory if it was the default temporary one. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stop();
    } finally {
      if (ownsDataDir) {
        deleteTree(baseConfig.dataDir());
      }
    }
  }

  /** The configuration for the next start: once a port was bound, that port again. */
  private ServerConfig currentConfig() {
    if (boundAddress == null) {
      return baseConfig;
    }
    InetSocketAddress configured = baseConfig.clientAddress();
    return baseConfig.toBuilder()
        .clientAddress(new InetSocketAddress(configured.getAddress(), boundAddress.getPort()))
        .build();
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.warn("Could not delete the temporary data directory {}: {}", root, e.toString());
    }
  }

  /**
   * Settings of an {@link EmbeddedServer}. Without {@link #config(ServerConfig)} the server binds a
   * free port on 127.0.0.1 with ZooKeeper's defaults otherwise; {@link #dataDir} and {@link
   * #tickTimeMs} override the same settings of a given configuration.
   */
  public static final class Builder {
    private ServerConfig config;
    private Path dataDir;
    private Integer tickTimeMs;
    private Function<ServerConfig, Core> coreFactory = EmbeddedServer::standaloneCore;

    private Builder() {}

    /**
     * Where the server keeps its data; it is kept on close. Default: the configuration's dataDir
     * when {@link #config} is given, else a new temporary directory deleted on {@link #close()}.
     */
    public Builder dataDir(Path dir) {
      this.dataDir = Objects.requireNonNull(dir, "dataDir");
      return this;
    }

    /**
     * The tick in ms; default 3000. Session timeouts are then granted between 2 and 20 ticks (a
     * given configuration's bounds are derived again from this tick).
     */
    public Builder tickTimeMs(int ms) {
      this.tickTimeMs = ms;
      return this;
    }

    /** A full configuration to start from (its client address is used as it is). */
    public Builder config(ServerConfig serverConfig) {
      this.config = Objects.requireNonNull(serverConfig, "config");
      return this;
    }

    /** Replaces the server core (tests of the transport and the launcher). */
    Builder coreFactory(Function<ServerConfig, Core> factory) {
      this.coreFactory = Objects.requireNonNull(factory, "coreFactory");
      return this;
    }

    /**
     * The server, not yet started.
     *
     * @throws io.paddock.server.config.ConfigException if a setting is out of bounds
     * @throws UncheckedIOException if the temporary data directory cannot be created
     */
    public EmbeddedServer build() {
      boolean temporary = dataDir == null && config == null;
      Path dir = dataDir;
      if (temporary) {
        try {
          dir = Files.createTempDirectory("paddock-");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
      }
      ServerConfigBuilder b =
          config != null
              ? config.toBuilder()
              : ServerConfig.builder().clientAddress(new InetSocketAddress(LOOPBACK, 0));
      if (dir != null) {
        b.dataDir(dir);
        if (config != null && config.dataLogDir().equals(config.dataDir())) {
          b.dataLogDir(null); // the txn log follows the data directory, as it did
        }
      }
      if (tickTimeMs != null) {
        b.tickTimeMs(tickTimeMs)
            .minSessionTimeoutMs(ConfigLimits.SESSION_TIMEOUT_UNSET)
            .maxSessionTimeoutMs(ConfigLimits.SESSION_TIMEOUT_UNSET);
      }
      return new EmbeddedServer(b.build(), temporary, coreFactory);
    }
  }
}
