package io.paddock.client.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** A real Apache ZooKeeper 3.9 standalone server in this JVM, on 127.0.0.1 and a free port. */
final class ZkTestServer implements AutoCloseable {
  private static final int TICK_MS = 200;

  private final ZooKeeperServer server;
  private final ServerCnxnFactory factory;

  private ZkTestServer(ZooKeeperServer server, ServerCnxnFactory factory) {
    this.server = server;
    this.factory = factory;
  }

  /** Starts a server on a fresh data directory, TTL nodes enabled. */
  static ZkTestServer start(Path dataDir) throws IOException, InterruptedException {
    System.setProperty("zookeeper.extendedTypesEnabled", "true");
    ZooKeeperServer server = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_MS);
    ServerCnxnFactory factory =
        ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
    factory.startup(server);
    return new ZkTestServer(server, factory);
  }

  String connectString() {
    return "127.0.0.1:" + factory.getLocalPort();
  }

  @Override
  public void close() {
    factory.shutdown();
    server.shutdown(true);
  }
}
