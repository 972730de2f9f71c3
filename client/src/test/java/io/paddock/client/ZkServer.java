package io.paddock.client;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A real Apache ZooKeeper 3.9 standalone server in this JVM, on 127.0.0.1, that can be stopped and
 * started again on the same port and data directory (sessions and data survive, as on a real
 * restart).
 */
final class ZkServer implements AutoCloseable {
  /** The server's tick; sessions may last 2..20 ticks. */
  static final int TICK_MS = 200;

  private final File dataDir;
  private int port;
  private ZooKeeperServer server;
  private ServerCnxnFactory factory;

  private ZkServer(Path dataDir) {
    this.dataDir = dataDir.toFile();
  }

  /** Starts a server on a free port with TTL nodes enabled. */
  static ZkServer start(Path dataDir) throws IOException, InterruptedException {
    System.setProperty("zookeeper.extendedTypesEnabled", "true");
    ZkServer zk = new ZkServer(dataDir);
    zk.startServer();
    return zk;
  }

  private void startServer() throws IOException, InterruptedException {
    server = new ZooKeeperServer(dataDir, dataDir, TICK_MS);
    factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", port), 100);
    factory.startup(server);
    port = factory.getLocalPort();
  }

  /** Stops the server; its clients see the connection drop. */
  void stop() {
    if (factory != null) {
      factory.shutdown();
      factory = null;
    }
    if (server != null) {
      server.shutdown(true);
      server = null;
    }
  }

  /** Starts it again on the same port and data directory. */
  void restart() throws IOException, InterruptedException {
    stop();
    startServer();
  }

  /** Starts it again after a {@link #stop()}. */
  void startAgain() throws IOException, InterruptedException {
    startServer();
  }

  int port() {
    return port;
  }

  String connectString() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }
}
