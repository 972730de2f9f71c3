package io.paddock.server;

import io.paddock.server.config.ConfigException;
import io.paddock.server.config.ParsedConfig;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ZooCfgParser;
import io.paddock.server.net.ClientPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/paddock server [zoo.cfg]}: runs a Paddock server — standalone, or one member of an
 * ensemble — until SIGTERM or SIGINT.
 *
 * <p>With a file, the file is read as Apache ZooKeeper reads its zoo.cfg; keys Paddock does not use
 * are named once in the log. Without one, the server listens on port 2181 of every interface and
 * keeps its data under {@code ./data}. With two or more {@code server.N} lines the process is the
 * ensemble member named by {@code dataDir/myid}: it binds its quorum and election ports, joins the
 * election, and serves clients once it follows, leads or observes. A bad setting prints a message
 * naming the key and exits with status {@value #EXIT_BAD_CONFIG}. A port that cannot be bound exits
 * with status {@value #EXIT_FAILURE}.
 *
 * <p>SIGTERM and SIGINT close the client port, then the core, through a shutdown hook.
 */
public final class PaddockServerMain {
  private static final Logger LOG = LoggerFactory.getLogger(PaddockServerMain.class);

  /** Exit status for a bad command line or configuration. */
  static final int EXIT_BAD_CONFIG = 2;

  /** Exit status when the server cannot start (for example, the port is in use). */
  static final int EXIT_FAILURE = 1;

  /** Where data goes without a zoo.cfg, relative to the working directory. */
  static final String DEFAULT_DATA_DIR = "data";

  /** The Maven metadata inside the zab-core jar, where the version is found. */
  private static final String POM_PROPERTIES = "/META-INF/maven/io.paddock/zab-core/pom.properties";

  /** Shown when the version cannot be found (classes run from a build directory). */
  static final String VERSION_UNKNOWN = "(development build)";

  private static final String USAGE =
      "Usage: bin/paddock server [zoo.cfg]\n"
          + "  Runs a standalone server, or the ensemble member dataDir/myid names when zoo.cfg\n"
          + "  has server.N lines. Without zoo.cfg: client port 2181, data under ./data.";

  private PaddockServerMain() {}

  /**
   * Runs the server until the JVM is told to stop (SIGTERM, SIGINT); exits the JVM with a non-zero
   * status when it cannot start.
   *
   * @param args an optional zoo.cfg path
   */
  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
      System.out.println(USAGE);
      return;
    }
    EmbeddedServer server;
    try {
      server = configure(args, PaddockServerMain::productionCore);
    } catch (StartupFailure f) {
      System.err.println("paddock: " + f.getMessage());
      System.exit(f.exitCode());
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutDown(server, stopped), "paddock-shutdown"));
    try {
      server.start();
    } catch (RuntimeException e) {
      Throwable reason = e instanceof UncheckedIOException ? e.getCause() : e;
      System.err.println("paddock: cannot start: " + reason.getMessage());
      System.exit(EXIT_FAILURE);
      return;
    }
    logServing(server);
    awaitUninterruptibly(stopped);
  }

  /**
   * Reads the command line and the configuration and builds the server, not yet started.
   *
   * @throws StartupFailure with the exit status and the message for the operator
   */
  static EmbeddedServer configure(String[] args, Function<ServerConfig, EmbeddedServer.Core> core) {
    if (args.length > 1) {
      throw new StartupFailure(EXIT_BAD_CONFIG, "too many arguments\n" + USAGE);
    }
    ParsedConfig parsed;
    try {
      ZooCfgParser parser = new ZooCfgParser();
      parsed =
          args.length == 1
              ? parser.parse(Path.of(args[0]))
              : parser.defaults(Path.of(DEFAULT_DATA_DIR));
    } catch (ConfigException e) {
      throw new StartupFailure(EXIT_BAD_CONFIG, e.getMessage());
    }
    ServerConfig config = parsed.config();
    parsed.ignoredKeysLogLine().ifPresent(LOG::info);
    parsed.warnings().forEach(LOG::warn);
    return EmbeddedServer.builder().config(config).coreFactory(core).build();
  }

  /** The core a configuration asks for: an ensemble member's, or the standalone one. */
  static EmbeddedServer.Core productionCore(ServerConfig config) {
    if (config.isQuorum()) {
      return MemberStack.bind(config).serverCore(config);
    }
    return EmbeddedServer.standaloneCore(config);
  }

  /** The version of the zab-core jar, or {@link #VERSION_UNKNOWN}. */
  static String version() {
    String fromManifest = PaddockServerMain.class.getPackage().getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = PaddockServerMain.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", VERSION_UNKNOWN);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return VERSION_UNKNOWN;
  }

  private static void logServing(EmbeddedServer server) {
    ServerConfig config = server.config();
    String data = config.dataDir().toAbsolutePath().normalize().toString();
    if (!config.dataLogDir().equals(config.dataDir())) {
      data += ", txn log in " + config.dataLogDir().toAbsolutePath().normalize();
    }
    String role =
        config.isQuorum()
            ? "ensemble member "
                + config.myid()
                + " of "
                + config.members().size()
                + " (quorum port "
                + config.self().orElseThrow().quorumAddress().getPort()
                + ", election port "
                + config.self().orElseThrow().electionAddress().getPort()
                + ")"
            : "standalone";
    LOG.info(
        "Paddock {} {}, serving clients on {}, data in {}",
        version(),
        role,
        ClientPort.describe(server.address()),
        data);
  }

  private static void shutDown(EmbeddedServer server, CountDownLatch stopped) {
    try {
      if (server.isRunning()) {
        LOG.info("Shutting down");
        server.close();
        LOG.info("Stopped");
      }
    } catch (RuntimeException e) {
      LOG.error("Shutdown failed", e);
    } finally {
      stopped.countDown();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Start-up stopped: the message for the operator and the exit status. */
  static final class StartupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    StartupFailure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    /** The process exit status. */
    int exitCode() {
      return exitCode;
    }
  }
}
