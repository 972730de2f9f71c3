package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static io.paddock.server.core.Requests.exists;
import static io.paddock.server.core.Requests.getData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.AddWatchRequest;
import io.paddock.client.protocol.CheckWatchesRequest;
import io.paddock.client.protocol.ErrorResponse;
import io.paddock.client.protocol.RemoveWatchesRequest;
import io.paddock.client.protocol.SetWatches;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.store.model.Acl;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import io.paddock.store.model.WatcherType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches through the core: what fires, in which order, to whom (PROTOCOL 8). */
class WatchTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient c;
  TestClient w;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir);
    c = h.connect();
    w = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** (type, path, zxid) of the client's notifications, in order. */
  private static List<String> events(TestClient client) {
    List<String> out = new ArrayList<>();
    for (InMemoryChannel.Frame f : client.notifications()) {
      WatcherEvent e = (WatcherEvent) f.body();
      assertEquals(3, e.state(), "server events are SyncConnected");
      out.add(EventType.fromCode(e.type()) + " " + e.path() + " " + f.header().zxid());
    }
    return out;
  }

  @Test
  void theNotificationReachesTheWriterBeforeItsReply() {
    c.call(OpCode.CREATE, create("/n", ""));
    c.call(OpCode.GET_DATA, getData("/n", true));
    int xid = c.send(OpCode.SET_DATA, Requests.setData("/n", "v"));
    h.barrier();
    List<InMemoryChannel.Frame> frames = c.channel.flushed();
    int event = -1;
    int reply = -1;
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).isNotification()) {
        event = i;
      } else if (frames.get(i).header() != null && frames.get(i).header().xid() == xid) {
        reply = i;
      }
    }
    assertTrue(event >= 0 && reply > event, "event " + event + " must come before reply " + reply);
    assertEquals(
        c.reply(xid).zxid(),
        frames.get(event).header().zxid(),
        "3.9: the event carries the txn's zxid");
  }

  @Test
  void createAndDeleteFireInZooKeepersOrder() {
    w.call(OpCode.EXISTS, exists("/e", true));
    w.call(OpCode.GET_CHILDREN, Requests.getChildren("/", true));
    long created = c.call(OpCode.CREATE, create("/e", "")).zxid();
    w.call(OpCode.GET_DATA, getData("/e", true));
    w.call(OpCode.GET_CHILDREN, Requests.getChildren("/e", true));
    w.call(OpCode.GET_CHILDREN, Requests.getChildren("/", true));
    long deleted = c.call(OpCode.DELETE, Requests.delete("/e")).zxid();
    assertEquals(
        List.of(
            "NODE_CREATED /e " + created,
            "NODE_CHILDREN_CHANGED / " + created,
            "NODE_DELETED /e " + deleted,
            "NODE_CHILDREN_CHANGED / " + deleted),
        events(w),
        "one NodeDeleted for the data and child watch of one connection");
  }

  @Test
  void existsOnAMissingNodeKeepsTheWatchGetDataDoesNot() {
    assertEquals(ErrorCode.NONODE.code(), w.call(OpCode.EXISTS, exists("/later", true)).err());
    assertEquals(ErrorCode.NONODE.code(), w.call(OpCode.GET_DATA, getData("/other", true)).err());
    c.call(OpCode.CREATE, create("/later", ""));
    c.call(OpCode.CREATE, create("/other", ""));
    assertEquals(1, events(w).size());
    assertTrue(events(w).get(0).startsWith("NODE_CREATED /later"));
  }

  @Test
  void notificationsAreFilteredByReadPermissionAtFireTime() {
    c.digest("owner:pw");
    List<Acl> ownerOnly = List.of(new Acl(Perms.ALL, new Id("auth", "")));
    c.call(OpCode.CREATE, create("/private", "", List.of(new Acl(Perms.ALL, Id.ANYONE))));
    w.call(OpCode.GET_DATA, getData("/private", true));
    w.call(OpCode.ADD_WATCH, new AddWatchRequest("/private", AddWatchMode.PERSISTENT.code()));
    c.call(OpCode.SET_ACL, new io.paddock.client.protocol.SetAclRequest("/private", ownerOnly, -1));
    c.call(OpCode.SET_DATA, Requests.setData("/private", "secret"));
    assertTrue(events(w).isEmpty(), "w lost READ before the change: " + events(w));
    c.call(OpCode.DELETE, Requests.delete("/private"));
    assertTrue(events(w).isEmpty(), "a delete is filtered by the deleted node's ACL: " + events(w));
  }

  @Test
  void setWatchesSendsMissedChangesAtOnceWithZxidMinusOne() {
    c.call(OpCode.CREATE, create("/d", ""));
    c.call(OpCode.CREATE, create("/quiet", ""));
    long seen = h.core.lastProcessedZxid();
    c.call(OpCode.SET_DATA, Requests.setData("/d", "new"));
    c.call(OpCode.CREATE, create("/born", ""));
    long quietZxid = h.core.lastProcessedZxid();
    TestClient.Answer a =
        w.call(
            OpCode.SET_WATCHES,
            new SetWatches(
                seen, List.of("/d", "/gone", "/quiet"), List.of("/born", "/unborn"), List.of()));
    assertEquals(0, a.err());
    assertEquals(
        List.of("NODE_DATA_CHANGED /d -1", "NODE_DELETED /gone -1", "NODE_CREATED /born -1"),
        events(w));
    assertEquals(quietZxid, a.zxid());
    c.call(OpCode.SET_DATA, Requests.setData("/quiet", "x"));
    c.call(OpCode.CREATE, create("/unborn", ""));
    assertEquals(5, events(w).size(), "/quiet and /unborn were armed: " + events(w));
  }

  @Test
  void persistentAndRecursiveWatchesStayUntilRemoved() {
    TestClient.Answer added =
        w.call(
            OpCode.ADD_WATCH, new AddWatchRequest("/r", AddWatchMode.PERSISTENT_RECURSIVE.code()));
    assertEquals(new ErrorResponse(0), added.body(), "addWatch answers ErrorResponse(0)");
    w.call(
        OpCode.SET_WATCHES2,
        new SetWatches2(0, List.of(), List.of(), List.of(), List.of("/p"), List.of()));
    c.call(OpCode.CREATE, create("/r", ""));
    c.call(OpCode.CREATE, create("/r/deep", ""));
    c.call(OpCode.CREATE, create("/p", ""));
    c.call(OpCode.CREATE, create("/p/kid", ""));
    c.call(OpCode.SET_DATA, Requests.setData("/r/deep", "x"));
    List<String> types = new ArrayList<>();
    events(w).forEach(e -> types.add(e.substring(0, e.lastIndexOf(' '))));
    assertEquals(
        List.of(
            "NODE_CREATED /r",
            "NODE_CREATED /r/deep",
            "NODE_CREATED /p",
            "NODE_CHILDREN_CHANGED /p",
            "NODE_DATA_CHANGED /r/deep"),
        types);
  }

  @Test
  void checkAndRemoveWatchesAnswerNoWatcherWhenNothingMatches() {
    w.call(OpCode.GET_DATA, getData("/", true));
    assertEquals(
        0,
        w.call(OpCode.CHECK_WATCHES, new CheckWatchesRequest("/", WatcherType.DATA.code())).err());
    assertEquals(
        ErrorCode.NOWATCHER.code(),
        w.call(OpCode.CHECK_WATCHES, new CheckWatchesRequest("/", WatcherType.CHILDREN.code()))
            .err());
    assertEquals(
        0,
        w.call(OpCode.REMOVE_WATCHES, new RemoveWatchesRequest("/", WatcherType.ANY.code())).err());
    assertEquals(
        ErrorCode.NOWATCHER.code(),
        w.call(OpCode.REMOVE_WATCHES, new RemoveWatchesRequest("/", WatcherType.ANY.code())).err());
    assertEquals(
        ErrorCode.MARSHALLINGERROR.code(),
        w.call(OpCode.CHECK_WATCHES, new CheckWatchesRequest("/", 99)).err());
    c.call(OpCode.SET_DATA, Requests.setData("/", "x"));
    assertTrue(events(w).isEmpty());
  }

  @Test
  void watchesOfADroppedConnectionAreGone() {
    w.call(OpCode.GET_DATA, getData("/", true));
    w.drop();
    c.call(OpCode.SET_DATA, Requests.setData("/", "x"));
    assertEquals(
        0, w.channel.sendsAfterClose(), "nothing is sent on a connection the core knows is gone");
  }
}
