package io.paddock.server.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.server.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official client across a server restart: it resumes its session and re-registers its watches
 * (SetWatches); changes made while it was away reach it once, whether the server reports them while
 * re-registering (zxid −1) or when they happen after it is back.
 */
class OfficialClientReconnectTest {
  private static final int SESSION_TIMEOUT_MS = 20_000;

  private EmbeddedServer server;
  private ZooKeeper watcher;
  private final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedServer.builder().tickTimeMs(1000).build().start();
    watcher =
        connect(
            e -> {
              if (e.getType() != Watcher.Event.EventType.None) {
                events.add(e.getType() + " " + e.getPath());
              }
            });
  }

  @AfterEach
  void stop() throws Exception {
    watcher.close();
    server.close();
  }

  private ZooKeeper connect(Watcher defaultWatcher) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk =
        new ZooKeeper(
            server.connectString(),
            SESSION_TIMEOUT_MS,
            e -> {
              if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
              defaultWatcher.process(e);
            });
    if (!connected.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("not connected");
    }
    return zk;
  }

  @Test
  void watchesSurviveARestartAndMissedChangesAreReported() throws Exception {
    watcher.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    watcher.getData("/w", true, null);
    watcher.exists("/missing", true);
    watcher.getChildren("/", true);
    long session = watcher.getSessionId();
    server.restart();
    ZooKeeper writer = connect(e -> {});
    try {
      writer.setData("/w", new byte[] {1}, -1);
      writer.create("/missing", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    } finally {
      writer.close();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= 3);
    assertEquals(session, watcher.getSessionId(), "the session was resumed");
    assertEquals(
        List.of("NodeChildrenChanged /", "NodeCreated /missing", "NodeDataChanged /w"),
        events.stream().sorted().toList(),
        "each change once: " + events);
  }
}
