package io.paddock.store.watch;

import static io.paddock.store.model.EventType.NODE_CHILDREN_CHANGED;
import static io.paddock.store.model.EventType.NODE_CREATED;
import static io.paddock.store.model.EventType.NODE_DATA_CHANGED;
import static io.paddock.store.model.EventType.NODE_DELETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link WatchRegistry}: the rows of PROTOCOL 8.3 and 8.6, dedup, one-shots. */
class WatchRegistryTest {
  /** A connection stand-in with identity equality, like the server's. */
  static final class Conn {
    private final String name;

    Conn(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final WatchRegistry<Conn> registry = new WatchRegistry<>();
  private final Conn a = new Conn("a");
  private final Conn b = new Conn("b");
  private final Conn c = new Conn("c");

  @AfterEach
  void indexesStayConsistent() {
    registry.checkInvariants();
  }

  static WatchEvent ev(EventType type, String path) {
    return new WatchEvent(type, path, 7);
  }

  /** Fires the events in order and renders each delivery as "watcher TYPE path". */
  private List<String> fire(WatchEvent... events) {
    List<String> told = new ArrayList<>();
    for (WatchEvent e : events) {
      for (WatchDelivery<Conn> d : registry.trigger(e)) {
        assertSame(e, d.event(), "a delivery carries the event it was fired for");
        told.add(d.watcher() + " " + e.type() + " " + e.path());
      }
    }
    return told;
  }

  // ---- PROTOCOL 8.3, row by row ----

  @Test
  void createFiresNodeCreatedOnDataTableThenChildrenChangedOnParent() {
    registry.addDataWatch("/p/x", a); // exists on a missing node
    registry.addChildWatch("/p", b);
    registry.addChildWatch("/p/x", c); // child table on P itself: not consulted by NodeCreated
    assertEquals(
        List.of("a NODE_CREATED /p/x", "b NODE_CHILDREN_CHANGED /p"),
        fire(ev(NODE_CREATED, "/p/x"), ev(NODE_CHILDREN_CHANGED, "/p")));
    assertTrue(registry.hasWatch("/p/x", WatcherType.CHILDREN, c), "c's child watch untouched");
  }

  @Test
  void createUnderRootReportsParentAsRoot() {
    registry.addChildWatch("/", a);
    assertEquals(
        List.of("a NODE_CHILDREN_CHANGED /"),
        fire(ev(NODE_CREATED, "/x"), ev(NODE_CHILDREN_CHANGED, "/")));
  }

  @Test
  void deleteTellsDataAndChildWatchersOnceEachThenParent() {
    registry.addDataWatch("/p/x", a);
    registry.addChildWatch("/p/x", b);
    registry.addDataWatch("/p/x", c);
    registry.addChildWatch("/p/x", c);
    registry.addChildWatch("/p", a);
    assertEquals(
        List.of("a NODE_DELETED /p/x", "b NODE_DELETED /p/x", "c NODE_DELETED /p/x"),
        fire(ev(NODE_DELETED, "/p/x")));
    assertEquals(List.of("a NODE_CHILDREN_CHANGED /p"), fire(ev(NODE_CHILDREN_CHANGED, "/p")));
  }

  @Test
  void deleteUsesUpTheSuppressedChildWatchToo() {
    // ZooKeeper removes the child-table entry even for a watcher the data table already told.
    registry.addDataWatch("/x", a);
    registry.addChildWatch("/x", a);
    assertEquals(List.of("a NODE_DELETED /x"), fire(ev(NODE_DELETED, "/x")));
    assertFalse(registry.hasWatch("/x", WatcherType.ANY, a), "both standard watches used up");
    assertEquals(0, registry.watchCount());
  }

  @Test
  void setDataFiresDataTableOnlyAndLeavesChildWatches() {
    registry.addDataWatch("/x", a);
    registry.addChildWatch("/x", b);
    registry.addDataWatch("/x", c);
    registry.addChildWatch("/x", c);
    assertEquals(
        List.of("a NODE_DATA_CHANGED /x", "c NODE_DATA_CHANGED /x"),
        fire(ev(NODE_DATA_CHANGED, "/x")));
    assertTrue(registry.hasWatch("/x", WatcherType.CHILDREN, b));
    assertTrue(registry.hasWatch("/x", WatcherType.CHILDREN, c), "c's child watch is not used up");
    assertFalse(registry.hasWatch("/x", WatcherType.DATA, a), "standard data watch is one-shot");
    assertFalse(registry.hasWatch("/x", WatcherType.DATA, c));
  }

  @Test
  void childrenChangedConsultsChildTableOnly() {
    registry.addDataWatch("/x", a);
    registry.addChildWatch("/x", b);
    registry.addChildWatch("/x", a);
    assertEquals(
        List.of("a NODE_CHILDREN_CHANGED /x", "b NODE_CHILDREN_CHANGED /x"),
        fire(ev(NODE_CHILDREN_CHANGED, "/x")));
    assertTrue(registry.hasWatch("/x", WatcherType.DATA, a), "a's data watch is not used up");
  }

  @Test
  void standardWatchesAreOneShot() {
    registry.addDataWatch("/x", a);
    registry.addChildWatch("/x", b);
    assertEquals(2, registry.watchCount());
    assertEquals(List.of("a NODE_DATA_CHANGED /x"), fire(ev(NODE_DATA_CHANGED, "/x")));
    assertEquals(List.of(), fire(ev(NODE_DATA_CHANGED, "/x")), "second change: nobody");
    assertEquals(List.of("b NODE_CHILDREN_CHANGED /x"), fire(ev(NODE_CHILDREN_CHANGED, "/x")));
    assertEquals(List.of(), fire(ev(NODE_CHILDREN_CHANGED, "/x")));
    assertEquals(0, registry.watchCount());
  }

  @Test
  void persistentWatchSeesEveryEventOnItsPathIncludingChildrenChangedAndStays() {
    registry.addPersistentWatch("/p", a);
    assertEquals(
        List.of(
            "a NODE_CREATED /p",
            "a NODE_DATA_CHANGED /p",
            "a NODE_CHILDREN_CHANGED /p",
            "a NODE_DELETED /p",
            "a NODE_CREATED /p"),
        fire(
            ev(NODE_CREATED, "/p"),
            ev(NODE_DATA_CHANGED, "/p"),
            ev(NODE_CREATED, "/p/c"),
            ev(NODE_CHILDREN_CHANGED, "/p"),
            ev(NODE_DATA_CHANGED, "/p/c"),
            ev(NODE_DELETED, "/p"),
            ev(NODE_CREATED, "/p")));
    assertTrue(registry.hasWatch("/p", WatcherType.PERSISTENT, a));
    assertEquals(2, registry.watchCount(), "one entry in each table");
  }

  @Test
  void recursiveWatchSeesDescendantsButNeverChildrenChanged() {
    registry.addPersistentRecursiveWatch("/a", a);
    assertEquals(
        List.of(
            "a NODE_CREATED /a",
            "a NODE_CREATED /a/b",
            "a NODE_CREATED /a/b/c",
            "a NODE_DATA_CHANGED /a/b/c",
            "a NODE_DELETED /a/b/c",
            "a NODE_DATA_CHANGED /a"),
        fire(
            ev(NODE_CREATED, "/a"),
            ev(NODE_CHILDREN_CHANGED, "/"),
            ev(NODE_CREATED, "/a/b"),
            ev(NODE_CHILDREN_CHANGED, "/a"),
            ev(NODE_CREATED, "/a/b/c"),
            ev(NODE_CHILDREN_CHANGED, "/a/b"),
            ev(NODE_DATA_CHANGED, "/a/b/c"),
            ev(NODE_DELETED, "/a/b/c"),
            ev(NODE_CHILDREN_CHANGED, "/a/b"),
            ev(NODE_DATA_CHANGED, "/a"),
            ev(NODE_CREATED, "/ab"), // a sibling sharing the prefix is not a descendant
            ev(NODE_DATA_CHANGED, "/")));
    assertTrue(registry.hasWatch("/a", WatcherType.PERSISTENT_RECURSIVE, a));
    assertEquals(1, registry.watchCount(), "data table only");
  }

  @Test
  void recursiveWatchOnRootSeesEverything() {
    registry.addPersistentRecursiveWatch("/", a);
    assertEquals(
        List.of("a NODE_DATA_CHANGED /", "a NODE_CREATED /x/y"),
        fire(ev(NODE_DATA_CHANGED, "/"), ev(NODE_CREATED, "/x/y"), ev(NODE_CHILDREN_CHANGED, "/")));
  }

  @Test
  void oneTriggerTellsEachWatcherOnceWhateverItHolds() {
    registry.addDataWatch("/p/x", a);
    registry.addChildWatch("/p/x", a);
    registry.addPersistentWatch("/p/x", a);
    registry.addPersistentRecursiveWatch("/p/x", a);
    registry.addPersistentRecursiveWatch("/p", a);
    registry.addPersistentRecursiveWatch("/", a);
    registry.addPersistentRecursiveWatch("/", b);
    registry.addPersistentRecursiveWatch("/p", b);
    assertEquals(
        List.of("a NODE_DELETED /p/x", "b NODE_DELETED /p/x"), fire(ev(NODE_DELETED, "/p/x")));
    assertFalse(registry.hasWatch("/p/x", WatcherType.DATA, a));
    assertFalse(registry.hasWatch("/p/x", WatcherType.CHILDREN, a));
    assertTrue(registry.hasWatch("/p/x", WatcherType.PERSISTENT, a));
    assertTrue(registry.hasWatch("/p/x", WatcherType.PERSISTENT_RECURSIVE, a));
  }

  @Test
  void standardAndPersistentOnOnePathKeepBothMeanings() {
    assertTrue(registry.addDataWatch("/x", a));
    assertTrue(registry.addPersistentWatch("/x", a));
    assertFalse(registry.addPersistentWatch("/x", a), "a pair holds one watch of each kind");
    assertFalse(registry.addDataWatch("/x", a));
    assertEquals(2, registry.watchCount(), "still one entry per table");
    assertEquals(List.of("a NODE_DATA_CHANGED /x"), fire(ev(NODE_DATA_CHANGED, "/x")));
    assertFalse(registry.removeWatches("/x", WatcherType.DATA, a), "standard mode was used up");
    assertTrue(registry.hasWatch("/x", WatcherType.PERSISTENT, a));
    assertTrue(registry.addDataWatch("/x", a), "a new getData watch is a new standard mode");
    assertTrue(registry.removeWatches("/x", WatcherType.PERSISTENT, a));
    assertTrue(registry.hasWatch("/x", WatcherType.DATA, a), "removing persistent keeps standard");
  }

  @Test
  void recursiveAndStandardOnOnePath() {
    registry.addPersistentRecursiveWatch("/x", a);
    registry.addDataWatch("/x", a);
    assertEquals(List.of("a NODE_DATA_CHANGED /x"), fire(ev(NODE_DATA_CHANGED, "/x")));
    assertFalse(registry.hasWatch("/x", WatcherType.DATA, a));
    assertEquals(List.of("a NODE_DATA_CHANGED /x"), fire(ev(NODE_DATA_CHANGED, "/x")));
  }

  @Test
  void deliveriesFollowRegistrationOrderThenNearestAncestor() {
    registry.addPersistentRecursiveWatch("/", c);
    registry.addPersistentRecursiveWatch("/a", b);
    registry.addDataWatch("/a/b", b);
    registry.addDataWatch("/a/b", a);
    registry.addPersistentRecursiveWatch("/a", a);
    assertEquals(
        List.of("b NODE_DATA_CHANGED /a/b", "a NODE_DATA_CHANGED /a/b", "c NODE_DATA_CHANGED /a/b"),
        fire(ev(NODE_DATA_CHANGED, "/a/b")));
  }

  // ---- PROTOCOL 8.6 ----

  @Test
  void removeWatchesByTypeAnswersNoWatcherWhenNothingMatches() {
    registry.addDataWatch("/x", a);
    registry.addChildWatch("/x", a);
    registry.addPersistentWatch("/x", a);
    registry.addPersistentRecursiveWatch("/x", a);
    assertFalse(registry.removeWatches("/y", WatcherType.ANY, a), "other path");
    assertFalse(registry.removeWatches("/x", WatcherType.ANY, b), "other watcher");

    assertTrue(registry.removeWatches("/x", WatcherType.CHILDREN, a));
    assertFalse(registry.removeWatches("/x", WatcherType.CHILDREN, a), "already gone: NOWATCHER");
    assertTrue(registry.hasWatch("/x", WatcherType.DATA, a), "data watch untouched");

    assertTrue(registry.removeWatches("/x", WatcherType.DATA, a));
    assertFalse(registry.removeWatches("/x", WatcherType.DATA, a));
    assertTrue(registry.hasWatch("/x", WatcherType.PERSISTENT, a));

    assertTrue(registry.removeWatches("/x", WatcherType.PERSISTENT, a));
    assertFalse(registry.removeWatches("/x", WatcherType.PERSISTENT, a));
    assertEquals(1, registry.watchCount(), "persistent left both tables; recursive stays");

    assertTrue(registry.removeWatches("/x", WatcherType.PERSISTENT_RECURSIVE, a));
    assertFalse(registry.removeWatches("/x", WatcherType.PERSISTENT_RECURSIVE, a));
    assertEquals(0, registry.watchCount());
    assertEquals(List.of(), fire(ev(NODE_CREATED, "/x/y")), "the recursive walk is gone too");
  }

  @Test
  void removeWatchesAnyRemovesEverythingOnThePathOnly() {
    registry.addDataWatch("/x", a);
    registry.addChildWatch("/x", a);
    registry.addPersistentRecursiveWatch("/x", a);
    registry.addDataWatch("/y", a);
    registry.addDataWatch("/x", b);
    assertTrue(registry.removeWatches("/x", WatcherType.ANY, a));
    assertFalse(registry.hasWatch("/x", WatcherType.ANY, a));
    assertFalse(registry.removeWatches("/x", WatcherType.ANY, a));
    assertTrue(registry.hasWatch("/y", WatcherType.DATA, a));
    assertTrue(registry.hasWatch("/x", WatcherType.DATA, b));
  }

  @Test
  void hasWatchMatchesEachTypeAndHasNoSideEffect() {
    registry.addChildWatch("/c", a);
    registry.addDataWatch("/d", a);
    registry.addPersistentWatch("/p", a);
    registry.addPersistentRecursiveWatch("/r", a);
    String[] paths = {"/c", "/d", "/p", "/r"};
    WatcherType[] types = {
      WatcherType.CHILDREN,
      WatcherType.DATA,
      WatcherType.PERSISTENT,
      WatcherType.PERSISTENT_RECURSIVE
    };
    for (int i = 0; i < paths.length; i++) {
      for (int j = 0; j < types.length; j++) {
        assertEquals(i == j, registry.hasWatch(paths[i], types[j], a), paths[i] + " " + types[j]);
      }
      assertTrue(registry.hasWatch(paths[i], WatcherType.ANY, a), paths[i] + " ANY");
      assertFalse(registry.hasWatch(paths[i], WatcherType.ANY, b), "b holds nothing");
    }
    assertEquals(List.of("a NODE_DATA_CHANGED /d"), fire(ev(NODE_DATA_CHANGED, "/d")));
  }

  @Test
  void removeWatcherDropsAllItsWatchesAndNobodyElses() {
    registry.addDataWatch("/x", a);
    registry.addChildWatch("/y", a);
    registry.addPersistentWatch("/z", a);
    registry.addPersistentRecursiveWatch("/", a);
    registry.addDataWatch("/x", b);
    registry.removeWatcher(a);
    registry.removeWatcher(a); // twice is harmless
    registry.removeWatcher(c); // never watched
    assertEquals(1, registry.watchCount());
    assertEquals(Map.of(b, Set.of("/x")), registry.pathsByWatcher());
    assertEquals(
        List.of("b NODE_DELETED /x"),
        fire(ev(NODE_DELETED, "/x"), ev(NODE_DELETED, "/y"), ev(NODE_DATA_CHANGED, "/z")));
  }

  // ---- hot path and argument checks ----

  @Test
  void nobodyToldReturnsTheSharedEmptyList() {
    List<WatchDelivery<Conn>> first = registry.trigger(ev(NODE_CREATED, "/x"));
    registry.addChildWatch("/x", a); // watched, but not in the consulted table
    List<WatchDelivery<Conn>> second = registry.trigger(ev(NODE_CREATED, "/x"));
    assertTrue(first.isEmpty());
    assertSame(first, second);
    assertThrows(UnsupportedOperationException.class, () -> first.add(null));
  }

  @Test
  void triggerRefusesClientLocalEventsAndRelativePaths() {
    for (EventType t : List.of(EventType.NONE, EventType.DATA_WATCH_REMOVED)) {
      assertThrows(IllegalArgumentException.class, () -> registry.trigger(ev(t, "/x")), t.name());
    }
    assertThrows(IllegalArgumentException.class, () -> registry.trigger(ev(NODE_CREATED, "x")));
    assertThrows(NullPointerException.class, () -> registry.addDataWatch(null, a));
    assertThrows(NullPointerException.class, () -> registry.addDataWatch("/x", null));
  }

  // ---- introspection ----

  @Test
  void introspectionReportsTheDataTableLikeZooKeepersFourLetterWords() {
    registry.addDataWatch("/x", a);
    registry.addPersistentWatch("/p", a);
    registry.addChildWatch("/c", b); // child table only: invisible to wchp/wchc/wchs
    registry.addPersistentRecursiveWatch("/x", b);
    assertEquals(5, registry.watchCount(), "zk_watch_count: 3 data-table + 2 child-table entries");
    assertEquals(3, registry.dataWatchCount());
    assertEquals(2, registry.watchedPathCount());
    assertEquals(2, registry.watcherCount());
    Map<String, Set<Conn>> byPath = registry.watchersByPath();
    assertEquals(Map.of("/x", Set.of(a, b), "/p", Set.of(a)), byPath);
    assertEquals(Map.of(a, Set.of("/x", "/p"), b, Set.of("/x")), registry.pathsByWatcher());
    byPath.clear();
    registry.pathsByWatcher().get(a).clear();
    assertEquals(2, registry.watchedPathCount(), "the maps are copies");
    assertEquals(2, registry.watcherCount());
  }
}
