package io.paddock.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Apache ZooKeeper 3.9 client against an embedded Paddock server. */
class ZooKeeperClientEndToEndTest {
  private static final int SESSION_TIMEOUT_MS = 10_000;
  private static final long CONNECT_TIMEOUT_S = 20;

  private EmbeddedServer server;
  private ZooKeeper zk;

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedServer.builder().tickTimeMs(500).build().start();
    zk = connect(server.connectString());
  }

  @AfterEach
  void stop() throws Exception {
    if (zk != null) {
      zk.close();
    }
    server.close();
  }

  /** A connected client; fails the test if it does not connect in time. */
  static ZooKeeper connect(String connectString) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper client =
        new ZooKeeper(
            connectString,
            SESSION_TIMEOUT_MS,
            event -> {
              if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
            });
    if (!connected.await(CONNECT_TIMEOUT_S, TimeUnit.SECONDS)) {
      client.close();
      throw new AssertionError("the ZooKeeper client did not connect to " + connectString);
    }
    return client;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void createGetSetExistsChildrenDelete() throws Exception {
    assertEquals(
        "/e2e", zk.create("/e2e", bytes("v1"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
    Stat stat = new Stat();
    assertArrayEquals(bytes("v1"), zk.getData("/e2e", false, stat));
    assertEquals(0, stat.getVersion());
    assertEquals(1, zk.setData("/e2e", bytes("v2"), 0).getVersion());
    assertThrows(
        KeeperException.BadVersionException.class, () -> zk.setData("/e2e", bytes("x"), 0));
    String seq = zk.create("/e2e/c-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
    assertEquals("/e2e/c-0000000000", seq);
    assertEquals(List.of("c-0000000000"), zk.getChildren("/e2e", false));
    assertTrue(zk.getChildren("/", false).contains("e2e"));
    assertNotNull(zk.exists("/e2e", false));
    assertThrows(KeeperException.NotEmptyException.class, () -> zk.delete("/e2e", -1));
    zk.delete(seq, -1);
    zk.delete("/e2e", 1);
    assertNull(zk.exists("/e2e", false));
    assertThrows(KeeperException.NoNodeException.class, () -> zk.getData("/e2e", false, null));
  }

  @Test
  void multiCommitsAllOrNothing() throws Exception {
    List<OpResult> results =
        zk.multi(
            List.of(
                Op.create("/m", bytes("a"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/m/1", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.setData("/m", bytes("b"), 0)));
    assertInstanceOf(OpResult.CreateResult.class, results.get(0));
    assertEquals(1, ((OpResult.SetDataResult) results.get(2)).getStat().getVersion());

    KeeperException failed =
        assertThrows(
            KeeperException.class,
            () ->
                zk.multi(
                    List.of(
                        Op.create("/m/2", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                        Op.check("/m", 7))));
    assertEquals(KeeperException.Code.BADVERSION, failed.code());
    assertNull(zk.exists("/m/2", false));
  }

  @Test
  void aDataWatchFiresWhenAnotherClientWrites() throws Exception {
    zk.create("/w", bytes("0"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
    zk.getData("/w", events::add, null);
    ZooKeeper other = connect(server.connectString());
    try {
      other.setData("/w", bytes("1"), -1);
    } finally {
      other.close();
    }
    WatchedEvent event = events.poll(CONNECT_TIMEOUT_S, TimeUnit.SECONDS);
    assertNotNull(event, "no watch event");
    assertEquals(Watcher.Event.EventType.NodeDataChanged, event.getType());
    assertEquals("/w", event.getPath());
  }

  @Test
  void closingASessionDeletesItsEphemerals() throws Exception {
    ZooKeeper owner = connect(server.connectString());
    owner.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    assertEquals(owner.getSessionId(), zk.exists("/eph", false).getEphemeralOwner());
    owner.close();
    await()
        .atMost(Duration.ofSeconds(CONNECT_TIMEOUT_S))
        .until(() -> zk.exists("/eph", false) == null);
  }

  @Test
  void ruokOverARawSocket() throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("ruok\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals(
          "imok", new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void aSessionSurvivesARestartOfTheServer() throws Exception {
    zk.create("/kept", bytes("x"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/mine", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    long session = zk.getSessionId();
    server.restart();
    await()
        .atMost(Duration.ofSeconds(CONNECT_TIMEOUT_S))
        .ignoreExceptions()
        .until(() -> zk.exists("/kept", false) != null);
    assertEquals(session, zk.getSessionId());
    assertArrayEquals(bytes("x"), zk.getData("/kept", false, null));
    assertEquals(session, zk.exists("/mine", false).getEphemeralOwner());
  }
}
