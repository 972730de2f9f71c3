package io.paddock.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.Watcher;
import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fan-out table of ZKWatchManager.materialize (PROTOCOL.md §8.3), one row at a time. */
class WatchManagerTest {
  private final WatchManager watches = new WatchManager();
  private final Watcher data = e -> {};
  private final Watcher exist = e -> {};
  private final Watcher child = e -> {};
  private final Watcher persistent = e -> {};
  private final Watcher recursive = e -> {};

  private void armAll(String path) {
    watches.add(WatchKind.DATA, path, data);
    watches.add(WatchKind.EXIST, path, exist);
    watches.add(WatchKind.CHILD, path, child);
    watches.add(WatchKind.PERSISTENT, path, persistent);
    watches.add(WatchKind.PERSISTENT_RECURSIVE, path, recursive);
  }

  @Test
  void createdAndDataChangedReachDataExistPersistentAndRecursive() {
    for (EventType type : List.of(EventType.NODE_CREATED, EventType.NODE_DATA_CHANGED)) {
      watches.clear();
      armAll("/a");
      assertEquals(Set.of(data, exist, persistent, recursive), watches.materialize(type, "/a"));
      assertEquals(
          Set.of(persistent, recursive),
          watches.materialize(type, "/a"),
          "one-shot watches fire once");
      assertEquals(List.of("/a"), watches.paths(WatchKind.CHILD), "child watch untouched");
    }
  }

  @Test
  void childrenChangedReachChildAndPersistentButNeverRecursive() {
    armAll("/a");
    assertEquals(
        Set.of(child, persistent), watches.materialize(EventType.NODE_CHILDREN_CHANGED, "/a"));
    assertEquals(Set.of(persistent), watches.materialize(EventType.NODE_CHILDREN_CHANGED, "/a"));
    assertEquals(List.of("/a"), watches.paths(WatchKind.DATA));
  }

  @Test
  void deletedReachesEverything() {
    armAll("/a");
    assertEquals(
        Set.of(data, exist, child, persistent, recursive),
        watches.materialize(EventType.NODE_DELETED, "/a"));
    assertEquals(Set.of(persistent, recursive), watches.all());
  }

  @Test
  void recursiveWatchesSeeDescendantsPersistentOnlyTheirPath() {
    watches.add(WatchKind.PERSISTENT_RECURSIVE, "/", recursive);
    watches.add(WatchKind.PERSISTENT, "/a", persistent);
    watches.add(WatchKind.DATA, "/a", data);
    assertEquals(Set.of(recursive), watches.materialize(EventType.NODE_CREATED, "/a/b/c"));
    assertEquals(Set.of(recursive), watches.materialize(EventType.NODE_DELETED, "/a/b"));
    assertEquals(Set.of(), watches.materialize(EventType.NODE_CHILDREN_CHANGED, "/a/b"));
    assertEquals(
        Set.of(data, persistent, recursive),
        watches.materialize(EventType.NODE_DATA_CHANGED, "/a"));
    Watcher underA = e -> {};
    watches.add(WatchKind.PERSISTENT_RECURSIVE, "/a", underA);
    assertEquals(
        Set.of(recursive),
        watches.materialize(EventType.NODE_DATA_CHANGED, "/ab"),
        "/ab is not below /a");
    assertEquals(
        Set.of(recursive, underA), watches.materialize(EventType.NODE_DATA_CHANGED, "/a/x"));
  }

  @Test
  void aWatcherIsCalledOncePerEventWhateverItHolds() {
    watches.add(WatchKind.DATA, "/a", data);
    watches.add(WatchKind.CHILD, "/a", data);
    watches.add(WatchKind.PERSISTENT_RECURSIVE, "/", data);
    assertEquals(1, watches.materialize(EventType.NODE_DELETED, "/a").size());
  }

  @Test
  void removalByTypeAndWatcher() {
    armAll("/a");
    Watcher other = e -> {};
    watches.add(WatchKind.DATA, "/a", other);
    assertTrue(watches.contains("/a", data, WatcherType.DATA));
    assertTrue(watches.contains("/a", exist, WatcherType.DATA));
    assertFalse(watches.contains("/a", child, WatcherType.DATA));
    assertFalse(watches.isLastOfType("/a", data, WatcherType.DATA));
    Map<EventType, Set<Watcher>> removed = watches.remove("/a", data, WatcherType.DATA);
    assertEquals(Map.of(EventType.DATA_WATCH_REMOVED, Set.of(data)), removed);
    assertTrue(watches.isLastOfType("/a", child, WatcherType.CHILDREN));
    removed = watches.remove("/a", null, WatcherType.ANY);
    assertEquals(Set.of(exist, other), removed.get(EventType.DATA_WATCH_REMOVED));
    assertEquals(Set.of(child), removed.get(EventType.CHILD_WATCH_REMOVED));
    assertEquals(Set.of(persistent, recursive), removed.get(EventType.PERSISTENT_WATCH_REMOVED));
    assertTrue(watches.isEmpty());
    assertTrue(watches.remove("/a", null, WatcherType.ANY).isEmpty());
    assertFalse(watches.contains("/a", null, WatcherType.ANY));
  }
}
