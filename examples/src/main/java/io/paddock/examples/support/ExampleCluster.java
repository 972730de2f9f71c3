package io.paddock.examples.support;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryNTimes;
import io.paddock.server.EmbeddedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where an example's coordination service is: the connect string given on the command line, or,
 * without one, an embedded standalone Paddock server started for the example (on a free port of
 * 127.0.0.1, with a temporary data directory that is deleted on close). Hands out started,
 * connected frameworks and closes them all, newest first, on {@link #close()}.
 *
 * <pre>{@code
 * try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
 *   PaddockFramework fw = cluster.newFramework();
 *   ...
 * }
 * }</pre>
 */
public final class ExampleCluster implements AutoCloseable {
  /** Session timeout of the examples' frameworks. */
  public static final int SESSION_TIMEOUT_MS = 10_000;

  /** How long a framework may take to connect. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

  private static final int RETRIES = 5;
  private static final int RETRY_SLEEP_MS = 200;

  private final String connectString;
  private final EmbeddedServer server;
  private final List<PaddockFramework> frameworks = new ArrayList<>();

  private ExampleCluster(String connectString, EmbeddedServer server) {
    this.connectString = connectString;
    this.server = server;
  }

  /**
   * The service named by {@code args[0]} ({@code host:port[,host:port...][/chroot]}), or a new
   * embedded server when there are no arguments.
   */
  public static ExampleCluster fromArgs(String[] args) {
    if (args.length > 0 && !args[0].isBlank()) {
      return connectTo(args[0]);
    }
    EmbeddedServer server = EmbeddedServer.builder().build().start();
    return new ExampleCluster(server.connectString(), server);
  }

  /** A service that runs elsewhere (nothing is started or stopped). */
  public static ExampleCluster connectTo(String connectString) {
    return new ExampleCluster(connectString, null);
  }

  /** The connect string the frameworks use. */
  public String connectString() {
    return connectString;
  }

  /** True when this cluster started its own embedded server. */
  public boolean isEmbedded() {
    return server != null;
  }

  /**
   * A started framework that is connected (closed by {@link #close()}).
   *
   * @throws IllegalStateException if it does not connect within {@link #CONNECT_TIMEOUT}
   */
  public PaddockFramework newFramework() throws InterruptedException {
    PaddockFramework framework =
        PaddockFramework.builder()
            .connectString(connectString)
            .sessionTimeoutMs(SESSION_TIMEOUT_MS)
            .retryPolicy(new RetryNTimes(RETRIES, RETRY_SLEEP_MS))
            .build();
    synchronized (this) {
      frameworks.add(framework);
    }
    framework.start();
    if (!framework.blockUntilConnected(CONNECT_TIMEOUT)) {
      throw new IllegalStateException(
          "no connection to " + connectString + " within " + CONNECT_TIMEOUT.toSeconds() + " s");
    }
    return framework;
  }

  /** Closes every framework handed out (newest first), then the embedded server if any. */
  @Override
  public synchronized void close() {
    List<PaddockFramework> reversed = new ArrayList<>(frameworks);
    Collections.reverse(reversed);
    frameworks.clear();
    for (PaddockFramework framework : reversed) {
      framework.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
