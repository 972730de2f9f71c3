package io.paddock.recipes.testing;

import io.paddock.server.EmbeddedServer;
import io.paddock.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded standalone Paddock server with short ticks (sessions of 1–10 s), TTL nodes enabled,
 * and containers reaped within a fraction of a second.
 */
public final class EmbeddedPaddockCore implements CoreUnderTest {
  /** The tick of the test server. */
  public static final int TICK_MS = 500;

  private static final int CONTAINER_CHECK_INTERVAL_MS = 100;

  private final Path dataDir;
  private final EmbeddedServer server;

  /** Starts a server. */
  public EmbeddedPaddockCore() {
    try {
      dataDir = Files.createTempDirectory("paddock-recipes-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerConfig config =
        ServerConfig.builder()
            .clientAddress(new InetSocketAddress("127.0.0.1", 0))
            .dataDir(dataDir)
            .tickTimeMs(TICK_MS)
            .extendedTypesEnabled(true)
            .containerCheckIntervalMs(CONTAINER_CHECK_INTERVAL_MS)
            .build();
    server = EmbeddedServer.builder().config(config).build().start();
  }

  @Override
  public String connectString() {
    return server.connectString();
  }

  @Override
  public void stop() {
    server.stop();
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public int minSessionTimeoutMs() {
    return 2 * TICK_MS;
  }

  @Override
  public void close() {
    server.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
