package io.paddock.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.internal.ConnectString;
import io.paddock.client.internal.HostList;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EventType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconnection against a real ZooKeeper: server restarts, a proxy that cuts one client off, expiry
 * (local and server-reported), and a host list that starts with a dead host.
 */
class ReconnectTest {
  private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
  private static final int SESSION_MS = 4_000;
  private static final Duration LONG_WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private ZkServer zk;
  private TcpProxy proxy;
  private PaddockClient a;
  private PaddockClient b;

  @BeforeEach
  void start() throws Exception {
    zk = ZkServer.start(dir);
    proxy = new TcpProxy(zk.port());
    b = Clients.connected(zk.connectString(), SESSION_MS);
  }

  @AfterEach
  void stop() throws Exception {
    if (a != null) {
      a.close();
    }
    b.close();
    proxy.close();
    zk.close();
  }

  private static void create(PaddockClient client, String path) throws Exception {
    client.blocking().create(path, null, OPEN, CreateMode.PERSISTENT);
  }

  @Test
  void serverRestartKeepsTheSessionAndReRegistersWatches() throws Exception {
    a = Clients.connected(zk.connectString(), SESSION_MS);
    long session = a.sessionId();
    create(a, "/r");
    a.blocking().create("/r-eph", null, OPEN, CreateMode.EPHEMERAL);
    Recorder watcher = new Recorder();
    Recorder states = new Recorder();
    a.addStateListener(states);
    a.blocking().getData("/r", watcher);
    a.blocking().exists("/r-new", watcher);
    a.blocking().addWatch("/rp", AddWatchMode.PERSISTENT, watcher);

    zk.restart();
    await().atMost(LONG_WAIT).until(() -> states.states().contains(ConnectionState.CONNECTED));
    assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.CONNECTED), states.states());
    assertEquals(session, a.sessionId());
    assertNotNull(a.blocking().exists("/r-eph"), "the session and its ephemeral survived");

    PaddockClient fresh = Clients.connected(zk.connectString(), SESSION_MS);
    try {
      fresh.blocking().setData("/r", "x".getBytes(UTF_8), -1);
      create(fresh, "/r-new");
      create(fresh, "/rp");
    } finally {
      fresh.close();
    }
    await().atMost(LONG_WAIT).until(() -> watcher.nodeEvents().size() == 3);
    assertEquals(
        List.of("NODE_DATA_CHANGED /r", "NODE_CREATED /r-new", "NODE_CREATED /rp"),
        watcher.nodeEvents().stream().map(e -> e.type() + " " + e.path()).toList());
    assertTrue(
        watcher.events().stream()
            .anyMatch(e -> e.type() == EventType.NONE && e.state() == ConnectionState.DISCONNECTED),
        "watchers hear of the disconnection");
  }

  @Test
  void changesMadeWhileAwayFireOnReconnect() throws Exception {
    a = Clients.connected(proxy.connectString(), SESSION_MS);
    create(b, "/w");
    create(b, "/wp");
    Recorder watcher = new Recorder();
    a.blocking().getData("/w", watcher);
    a.blocking().exists("/w-missing", watcher);
    a.blocking().getChildren("/wp", watcher);
    cutOff(a);

    b.blocking().setData("/w", "changed".getBytes(UTF_8), -1);
    create(b, "/w-missing");
    create(b, "/wp/kid");
    proxy.refuse(false);
    a.blocking().awaitConnected(LONG_WAIT);
    await().atMost(LONG_WAIT).until(() -> watcher.nodeEvents().size() == 3);
    assertEquals(
        List.of(
            new WatchedEvent(EventType.NODE_DATA_CHANGED, ConnectionState.CONNECTED, "/w", -1),
            new WatchedEvent(EventType.NODE_CREATED, ConnectionState.CONNECTED, "/w-missing", -1),
            new WatchedEvent(
                EventType.NODE_CHILDREN_CHANGED, ConnectionState.CONNECTED, "/wp", -1)),
        watcher.nodeEvents());
  }

  /** Cuts a client off through the proxy and waits until it knows. */
  private void cutOff(PaddockClient client) throws Exception {
    proxy.refuse(true);
    proxy.dropAll();
    await().atMost(LONG_WAIT).until(() -> client.state() == ConnectionState.DISCONNECTED);
  }

  @Test
  void callsInFlightFailWithConnectionLossAndAreNotResent() throws Exception {
    a = Clients.connected(proxy.connectString(), SESSION_MS);
    proxy.blackhole(true);
    CompletableFuture<CreateResult> lost = a.create("/inflight", null, OPEN, CreateMode.PERSISTENT);
    CompletableFuture<Void> alsoLost = a.delete("/nothing", -1);
    proxy.dropAll();
    assertInstanceOf(PaddockException.ConnectionLossException.class, Clients.failure(lost));
    assertEquals(
        "KeeperErrorCode = ConnectionLoss for /inflight", Clients.failure(lost).getMessage());
    assertInstanceOf(PaddockException.ConnectionLossException.class, Clients.failure(alsoLost));
    proxy.blackhole(false);
    a.blocking().awaitConnected(LONG_WAIT);
    assertNull(a.blocking().exists("/inflight"), "the lost create was not sent again");
  }

  @Test
  void callsMadeWhileDisconnectedGoOutAfterTheReconnect() throws Exception {
    a = Clients.connected(proxy.connectString(), SESSION_MS);
    long session = a.sessionId();
    cutOff(a);
    CompletableFuture<CreateResult> queued = a.create("/queued", null, OPEN, CreateMode.PERSISTENT);
    proxy.refuse(false);
    assertEquals("/queued", Clients.get(queued).path());
    assertEquals(session, a.sessionId());
    assertNotNull(b.blocking().exists("/queued"));
  }

  @Test
  void callsMadeWhileDisconnectedGiveUpAfterTheConnectionTimeout() throws Exception {
    a =
        Clients.connected(
            PaddockClient.builder()
                .connectString(proxy.connectString())
                .sessionTimeoutMs(SESSION_MS)
                .connectionTimeoutMs(300));
    cutOff(a);
    long start = System.nanoTime();
    assertInstanceOf(
        PaddockException.ConnectionLossException.class, Clients.failure(a.exists("/")));
    assertTrue(System.nanoTime() - start >= 250_000_000L, "waited for a connection first");
    proxy.refuse(false);
    a.blocking().awaitConnected(LONG_WAIT);
    assertNotNull(a.blocking().exists("/"));
  }

  @Test
  void serverAwayLongerThanTheSessionExpiresTheClient() throws Exception {
    a = Clients.connected(zk.connectString(), SESSION_MS);
    Recorder states = new Recorder();
    a.addStateListener(states);
    a.blocking().create("/gone-eph", null, OPEN, CreateMode.EPHEMERAL);
    b.close();
    zk.stop();
    await().atMost(LONG_WAIT).until(() -> a.state() == ConnectionState.EXPIRED);
    zk.startAgain();
    assertThrows(PaddockException.SessionExpiredException.class, () -> a.blocking().exists("/"));
    await().atMost(LONG_WAIT).until(() -> states.states().contains(ConnectionState.EXPIRED));
    assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.EXPIRED), states.states());
    b = Clients.connected(zk.connectString(), SESSION_MS);
    await().atMost(LONG_WAIT).until(() -> b.blocking().exists("/gone-eph") == null);
    assertEquals(ConnectionState.EXPIRED, a.state(), "an expired client stays expired");
  }

  @Test
  void serverReportedExpiryEndsTheClient() throws Exception {
    a = Clients.connected(proxy.connectString(), SESSION_MS);
    Recorder states = new Recorder();
    a.addStateListener(states);
    cutOff(a);
    CompletableFuture<Void> queued = a.delete("/whatever", -1);
    PaddockClient thief =
        Clients.connected(
            PaddockClient.builder()
                .connectString(zk.connectString())
                .sessionTimeoutMs(SESSION_MS)
                .session(a.sessionId(), a.sessionPassword()));
    assertEquals(a.sessionId(), thief.sessionId());
    thief.close(); // closeSession: the session is gone on the server
    proxy.refuse(false);
    assertInstanceOf(PaddockException.SessionExpiredException.class, Clients.failure(queued));
    assertEquals(ConnectionState.EXPIRED, a.state());
    await().atMost(LONG_WAIT).until(() -> states.states().size() == 2);
    assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.EXPIRED), states.states());
  }

  @Test
  void aDeadHostFirstIsSkipped() throws Exception {
    AtomicInteger deadAttempts = new AtomicInteger();
    try (ServerSocket dead = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread closer =
          new Thread(
              () -> {
                while (!dead.isClosed()) {
                  try {
                    Socket s = dead.accept();
                    deadAttempts.incrementAndGet();
                    s.close(); // a host that is up but no ZooKeeper: it hangs up at once
                  } catch (Exception e) {
                    return;
                  }
                }
              },
              "dead-host");
      closer.setDaemon(true);
      closer.start();
      String hosts = "127.0.0.1:" + dead.getLocalPort() + "," + zk.connectString();
      long seed = seedWithFirstPort(hosts, dead.getLocalPort());
      a =
          Clients.connected(
              PaddockClient.builder()
                  .connectString(hosts)
                  .sessionTimeoutMs(SESSION_MS)
                  .randomSeed(seed));
      assertEquals(1, deadAttempts.get(), "tried the dead host first, then moved on");
      assertNotNull(a.blocking().exists("/"));
    }
  }

  /** A seed whose shuffle puts the host with this port first. */
  private static long seedWithFirstPort(String hosts, int port) {
    ConnectString parsed = ConnectString.parse(hosts);
    for (long seed = Seeds.seed(); ; seed++) {
      if (new HostList(parsed.hosts(), new Random(seed)).order().get(0).port() == port) {
        return seed;
      }
    }
  }
}
