package io.paddock.testing;

import io.paddock.server.EmbeddedServer;
import io.paddock.server.config.FourLetterWords;
import io.paddock.server.config.ServerConfig;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An embedded standalone Paddock server for tests, on a free port of 127.0.0.1, with its data in a
 * temporary directory: Paddock's counterpart of Curator's {@code TestingServer}.
 *
 * <pre>{@code
 * try (TestingServer server = new TestingServer()) {
 *   PaddockClient client = PaddockClient.builder().connectString(server.connectString()).build();
 *   ...
 *   server.restart(); // same port, same data: sessions survive a short outage
 * }
 * }</pre>
 *
 * <p>Test-friendly defaults: a {@value #TICK_TIME_MS_DEFAULT} ms tick (sessions of 1 to 10 s are
 * granted), no fsync, TTL nodes enabled, container nodes reaped every {@value
 * #CONTAINER_CHECK_INTERVAL_MS_DEFAULT} ms, and every four-letter word answers (wchc and wchs
 * included, for watch audits; see {@link FourLetterWord}). {@link #stop()} and {@link #start()}
 * keep the port and the data, so clients reconnect and resume their sessions. {@link #close()}
 * deletes the temporary directory unless the caller chose the directory. Thread-safe.
 */
public final class TestingServer implements Closeable {
  /** The default tick: short, so session timeouts and expiry tests stay short. */
  public static final int TICK_TIME_MS_DEFAULT = 500;

  /** How often the default server looks for empty container nodes to delete. */
  public static final int CONTAINER_CHECK_INTERVAL_MS_DEFAULT = 100;

  private static final String LOOPBACK = "127.0.0.1";

  private final EmbeddedServer server;
  private final Path tempDirectory;
  private final boolean ownsTempDirectory;
  private boolean closed;

  /**
   * Starts a server with the defaults on a free port.
   *
   * @throws UncheckedIOException if the directory cannot be made or the port bound
   */
  public TestingServer() {
    this(builder(), true);
  }

  private TestingServer(Builder b, boolean start) {
    ownsTempDirectory = b.tempDirectory == null;
    tempDirectory = ownsTempDirectory ? newTempDirectory() : b.tempDirectory;
    ServerConfig config =
        ServerConfig.builder()
            .clientAddress(new InetSocketAddress(LOOPBACK, b.port))
            .dataDir(tempDirectory)
            .tickTimeMs(b.tickTimeMs)
            .forceSync(false)
            .extendedTypesEnabled(true)
            .containerCheckIntervalMs(b.containerCheckIntervalMs)
            .fourLetterWordWhitelist(FourLetterWords.ALL)
            .build();
    server = EmbeddedServer.builder().config(config).build();
    if (start) {
      start();
    }
  }

  /** A builder; {@link Builder#build()} returns a server that is not started yet. */
  public static Builder builder() {
    return new Builder();
  }

  private static Path newTempDirectory() {
    try {
      return Files.createTempDirectory("paddock-testing-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  /**
   * Starts the server (again, after {@link #stop()}: same port, same data).
   *
   * @return this server
   * @throws IllegalStateException if it runs already or was closed
   */
  public synchronized TestingServer start() {
    if (closed) {
      throw new IllegalStateException("the server is closed");
    }
    server.start();
    return this;
  }

  /**
   * Stops the server, keeping its port and data; clients see their connection drop and their
   * sessions live on (until they time out). Does nothing when the server does not run.
   */
  public synchronized void stop() {
    server.stop();
  }

  /** Stops and starts again on the same port with the same data: a short outage. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** True while the server runs. */
  public synchronized boolean isRunning() {
    return server.isRunning();
  }

  /**
   * {@code 127.0.0.1:port} for a client's connect string.
   *
   * @throws IllegalStateException before the first start
   */
  public String connectString() {
    return server.connectString();
  }

  /**
   * The client port.
   *
   * @throws IllegalStateException before the first start
   */
  public int port() {
    return server.port();
  }

  /** The directory that holds the server's data. */
  public Path tempDirectory() {
    return tempDirectory;
  }

  /** Stops the server and deletes its temporary directory (unless the caller chose it). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } finally {
      if (ownsTempDirectory) {
        Directories.deleteTree(tempDirectory);
      }
    }
  }

  @Override
  public String toString() {
    return "TestingServer[" + (server.isRunning() ? connectString() : "stopped") + "]";
  }

  /** Settings of a {@link TestingServer}. */
  public static final class Builder {
    private int port;
    private int tickTimeMs = TICK_TIME_MS_DEFAULT;
    private int containerCheckIntervalMs = CONTAINER_CHECK_INTERVAL_MS_DEFAULT;
    private Path tempDirectory;

    private Builder() {}

    /** The client port; 0 (the default) picks a free one at the first start. */
    public Builder port(int port) {
      if (port < 0 || port > PORT_MAX) {
        throw new IllegalArgumentException("port must be 0.." + PORT_MAX + ": " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The tick in ms (default {@link TestingServer#TICK_TIME_MS_DEFAULT}); sessions of 2 to 20
     * ticks are granted.
     */
    public Builder tickTimeMs(int tickTimeMs) {
      if (tickTimeMs <= 0) {
        throw new IllegalArgumentException("tickTimeMs must be positive: " + tickTimeMs);
      }
      this.tickTimeMs = tickTimeMs;
      return this;
    }

    /** How often empty container nodes are looked for and deleted. */
    public Builder containerCheckIntervalMs(int intervalMs) {
      if (intervalMs <= 0) {
        throw new IllegalArgumentException("containerCheckIntervalMs must be positive");
      }
      this.containerCheckIntervalMs = intervalMs;
      return this;
    }

    /** The data directory; it is kept on close. Default: a temporary one, deleted on close. */
    public Builder tempDirectory(Path directory) {
      this.tempDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The server, not started. */
    public TestingServer build() {
      return new TestingServer(this, false);
    }

    private static final int PORT_MAX = 65_535;
  }
}
