package io.paddock.server.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A real Apache ZooKeeper 3.9 standalone server in this JVM, the judge of the differential tests.
 */
final class ZooKeeperPeer implements AutoCloseable {
  private final ZooKeeperServer server;
  private final ServerCnxnFactory factory;

  ZooKeeperPeer(Path dataDir, int tickTimeMs) throws IOException, InterruptedException {
    server = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), tickTimeMs);
    factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 100);
    factory.startup(server);
  }

  String connectString() {
    return "127.0.0.1:" + factory.getLocalPort();
  }

  @Override
  public void close() {
    factory.shutdown();
    server.shutdown();
  }
}
