package io.paddock.server.ownclient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.client.BlockingPaddockClient;
import io.paddock.client.ConnectionState;
import io.paddock.client.OpResult;
import io.paddock.client.Ops;
import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.client.WatchedEvent;
import io.paddock.server.EmbeddedServer;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paddock's own client against Paddock's own server: the pluggable-core promise from our side (the
 * client's suites prove it against Apache ZooKeeper, the interop suites prove the server against
 * the official client). Ops, typed errors, watches in order, multi, ephemerals, and a session that
 * survives a server restart with its watches re-registered.
 */
class OwnClientAgainstPaddockTest {
  private static final Duration CONNECT = Duration.ofSeconds(20);
  private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;

  @TempDir Path dataDir;
  private EmbeddedServer server;

  @BeforeEach
  void start() {
    server = EmbeddedServer.builder().dataDir(dataDir).tickTimeMs(500).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private PaddockClient connect(int sessionTimeoutMs) throws Exception {
    PaddockClient client =
        PaddockClient.builder()
            .connectString(server.connectString())
            .sessionTimeoutMs(sessionTimeoutMs)
            .build();
    client.blocking().awaitConnected(CONNECT);
    return client;
  }

  @Test
  void opsStatsAndTypedErrors() throws Exception {
    try (PaddockClient client = connect(10_000)) {
      BlockingPaddockClient zk = client.blocking();
      assertEquals(
          "/app", zk.create("/app", "v1".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT).path());
      assertEquals(
          "/app/job-0000000000",
          zk.create("/app/job-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL).path());
      assertArrayEquals("v1".getBytes(UTF_8), zk.getData("/app").data());
      assertEquals(1, zk.setData("/app", "v2".getBytes(UTF_8), 0).version());
      PaddockException badVersion =
          assertThrows(PaddockException.class, () -> zk.setData("/app", new byte[0], 0));
      assertEquals(ErrorCode.BADVERSION, badVersion.code());
      assertEquals("KeeperErrorCode = BadVersion for /app", badVersion.getMessage());
      assertInstanceOf(
          PaddockException.NoNodeException.class,
          assertThrows(PaddockException.class, () -> zk.getData("/none")));
      assertEquals(
          ErrorCode.NOTEMPTY,
          assertThrows(PaddockException.class, () -> zk.delete("/app", -1)).code());
      assertEquals(List.of("job-0000000000"), zk.getChildren("/app"));
      assertEquals(1, zk.getAllChildrenNumber("/app"));
      assertNull(zk.exists("/none"));
    }
  }

  @Test
  void multiCommitsAtomicallyOrReportsEveryResult() throws Exception {
    try (PaddockClient client = connect(10_000)) {
      BlockingPaddockClient zk = client.blocking();
      List<OpResult> ok =
          zk.multi(
              Ops.builder()
                  .create("/m", null, OPEN, CreateMode.PERSISTENT)
                  .create("/m/a", null, OPEN, CreateMode.PERSISTENT)
                  .setData("/m", "x".getBytes(UTF_8), 0)
                  .build());
      assertEquals(3, ok.size());
      assertEquals(ok.get(0).getClass(), OpResult.Create.class);
      PaddockException failed =
          assertThrows(
              PaddockException.class,
              () ->
                  zk.multi(
                      Ops.builder()
                          .create("/m/b", null, OPEN, CreateMode.PERSISTENT)
                          .check("/m", 7)
                          .build()));
      assertEquals(ErrorCode.BADVERSION, failed.code());
      assertNull(zk.exists("/m/b"), "a failed multi changes nothing");
    }
  }

  @Test
  void watchEventsArriveBeforeTheReadThatShowsTheChange() throws Exception {
    try (PaddockClient watcher = connect(10_000);
        PaddockClient writer = connect(10_000)) {
      writer.blocking().create("/w", "0".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT);
      BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
      watcher.blocking().getData("/w", events::add);
      watcher.blocking().addWatch("/w", AddWatchMode.PERSISTENT_RECURSIVE, events::add);
      writer.blocking().setData("/w", "1".getBytes(UTF_8), -1);
      writer.blocking().create("/w/child", null, OPEN, CreateMode.PERSISTENT);
      WatchedEvent changed = nextNodeEvent(events);
      assertEquals(EventType.NODE_DATA_CHANGED, changed.type());
      assertEquals("/w", changed.path());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  events.stream()
                      .anyMatch(
                          e -> e.type() == EventType.NODE_CREATED && "/w/child".equals(e.path())));
    }
  }

  /** The next event about a node; connection-state events (type NONE) reach watchers too. */
  private static WatchedEvent nextNodeEvent(BlockingQueue<WatchedEvent> events)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      WatchedEvent e = events.poll(1, TimeUnit.SECONDS);
      if (e != null && e.type() != EventType.NONE) {
        return e;
      }
    }
    throw new AssertionError("no node event within 20 s");
  }

  @Test
  void ephemeralsDieWithTheirSession() throws Exception {
    PaddockClient owner = connect(10_000);
    try (PaddockClient other = connect(10_000)) {
      owner.blocking().create("/e", null, OPEN, CreateMode.EPHEMERAL);
      assertEquals(owner.sessionId(), other.blocking().exists("/e").ephemeralOwner());
      owner.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> other.blocking().exists("/e") == null);
    }
  }

  @Test
  void sessionAndWatchesSurviveAServerRestart() throws Exception {
    try (PaddockClient client = connect(20_000);
        PaddockClient writer = connect(20_000)) {
      client.blocking().create("/r", null, OPEN, CreateMode.PERSISTENT);
      client.blocking().create("/r/eph", null, OPEN, CreateMode.EPHEMERAL);
      BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
      client.blocking().exists("/r/later", events::add);
      long sessionId = client.sessionId();

      server.restart();
      writer.blocking().awaitConnected(CONNECT);
      writer.blocking().create("/r/later", null, OPEN, CreateMode.PERSISTENT);

      WatchedEvent created = nextNodeEvent(events);
      assertEquals(EventType.NODE_CREATED, created.type(), "the re-registered watch fires");
      assertEquals("/r/later", created.path());
      assertEquals(sessionId, client.sessionId());
      assertEquals(ConnectionState.CONNECTED, client.state());
      assertEquals(
          sessionId,
          client.blocking().exists("/r/eph").ephemeralOwner(),
          "the session and its ephemeral survived the restart");
    }
  }
}
