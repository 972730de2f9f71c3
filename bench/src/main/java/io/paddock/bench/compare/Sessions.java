package io.paddock.bench.compare;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/** Opening sessions of the official ZooKeeper client, the same way for both servers. */
public final class Sessions {
  /** Session timeout the harness asks for. */
  public static final int SESSION_TIMEOUT_MS = 30_000;

  /** How long a session may take to connect. */
  public static final long CONNECT_WAIT_MS = 30_000;

  private Sessions() {}

  /**
   * A connected session to {@code connectString}.
   *
   * @throws IOException when it does not connect within {@value #CONNECT_WAIT_MS} ms
   */
  public static ZooKeeper open(String connectString) throws IOException, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk =
        new ZooKeeper(
            connectString,
            SESSION_TIMEOUT_MS,
            event -> {
              if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
            });
    if (!connected.await(CONNECT_WAIT_MS, TimeUnit.MILLISECONDS)) {
      zk.close();
      throw new IOException("no session with " + connectString + " in " + CONNECT_WAIT_MS + " ms");
    }
    return zk;
  }

  /** Creates {@code path} and its missing parents as empty persistent nodes. */
  public static void createPath(ZooKeeper zk, String path)
      throws KeeperException, InterruptedException {
    int from = 1;
    while (from > 0) {
      int slash = path.indexOf('/', from);
      String prefix = slash < 0 ? path : path.substring(0, slash);
      try {
        zk.create(prefix, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      } catch (KeeperException.NodeExistsException e) {
        // made by an earlier run on the same server
      }
      from = slash < 0 ? -1 : slash + 1;
    }
  }

  /** Closes {@code zk}, waiting at most a few seconds. */
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
}
