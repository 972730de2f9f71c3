package io.paddock.server.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.zookeeper.server.NettyServerCnxnFactory;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A real Apache ZooKeeper 3.9 standalone server in this JVM, bound to 127.0.0.1 on a free port: the
 * reference every interop suite compares against. Either of ZooKeeper's two client-port
 * implementations (NIO, its default, or Netty) can be chosen.
 */
public final class ApacheZooKeeperCore implements TestCore {
  private static final String EXTENDED_TYPES = "zookeeper.extendedTypesEnabled";
  private static final int MAX_CLIENT_CNXNS = 200;

  static {
    // Tests need no durability across power loss; an fsync per write would dominate their time.
    System.setProperty("zookeeper.forceSync", "no");
  }

  private final Path dataDir;
  private final CoreSettings settings;
  private final boolean netty;
  private ZooKeeperServer server;
  private ServerCnxnFactory factory;
  private int port;

  /**
   * Starts a server.
   *
   * @param dataDir an empty directory the server owns for its snapshots and logs
   * @param settings tick and TTL settings
   * @param netty true for ZooKeeper's Netty client port, false for its NIO one
   */
  public ApacheZooKeeperCore(Path dataDir, CoreSettings settings, boolean netty) {
    this.dataDir = dataDir;
    this.settings = settings;
    this.netty = netty;
    start(0);
  }

  private void start(int wantedPort) {
    // ZooKeeper reads this JVM-wide flag whenever it checks a TTL create.
    System.setProperty(EXTENDED_TYPES, Boolean.toString(settings.extendedTypesEnabled()));
    try {
      File snap = Files.createDirectories(dataDir.resolve("snap")).toFile();
      File log = Files.createDirectories(dataDir.resolve("log")).toFile();
      server = new ZooKeeperServer(snap, log, settings.tickTimeMs());
      server.setMinSessionTimeout(settings.minSessionTimeoutMs());
      server.setMaxSessionTimeout(settings.maxSessionTimeoutMs());
      factory = netty ? newNettyFactory() : new NIOServerCnxnFactory();
      factory.configure(new InetSocketAddress("127.0.0.1", wantedPort), MAX_CLIENT_CNXNS);
      factory.startup(server);
      port = factory.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ServerCnxnFactory newNettyFactory() {
    // Its constructor is package-private; ZooKeeper itself builds it by reflection too.
    try {
      var constructor = NettyServerCnxnFactory.class.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String connectString() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void restart() {
    stop();
    start(port);
  }

  @Override
  public String name() {
    return netty ? "zookeeper-netty" : "zookeeper-nio";
  }

  /** The server object, for tests that need ZooKeeper's own view (reference side only). */
  public ZooKeeperServer server() {
    return server;
  }

  private void stop() {
    if (factory != null) {
      factory.shutdown();
      factory = null;
    }
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name();
  }
}
