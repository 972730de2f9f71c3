package io.paddock.store.watch;

import static io.paddock.store.model.EventType.NODE_CHILDREN_CHANGED;
import static io.paddock.store.model.EventType.NODE_CREATED;
import static io.paddock.store.model.EventType.NODE_DATA_CHANGED;
import static io.paddock.store.model.EventType.NODE_DELETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.WatcherType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WatchRegistry#setWatches}: every row of PROTOCOL 8.5, the event order and zxid −1. */
class SetWatchesTest {
  private static final long RELATIVE_ZXID = 100;

  /** A tree of (mzxid, pzxid) per existing path. */
  static final class FakeTree implements NodeZxids {
    private final Map<String, long[]> nodes = new HashMap<>();

    FakeTree with(String path, long mzxid, long pzxid) {
      nodes.put(path, new long[] {mzxid, pzxid});
      return this;
    }

    @Override
    public boolean exists(String path) {
      return nodes.containsKey(path);
    }

    @Override
    public long mzxid(String path) {
      return exists(path) ? nodes.get(path)[0] : -1;
    }

    @Override
    public long pzxid(String path) {
      return exists(path) ? nodes.get(path)[1] : -1;
    }
  }

  private final WatchRegistry<String> registry = new WatchRegistry<>();
  private final FakeTree tree =
      new FakeTree()
          .with("/old", RELATIVE_ZXID, RELATIVE_ZXID) // unchanged since the client's last zxid
          .with("/newdata", RELATIVE_ZXID + 1, RELATIVE_ZXID)
          .with("/newkids", RELATIVE_ZXID, RELATIVE_ZXID + 1);

  @AfterEach
  void indexesStayConsistent() {
    registry.checkInvariants();
  }

  private List<WatchEvent> set(
      List<String> data,
      List<String> exist,
      List<String> child,
      List<String> persistent,
      List<String> recursive) {
    return registry.setWatches(RELATIVE_ZXID, data, exist, child, persistent, recursive, "w", tree);
  }

  private static WatchEvent now(io.paddock.store.model.EventType type, String path) {
    return new WatchEvent(type, path, -1);
  }

  @Test
  void dataWatchOnMissingNodeSendsNodeDeleted() {
    assertEquals(
        List.of(now(NODE_DELETED, "/gone")), set(List.of("/gone"), null, null, null, null));
    assertEquals(0, registry.watchCount(), "and registers nothing");
  }

  @Test
  void dataWatchOnNodeChangedSinceRelativeZxidSendsNodeDataChanged() {
    assertEquals(
        List.of(now(NODE_DATA_CHANGED, "/newdata")),
        set(List.of("/newdata"), null, null, null, null));
    assertEquals(0, registry.watchCount());
  }

  @Test
  void dataWatchOtherwiseIsAdded() {
    assertEquals(List.of(), set(List.of("/old", "/newkids"), null, null, null, null));
    assertTrue(registry.hasWatch("/old", WatcherType.DATA, "w"));
    assertTrue(registry.hasWatch("/newkids", WatcherType.DATA, "w"), "pzxid is not looked at");
    assertEquals(2, registry.watchCount());
  }

  @Test
  void existWatchOnExistingNodeSendsNodeCreated() {
    assertEquals(List.of(now(NODE_CREATED, "/old")), set(null, List.of("/old"), null, null, null));
    assertEquals(0, registry.watchCount());
  }

  @Test
  void existWatchOnMissingNodeIsAddedToTheDataTable() {
    assertEquals(List.of(), set(null, List.of("/gone"), null, null, null));
    assertTrue(registry.hasWatch("/gone", WatcherType.DATA, "w"));
    assertEquals(1, registry.trigger(new WatchEvent(NODE_CREATED, "/gone", 5)).size());
  }

  @Test
  void childWatchOnMissingNodeSendsNodeDeleted() {
    assertEquals(
        List.of(now(NODE_DELETED, "/gone")), set(null, null, List.of("/gone"), null, null));
    assertEquals(0, registry.watchCount());
  }

  @Test
  void childWatchOnNodeWhoseChildrenChangedSendsNodeChildrenChanged() {
    assertEquals(
        List.of(now(NODE_CHILDREN_CHANGED, "/newkids")),
        set(null, null, List.of("/newkids"), null, null));
    assertEquals(0, registry.watchCount());
  }

  @Test
  void childWatchOtherwiseIsAdded() {
    assertEquals(List.of(), set(null, null, List.of("/old", "/newdata"), null, null));
    assertTrue(registry.hasWatch("/old", WatcherType.CHILDREN, "w"));
    assertTrue(registry.hasWatch("/newdata", WatcherType.CHILDREN, "w"), "mzxid is not looked at");
  }

  @Test
  void persistentWatchesAreAddedToBothTablesWhateverTheNodeState() {
    assertEquals(List.of(), set(null, null, null, List.of("/gone", "/newdata"), null));
    assertTrue(registry.hasWatch("/gone", WatcherType.PERSISTENT, "w"));
    assertTrue(registry.hasWatch("/newdata", WatcherType.PERSISTENT, "w"));
    assertEquals(4, registry.watchCount());
  }

  @Test
  void recursiveWatchesAreAddedToTheDataTableWhateverTheNodeState() {
    assertEquals(List.of(), set(null, null, null, null, List.of("/gone", "/newkids")));
    assertTrue(registry.hasWatch("/gone", WatcherType.PERSISTENT_RECURSIVE, "w"));
    assertTrue(registry.hasWatch("/newkids", WatcherType.PERSISTENT_RECURSIVE, "w"));
    assertEquals(2, registry.watchCount());
    assertFalse(registry.hasWatch("/gone", WatcherType.PERSISTENT, "w"));
  }

  @Test
  void eventsComeInListOrderDataExistChild() {
    List<WatchEvent> events =
        set(
            List.of("/newdata", "/gone"),
            List.of("/old"),
            List.of("/gone", "/newkids"),
            List.of(),
            List.of());
    assertEquals(
        List.of(
            now(NODE_DATA_CHANGED, "/newdata"),
            now(NODE_DELETED, "/gone"),
            now(NODE_CREATED, "/old"),
            now(NODE_DELETED, "/gone"),
            now(NODE_CHILDREN_CHANGED, "/newkids")),
        events,
        "ZooKeeper sends one event per listed path, so /gone twice");
  }
}
