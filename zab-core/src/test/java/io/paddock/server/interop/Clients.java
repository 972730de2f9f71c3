package io.paddock.server.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** Helpers around the official Apache ZooKeeper client. */
public final class Clients {
  /** The session timeout the suites ask for unless a test needs another. */
  public static final int SESSION_TIMEOUT_MS = 10_000;

  private Clients() {}

  /**
   * Opens an official client and waits until it is connected.
   *
   * @param connectString where to connect
   * @param sessionTimeoutMs the requested timeout (the server clamps it)
   * @param log the default watcher; receives every state change and every watch event
   */
  public static ZooKeeper connect(String connectString, int sessionTimeoutMs, EventLog log) {
    try {
      ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMs, log);
      log.awaitStateSeen(KeeperState.SyncConnected);
      return zk;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens an official client with {@link #SESSION_TIMEOUT_MS} and a fresh event log. */
  public static ZooKeeper connect(String connectString) {
    return connect(connectString, SESSION_TIMEOUT_MS, new EventLog());
  }

  /** Closes a client, ignoring interruption. */
  public static void closeQuietly(ZooKeeper zk) {
    if (zk == null) {
      return;
    }
    try {
      zk.close(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A round trip through the session that returns once every watch event the server queued for this
   * session before the round trip has been delivered: the async callback runs on the client's event
   * thread after those events.
   */
  public static void barrier(ZooKeeper zk) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    zk.exists("/", false, (rc, path, ctx, stat) -> done.complete(rc), null);
    try {
      int rc = done.get(EventLog.WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (rc != 0) {
        throw new IllegalStateException("barrier failed: " + KeeperException.Code.get(rc));
      }
    } catch (Exception e) {
      throw new IllegalStateException("barrier did not complete", e);
    }
  }

  /**
   * A digest of a subtree: every path (sorted), its data and its stat fields other than times, one
   * line each. Two equal digests mean no write touched the subtree.
   */
  public static List<String> digest(ZooKeeper zk, String root)
      throws KeeperException, InterruptedException {
    List<String> lines = new ArrayList<>();
    digestInto(zk, root, lines);
    return lines;
  }

  private static void digestInto(ZooKeeper zk, String path, List<String> lines)
      throws KeeperException, InterruptedException {
    Stat stat = new Stat();
    byte[] data = zk.getData(path, false, stat);
    lines.add(
        path
            + " data="
            + (data == null ? "null" : new String(data, java.nio.charset.StandardCharsets.UTF_8))
            + " "
            + StatText.withoutTimes(stat));
    List<String> children = new ArrayList<>(zk.getChildren(path, false));
    children.sort(null);
    for (String child : children) {
      digestInto(zk, path.equals("/") ? "/" + child : path + "/" + child, lines);
    }
  }
}
