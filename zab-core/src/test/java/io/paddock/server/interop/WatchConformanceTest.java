package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Official-client conformance for watches (PROTOCOL 8): which read sets which watch, which write
 * fires which events in which order, one-shot versus persistent and recursive watches, removal,
 * event zxids, and the guarantee that a session sees an event before the reply that shows the
 * change. Every assertion on events follows a {@link Clients#barrier}, so "no event" is exact.
 */
class WatchConformanceTest extends CoreTestBase {
  private static final byte[] DATA = "d".getBytes(UTF_8);

  private static void mkdir(ZooKeeper zk, String path) throws Exception {
    zk.create(path, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void ownWriteDeliversTheEventBeforeTheReply(CoreKind kind) throws Exception {
    EventLog log = new EventLog();
    ZooKeeper zk = client(start(kind).connectString(), log);
    mkdir(zk, "/w");
    zk.getData("/w", true, null);
    CompletableFuture<Integer> done = new CompletableFuture<>();
    // Async callbacks and watch events share the client's event thread, in arrival order.
    zk.setData(
        "/w",
        DATA,
        -1,
        (rc, p, ctx, s) -> {
          log.mark("reply setData " + rc);
          done.complete(rc);
        },
        null);
    done.get(20, TimeUnit.SECONDS);
    assertEquals(List.of("NodeDataChanged /w", "reply setData 0"), log.entries());
    log.clear();
    zk.setData("/w", DATA, -1);
    Clients.barrier(zk);
    assertEquals(List.of(), log.entries(), "a standard watch is one-shot");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void anotherSessionSeesTheEventBeforeAReadShowingTheChange(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper writer = client(core.connectString());
    EventLog log = new EventLog();
    ZooKeeper reader = client(core.connectString(), log);
    mkdir(writer, "/w");
    reader.getData("/w", true, null);
    Stat written = writer.setData("/w", DATA, -1);
    CompletableFuture<Integer> done = new CompletableFuture<>();
    reader.getData(
        "/w",
        false,
        (rc, p, ctx, data, s) -> {
          log.mark("reply getData version " + s.getVersion());
          done.complete(rc);
        },
        null);
    done.get(20, TimeUnit.SECONDS);
    assertEquals(List.of("NodeDataChanged /w", "reply getData version 1"), log.entries());
    assertEquals(
        written.getMzxid(), log.events().get(0).getZxid(), "3.9: the event has the txn zxid");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void eachWriteFiresItsEventsInOrder(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper writer = client(core.connectString());
    EventLog log = new EventLog();
    ZooKeeper watcher = client(core.connectString(), log);
    mkdir(writer, "/p");
    // exists on a missing node sets a watch; getData on a missing node does not.
    assertEquals(null, watcher.exists("/p/n", true));
    assertThrows(KeeperException.NoNodeException.class, () -> watcher.getData("/q", true, null));
    watcher.getChildren("/p", true);
    writer.create("/p/n", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    writer.create("/q", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    Clients.barrier(watcher);
    assertEquals(List.of("NodeCreated /p/n", "NodeChildrenChanged /p"), log.entries());

    log.clear();
    watcher.getData("/p/n", true, null);
    watcher.exists("/p/n", true);
    watcher.getChildren("/p/n", true);
    watcher.getChildren("/p", true);
    writer.delete("/p/n", -1);
    Clients.barrier(watcher);
    // One NodeDeleted per connection however many watch kinds were set, then the parent.
    assertEquals(List.of("NodeDeleted /p/n", "NodeChildrenChanged /p"), log.entries());

    log.clear();
    watcher.getChildren("/", true);
    watcher.exists("/p", true);
    writer.setACL("/p", Ids.OPEN_ACL_UNSAFE, -1);
    writer.sync("/p");
    writer.getData("/p", false, null);
    Clients.barrier(watcher);
    assertEquals(List.of(), log.entries(), "setACL, sync and reads fire nothing");
    writer.delete("/p", -1);
    Clients.barrier(watcher);
    assertEquals(List.of("NodeDeleted /p", "NodeChildrenChanged /"), log.entries());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void multiFiresEachOpsEventsInOpOrderAtTheMultisZxid(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper writer = client(core.connectString());
    EventLog log = new EventLog();
    ZooKeeper watcher = client(core.connectString(), log);
    mkdir(writer, "/m");
    mkdir(writer, "/m/x");
    watcher.exists("/m/y", true);
    watcher.getData("/m/x", true, null);
    watcher.getChildren("/m", true);
    writer.multi(
        List.of(
            Op.setData("/m/x", DATA, -1),
            Op.create("/m/y", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    Clients.barrier(watcher);
    assertEquals(
        List.of("NodeDataChanged /m/x", "NodeCreated /m/y", "NodeChildrenChanged /m"),
        log.entries());
    long zxid = writer.exists("/m/y", false).getCzxid();
    for (var event : log.events()) {
      assertEquals(zxid, event.getZxid(), event.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void persistentWatchSeesTheNodeAndItsChildListAndStays(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper writer = client(core.connectString());
    EventLog log = new EventLog();
    ZooKeeper watcher = client(core.connectString(), log);
    watcher.addWatch("/pw", AddWatchMode.PERSISTENT);
    mkdir(writer, "/pw");
    writer.setData("/pw", DATA, -1);
    writer.setData("/pw", DATA, -1);
    mkdir(writer, "/pw/c");
    writer.setData("/pw/c", DATA, -1);
    writer.delete("/pw/c", -1);
    writer.delete("/pw", -1);
    Clients.barrier(watcher);
    assertEquals(
        List.of(
            "NodeCreated /pw",
            "NodeDataChanged /pw",
            "NodeDataChanged /pw",
            "NodeChildrenChanged /pw",
            "NodeChildrenChanged /pw",
            "NodeDeleted /pw"),
        log.entries());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void recursiveWatchSeesTheSubtreeButNoChildListChanges(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper writer = client(core.connectString());
    EventLog log = new EventLog();
    ZooKeeper watcher = client(core.connectString(), log);
    watcher.addWatch("/rw", AddWatchMode.PERSISTENT_RECURSIVE);
    mkdir(writer, "/rw");
    mkdir(writer, "/rw/a");
    writer.setData("/rw/a", DATA, -1);
    mkdir(writer, "/rw/a/b");
    writer.delete("/rw/a/b", -1);
    mkdir(writer, "/rwx");
    Clients.barrier(watcher);
    assertEquals(
        List.of(
            "NodeCreated /rw",
            "NodeCreated /rw/a",
            "NodeDataChanged /rw/a",
            "NodeCreated /rw/a/b",
            "NodeDeleted /rw/a/b"),
        log.entries(),
        "a sibling with a common name prefix (/rwx) is not a descendant");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void removeWatchesStopsEventsAndNowatcherWhenThereIsNone(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper writer = client(core.connectString());
    EventLog log = new EventLog();
    ZooKeeper watcher = client(core.connectString(), log);
    mkdir(writer, "/rm");
    EventLog own = new EventLog();
    watcher.addWatch("/rm", own, AddWatchMode.PERSISTENT);
    watcher.getData("/rm", true, null);
    watcher.removeWatches("/rm", own, WatcherType.Persistent, false);
    watcher.removeAllWatches("/rm", WatcherType.Data, false);
    writer.setData("/rm", DATA, -1);
    Clients.barrier(watcher);
    assertEquals(List.of("PersistentWatchRemoved /rm"), own.entries());
    assertEquals(List.of("DataWatchRemoved /rm"), log.entries());
    assertThrows(
        KeeperException.NoWatcherException.class,
        () -> watcher.removeAllWatches("/rm", WatcherType.Any, false));
    assertThrows(
        KeeperException.NoWatcherException.class,
        () -> watcher.removeAllWatches("/nowhere", WatcherType.Children, false));
  }
}
