package io.paddock.server.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the suites that run once per {@link CoreKind}: starts cores in a temporary directory,
 * opens official clients, and closes all of it after each test, newest first.
 */
public abstract class CoreTestBase {
  @TempDir Path tempDir;
  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private int coreCount;

  /** Starts a core of the given kind with the default settings; closed after the test. */
  protected TestCore start(CoreKind kind) {
    return start(kind, CoreSettings.DEFAULT);
  }

  /** Starts a core of the given kind; closed after the test. */
  protected TestCore start(CoreKind kind, CoreSettings settings) {
    try {
      Path dir = Files.createDirectories(tempDir.resolve("core" + coreCount++));
      return closeLater(kind.start(dir, settings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers something to close after the test and returns it. */
  protected <T extends AutoCloseable> T closeLater(T closeable) {
    closeables.push(closeable);
    return closeable;
  }

  /** An official client with a fresh event log, connected; closed after the test. */
  protected ZooKeeper client(String connectString) {
    return client(connectString, new EventLog());
  }

  /** An official client reporting to {@code log}, connected; closed after the test. */
  protected ZooKeeper client(String connectString, EventLog log) {
    return client(connectString, Clients.SESSION_TIMEOUT_MS, log);
  }

  /** An official client with a given session timeout, connected; closed after the test. */
  protected ZooKeeper client(String connectString, int sessionTimeoutMs, EventLog log) {
    ZooKeeper zk = Clients.connect(connectString, sessionTimeoutMs, log);
    closeLater(() -> Clients.closeQuietly(zk));
    return zk;
  }

  @AfterEach
  void closeAll() throws Exception {
    Exception first = null;
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
