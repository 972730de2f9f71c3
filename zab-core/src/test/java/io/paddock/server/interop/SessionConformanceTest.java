package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Official-client conformance for sessions (PROTOCOL 3.3, 8.5, 9.11): close and expiry delete
 * ephemerals and fire their watches, an expired session is told so, and watches survive a server
 * restart and a lost connection through re-registration, firing for changes made meanwhile.
 */
class SessionConformanceTest extends CoreTestBase {
  private static final byte[] DATA = "d".getBytes(UTF_8);

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void closeDeletesEphemeralsAndFiresTheirWatches(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper owner = Clients.connect(core.connectString());
    EventLog log = new EventLog();
    ZooKeeper watcher = client(core.connectString(), log);
    watcher.create("/dir", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    owner.create("/dir/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    watcher.exists("/dir/eph", true);
    watcher.getChildren("/dir", true);
    owner.close();
    assertEquals(List.of("NodeDeleted /dir/eph", "NodeChildrenChanged /dir"), log.awaitEvents(2));
    assertNull(watcher.exists("/dir/eph", false));
    assertEquals(List.of(), watcher.getEphemerals());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void expiryDeletesEphemeralsAndTheClientLearnsItExpired(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    TcpProxy proxy = closeLater(new TcpProxy(core));
    EventLog ownerLog = new EventLog();
    ZooKeeper owner =
        client(proxy.connectString(), CoreSettings.DEFAULT.minSessionTimeoutMs(), ownerLog);
    EventLog log = new EventLog();
    ZooKeeper watcher = client(core.connectString(), log);
    owner.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    watcher.exists("/eph", true);
    watcher.getChildren("/", true);
    proxy.freeze();
    // The server hears nothing more from the owner and expires the session.
    assertEquals(List.of("NodeDeleted /eph", "NodeChildrenChanged /"), log.awaitEvents(2));
    proxy.restore();
    ownerLog.awaitStateSeen(KeeperState.Expired);
    assertThrows(KeeperException.SessionExpiredException.class, () -> owner.exists("/", false));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void watchesSurviveARestartAndFireForLaterChanges(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    EventLog log = new EventLog();
    ZooKeeper zk = client(core.connectString(), log);
    zk.create("/w", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/e", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    zk.getData("/w", true, null);
    zk.exists("/later", true);
    zk.getChildren("/p", true);
    zk.addWatch("/r", AddWatchMode.PERSISTENT_RECURSIVE);
    long session = zk.getSessionId();

    core.restart();
    log.awaitStateSeen(KeeperState.Disconnected);
    log.awaitState(KeeperState.SyncConnected);
    assertEquals(session, zk.getSessionId(), "the session survived the restart");
    assertEquals(session, zk.exists("/e", false).getEphemeralOwner(), "and so did its ephemeral");

    ZooKeeper writer = client(core.connectString());
    writer.setData("/w", DATA, -1);
    writer.create("/later", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    writer.create("/p/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    writer.create("/r", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    writer.create("/r/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    Clients.barrier(zk);
    assertEquals(
        List.of(
            "NodeDataChanged /w",
            "NodeCreated /later",
            "NodeChildrenChanged /p",
            "NodeCreated /r",
            "NodeCreated /r/x"),
        log.entries());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void changesMadeWhileDisconnectedFireOnReconnect(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    TcpProxy proxy = closeLater(new TcpProxy(core));
    EventLog log = new EventLog();
    ZooKeeper zk = client(proxy.connectString(), log);
    ZooKeeper writer = client(core.connectString());
    for (String p : List.of("/w", "/same", "/p", "/gone", "/q")) {
      writer.create(p, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }
    zk.getData("/w", true, null);
    zk.getData("/same", true, null);
    zk.exists("/later", true);
    zk.getChildren("/p", true);
    zk.getData("/gone", true, null);
    zk.getChildren("/q", true);
    zk.addWatch("/r", AddWatchMode.PERSISTENT_RECURSIVE);

    proxy.cut();
    log.awaitStateSeen(KeeperState.Disconnected);
    core.restart();
    writer = client(core.connectString());
    writer.setData("/w", DATA, -1);
    writer.create("/later", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    writer.create("/p/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    writer.delete("/gone", -1);
    writer.create("/r", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    proxy.restore();

    List<String> events = log.awaitEvents(4);
    log.awaitState(KeeperState.SyncConnected);
    Clients.barrier(zk);
    // Set order: the server walks the watch lists, and the client sends them from hash sets.
    assertEquals(
        Set.of(
            "NodeDataChanged /w",
            "NodeCreated /later",
            "NodeChildrenChanged /p",
            "NodeDeleted /gone"),
        Set.copyOf(log.entries()),
        "no event for /same or /q, which did not change; none for /r (missed while away) "
            + events);
    assertEquals(4, log.entries().size());
    for (WatchedEvent e : log.events()) {
      assertEquals(-1, e.getZxid(), "3.9: events generated by setWatches carry zxid -1: " + e);
    }
    writer.create("/r/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    writer.setData("/same", DATA, -1);
    Clients.barrier(zk);
    assertEquals(
        List.of("NodeCreated /r/x", "NodeDataChanged /same"),
        log.entries().subList(4, log.entries().size()),
        "re-registered watches keep working");
  }
}
