package io.paddock.contract;

import io.paddock.testing.FourLetterWord;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.zookeeper.server.ContainerManager;
import org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.zookeeper.server.RequestProcessor;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.command.FourLetterCommands;

/**
 * Apache ZooKeeper 3.9 standalone in this JVM on a free port of 127.0.0.1: the reference core. As
 * in ZooKeeper's own ZooKeeperServerMain, a container manager reaps empty container nodes (fast
 * here), TTL nodes are enabled, and every four-letter word is whitelisted for the watch audits.
 */
final class ZooKeeperCore implements ContractCore {
  private static final int SESSION_TIMEOUT_MS = 4_000;
  private static final int TICK_MS = 500;
  private static final int MAX_CLIENT_CNXNS = 200;
  private static final int CONTAINER_CHECK_INTERVAL_MS = 100;
  private static final int CONTAINER_MAX_PER_MINUTE = 100_000;
  private static final Duration READY_WAIT = Duration.ofSeconds(20);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  static {
    // JVM-wide ZooKeeper switches, read when its server starts or checks a request.
    System.setProperty("zookeeper.forceSync", "no");
    System.setProperty("zookeeper.extendedTypesEnabled", "true");
    System.setProperty("zookeeper.4lw.commands.whitelist", "*");
    System.setProperty("zookeeper.admin.enableServer", "false");
    FourLetterCommands.resetWhiteList();
  }

  /** ZooKeeper's server, opened up for its first request processor (the container manager's). */
  private static final class ReapingServer extends ZooKeeperServer {
    ReapingServer(File snapDir, File logDir) throws IOException {
      super(snapDir, logDir, TICK_MS);
    }

    RequestProcessor firstRequestProcessor() {
      return firstProcessor;
    }
  }

  private final Path dataDir;
  private ReapingServer server;
  private ServerCnxnFactory factory;
  private ContainerManager reaper;
  private int port;

  ZooKeeperCore() {
    try {
      dataDir = Files.createTempDirectory("contract-zookeeper-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startOn(0);
  }

  private synchronized void startOn(int wantedPort) {
    try {
      File snap = Files.createDirectories(dataDir.resolve("snap")).toFile();
      File log = Files.createDirectories(dataDir.resolve("log")).toFile();
      server = new ReapingServer(snap, log);
      server.setMinSessionTimeout(2 * TICK_MS);
      server.setMaxSessionTimeout(20 * TICK_MS);
      factory = new NIOServerCnxnFactory();
      factory.configure(new InetSocketAddress("127.0.0.1", wantedPort), MAX_CLIENT_CNXNS);
      factory.startup(server);
      port = factory.getLocalPort();
      reaper =
          new ContainerManager(
              server.getZKDatabase(),
              server.firstRequestProcessor(),
              CONTAINER_CHECK_INTERVAL_MS,
              CONTAINER_MAX_PER_MINUTE);
      reaper.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    // The port answers before the server has loaded its data; wait until it says it is ok.
    long deadline = System.nanoTime() + READY_WAIT.toNanos();
    while (!"imok".equals(ruok())) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("ZooKeeper did not become ready on " + connectString());
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private String ruok() {
    try {
      return FourLetterWord.send(connectString(), "ruok", READY_WAIT);
    } catch (UncheckedIOException e) {
      return "";
    }
  }

  @Override
  public CoreKind kind() {
    return CoreKind.ZOOKEEPER;
  }

  @Override
  public synchronized String connectString() {
    return "127.0.0.1:" + port;
  }

  @Override
  public int sessionTimeoutMs() {
    return SESSION_TIMEOUT_MS;
  }

  @Override
  public synchronized void stop() {
    if (reaper != null) {
      reaper.stop();
      reaper = null;
    }
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
  public synchronized void start() {
    if (server == null) {
      startOn(port);
    }
  }

  @Override
  public void heal() {
    start();
  }

  @Override
  public void close() {
    stop();
    deleteTree(dataDir);
  }

  private static void deleteTree(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return kind().name();
  }
}
