package io.paddock.server.interop;

import io.paddock.server.EmbeddedServer;
import io.paddock.server.config.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Paddock's standalone server in this JVM through its public {@link EmbeddedServer}, bound to
 * 127.0.0.1 on a free port, with the same tick and TTL settings the reference gets.
 */
public final class PaddockCore implements TestCore {
  private final EmbeddedServer server;

  /**
   * Starts a server.
   *
   * @param dataDir an empty directory the server owns
   * @param settings tick and TTL settings
   */
  public PaddockCore(Path dataDir, CoreSettings settings) {
    ServerConfig config =
        ServerConfig.builder()
            .dataDir(dataDir)
            .clientAddress(new InetSocketAddress("127.0.0.1", 0))
            .tickTimeMs(settings.tickTimeMs())
            .minSessionTimeoutMs(settings.minSessionTimeoutMs())
            .maxSessionTimeoutMs(settings.maxSessionTimeoutMs())
            .extendedTypesEnabled(settings.extendedTypesEnabled())
            // The reference runs without fsync too (zookeeper.forceSync=no).
            .forceSync(false)
            .build();
    server = EmbeddedServer.builder().config(config).build().start();
  }

  @Override
  public String connectString() {
    return server.connectString();
  }

  @Override
  public void restart() {
    server.restart();
  }

  @Override
  public String name() {
    return "paddock";
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return name();
  }
}
