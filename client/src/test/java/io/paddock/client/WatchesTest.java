package io.paddock.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot and persistent watches against a real ZooKeeper: what fires, how often, in what order.
 */
class WatchesTest {
  private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
  @TempDir static Path dir;
  private static ZkServer zk;
  private static PaddockClient client;
  private static BlockingPaddockClient sync;
  private static PaddockClient other;

  @BeforeAll
  static void start() throws Exception {
    zk = ZkServer.start(dir);
    client = Clients.connected(zk.connectString(), 4_000);
    sync = client.blocking();
    other = Clients.connected(zk.connectString(), 4_000);
  }

  @AfterAll
  static void stop() {
    client.close();
    other.close();
    zk.close();
  }

  private static void create(String path) throws Exception {
    sync.create(path, null, OPEN, CreateMode.PERSISTENT);
  }

  /**
   * Waits until everything the server sent before now has been delivered: a marker watch fired by a
   * later write comes after every earlier event on the same event thread.
   */
  private static void drainEvents(String marker) throws Exception {
    CountDownLatch fired = new CountDownLatch(1);
    sync.exists(marker, e -> fired.countDown());
    sync.create(marker, null, OPEN, CreateMode.PERSISTENT);
    assertTrue(fired.await(20, TimeUnit.SECONDS));
  }

  @Test
  void dataWatchFiresOnceWithTheChangesZxid() throws Exception {
    create("/once");
    Recorder r = new Recorder();
    sync.getData("/once", r);
    Stat first = sync.setData("/once", "1".getBytes(UTF_8), -1);
    sync.setData("/once", "2".getBytes(UTF_8), -1);
    drainEvents("/once-marker");
    assertEquals(
        List.of(
            new WatchedEvent(
                EventType.NODE_DATA_CHANGED, ConnectionState.CONNECTED, "/once", first.mzxid())),
        r.nodeEvents());
  }

  @Test
  void existsWatchesMissingNodesAndGetDataDoesNot() throws Exception {
    Recorder exist = new Recorder();
    Recorder data = new Recorder();
    assertNull(sync.exists("/later", exist));
    assertThrows(PaddockException.NoNodeException.class, () -> sync.getData("/later", data));
    create("/later");
    drainEvents("/later-marker");
    assertEquals(List.of(EventType.NODE_CREATED), types(exist));
    assertEquals(List.of(), types(data), "no watch is set when getData fails");
  }

  @Test
  void existsOnAnExistingNodeSetsADataWatch() throws Exception {
    create("/there");
    Recorder r = new Recorder();
    assertTrue(sync.exists("/there", r) != null);
    sync.delete("/there", -1);
    drainEvents("/there-marker");
    assertEquals(List.of(EventType.NODE_DELETED), types(r));
  }

  @Test
  void childWatchAndDeleteFanOut() throws Exception {
    create("/parent");
    create("/parent/kid");
    Recorder children = new Recorder();
    Recorder both = new Recorder();
    sync.getChildren("/parent", children);
    sync.getData("/parent/kid", both);
    sync.getChildren("/parent/kid", both);
    sync.delete("/parent/kid", -1);
    drainEvents("/parent-marker");
    assertEquals(List.of(EventType.NODE_CHILDREN_CHANGED), types(children));
    assertEquals(List.of(EventType.NODE_DELETED), types(both), "one watcher, one event");
  }

  @Test
  void persistentWatchSeesNodeAndChildrenUntilRemoved() throws Exception {
    Recorder r = new Recorder();
    sync.addWatch("/pw", AddWatchMode.PERSISTENT, r);
    create("/pw");
    sync.setData("/pw", null, -1);
    create("/pw/c");
    create("/pw/c/deeper");
    sync.delete("/pw/c/deeper", -1);
    sync.delete("/pw/c", -1);
    sync.delete("/pw", -1);
    create("/pw");
    drainEvents("/pw-marker1");
    assertEquals(
        List.of(
            EventType.NODE_CREATED,
            EventType.NODE_DATA_CHANGED,
            EventType.NODE_CHILDREN_CHANGED,
            EventType.NODE_CHILDREN_CHANGED,
            EventType.NODE_DELETED,
            EventType.NODE_CREATED),
        types(r));
    sync.checkWatches("/pw", WatcherType.PERSISTENT);
    sync.removeWatches("/pw", r, WatcherType.PERSISTENT);
    sync.setData("/pw", null, -1);
    drainEvents("/pw-marker2");
    assertEquals(EventType.PERSISTENT_WATCH_REMOVED, r.events().get(r.events().size() - 1).type());
    assertEquals(7, r.nodeEvents().size(), "nothing after the removal");
    assertThrows(
        PaddockException.NoWatcherException.class,
        () -> sync.checkWatches("/pw", WatcherType.PERSISTENT));
  }

  @Test
  void recursiveWatchSeesTheSubtreeButNoChildEvents() throws Exception {
    create("/rw");
    Recorder r = new Recorder();
    sync.addWatch("/rw", AddWatchMode.PERSISTENT_RECURSIVE, r);
    create("/rw/a");
    create("/rw/a/b");
    sync.setData("/rw/a/b", null, -1);
    sync.delete("/rw/a/b", -1);
    create("/rwx");
    drainEvents("/rw-marker");
    List<String> seen = new ArrayList<>();
    for (WatchedEvent e : r.nodeEvents()) {
      seen.add(e.type() + " " + e.path());
    }
    assertEquals(
        List.of(
            "NODE_CREATED /rw/a",
            "NODE_CREATED /rw/a/b",
            "NODE_DATA_CHANGED /rw/a/b",
            "NODE_DELETED /rw/a/b"),
        seen);
    sync.removeAllWatches("/rw", WatcherType.ANY);
  }

  @Test
  void removeWatchesKeepsTheServerWatchWhileAnotherWatcherNeedsIt() throws Exception {
    create("/rm");
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    sync.getData("/rm", a);
    sync.getData("/rm", b);
    assertThrows(
        PaddockException.NoWatcherException.class,
        () -> sync.removeWatches("/rm", a, WatcherType.CHILDREN));
    sync.removeWatches("/rm", a, WatcherType.DATA);
    sync.checkWatches("/rm", WatcherType.DATA);
    sync.setData("/rm", null, -1);
    drainEvents("/rm-marker");
    assertEquals(List.of(EventType.DATA_WATCH_REMOVED), types(a, true));
    assertEquals(List.of(EventType.NODE_DATA_CHANGED), types(b));
    sync.getChildren("/rm", b);
    sync.removeAllWatches("/rm", WatcherType.CHILDREN);
    assertThrows(
        PaddockException.NoWatcherException.class,
        () -> sync.checkWatches("/rm", WatcherType.CHILDREN));
    assertThrows(
        PaddockException.NoWatcherException.class,
        () -> sync.removeAllWatches("/rm", WatcherType.CHILDREN));
  }

  @Test
  void eventComesBeforeTheReplyThatShowsTheChange() throws Exception {
    create("/order");
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    sync.getData("/order", e -> order.add("event " + e.type()));
    CompletableFuture<Void> done =
        client.setData("/order", null, -1).thenAccept(stat -> order.add("own reply"));
    Clients.get(done);
    assertEquals(List.of("event NODE_DATA_CHANGED", "own reply"), order);

    order.clear();
    sync.getData("/order", e -> order.add("event " + e.type()));
    Clients.get(other.setData("/order", "x".getBytes(UTF_8), -1));
    Clients.get(client.getData("/order").thenAccept(d -> order.add("read " + d.stat().version())));
    assertEquals(List.of("event NODE_DATA_CHANGED", "read 2"), order);
  }

  @Test
  void callbacksRunOnOneEventThreadThatMayUseTheBlockingApi() throws Exception {
    create("/cb");
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Object> seenInWatcher = new CompletableFuture<>();
    CompletableFuture<Void> completionSeen = new CompletableFuture<>();
    sync.getData(
        "/cb",
        event -> {
          threads.add(Thread.currentThread().getName());
          try {
            seenInWatcher.complete(sync.getData("/cb").stat().version());
          } catch (Exception e) {
            seenInWatcher.complete(e);
          }
          // Attached while the event thread is busy here, so the future cannot have completed yet:
          // its completion must come later, on the event thread. (A stage attached to a future
          // that has already completed runs on the attaching thread — plain CompletableFuture.)
          client
              .exists("/cb")
              .thenAccept(
                  s -> {
                    threads.add(Thread.currentThread().getName());
                    completionSeen.complete(null);
                  });
        });
    sync.setData("/cb", null, -1);
    assertEquals(1, Clients.get(seenInWatcher));
    Clients.get(completionSeen);
    assertEquals(2, threads.size());
    assertEquals(threads.get(0), threads.get(1));
    assertTrue(threads.get(0).startsWith("paddock-event"), threads.toString());
  }

  @Test
  void waitingOnAFutureInsideACallbackFailsInsteadOfDeadlocking() throws Exception {
    create("/guard");
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    sync.getData(
        "/guard",
        event -> {
          try {
            client.getData("/").join();
            outcome.complete(null);
          } catch (Throwable t) {
            outcome.complete(t);
          }
        });
    sync.setData("/guard", null, -1);
    assertInstanceOf(IllegalStateException.class, Clients.get(outcome));
    assertNull(Clients.get(client.exists("/guard-not")), "the client still works");
  }

  private static List<EventType> types(Recorder r) {
    return types(r, false);
  }

  private static List<EventType> types(Recorder r, boolean all) {
    return (all ? r.events() : r.nodeEvents()).stream().map(WatchedEvent::type).toList();
  }
}
