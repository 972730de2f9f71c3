package io.paddock.client.internal;

import io.paddock.client.Watcher;
import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client's armed watches, keyed by client path, and the event fan-out of ZooKeeper 3.9.3's
 * {@code ZKWatchManager.materialize} (PROTOCOL.md §8.3):
 *
 * <ul>
 *   <li>NodeCreated, NodeDataChanged: data and exist watches on the path (removed), persistent
 *       watches on the path, recursive watches on the path or an ancestor;
 *   <li>NodeChildrenChanged: child watches on the path (removed), persistent watches on the path
 *       (never recursive ones);
 *   <li>NodeDeleted: data, exist and child watches (removed), persistent and recursive as for
 *       NodeCreated.
 * </ul>
 *
 * A watcher is called at most once per event however many of its watches match. Iteration order is
 * registration order, so delivery is deterministic. Not thread-safe: the client uses it on its I/O
 * thread only.
 */
public final class WatchManager {
  private final EnumMap<WatchKind, Map<String, Set<Watcher>>> tables =
      new EnumMap<>(WatchKind.class);

  /** An empty manager. */
  public WatchManager() {
    for (WatchKind kind : WatchKind.values()) {
      tables.put(kind, new LinkedHashMap<>());
    }
  }

  /** Arms a watch. */
  public void add(WatchKind kind, String path, Watcher watcher) {
    tables.get(kind).computeIfAbsent(path, p -> new LinkedHashSet<>()).add(watcher);
  }

  /** The watchers an event reaches; one-shot watches it fires are removed. */
  public Set<Watcher> materialize(EventType type, String path) {
    Set<Watcher> result = new LinkedHashSet<>();
    switch (type) {
      case NODE_CREATED, NODE_DATA_CHANGED -> {
        addAll(result, tables.get(WatchKind.DATA).remove(path));
        addAll(result, tables.get(WatchKind.EXIST).remove(path));
        addPersistent(result, type, path);
      }
      case NODE_CHILDREN_CHANGED -> {
        addAll(result, tables.get(WatchKind.CHILD).remove(path));
        addPersistent(result, type, path);
      }
      case NODE_DELETED -> {
        addAll(result, tables.get(WatchKind.DATA).remove(path));
        addAll(result, tables.get(WatchKind.EXIST).remove(path));
        addAll(result, tables.get(WatchKind.CHILD).remove(path));
        addPersistent(result, type, path);
      }
      default -> throw new IllegalArgumentException("not a node event: " + type);
    }
    return result;
  }

  private void addPersistent(Set<Watcher> result, EventType type, String path) {
    addAll(result, tables.get(WatchKind.PERSISTENT).get(path));
    if (type == EventType.NODE_CHILDREN_CHANGED) {
      return; // recursive watches never see child events, even when the server sends them
    }
    Map<String, Set<Watcher>> recursive = tables.get(WatchKind.PERSISTENT_RECURSIVE);
    if (recursive.isEmpty()) {
      return;
    }
    String p = path;
    while (true) {
      addAll(result, recursive.get(p));
      if (ZnodePaths.ROOT.equals(p) || p.indexOf('/') < 0) {
        return;
      }
      p = ZnodePaths.parent(p);
    }
  }

  private static void addAll(Set<Watcher> to, Set<Watcher> from) {
    if (from != null) {
      to.addAll(from);
    }
  }

  /** Every distinct watcher of every armed watch (for connection-state events). */
  public Set<Watcher> all() {
    Set<Watcher> result = new LinkedHashSet<>();
    for (Map<String, Set<Watcher>> table : tables.values()) {
      table.values().forEach(result::addAll);
    }
    return result;
  }

  /** The paths with a watch of a kind, in registration order. */
  public List<String> paths(WatchKind kind) {
    return new ArrayList<>(tables.get(kind).keySet());
  }

  /** True when no watch is armed. */
  public boolean isEmpty() {
    return tables.values().stream().allMatch(Map::isEmpty);
  }

  /** Disarms everything. */
  public void clear() {
    tables.values().forEach(Map::clear);
  }

  /** True when the path holds a watch of the type (by this watcher, or by any when null). */
  public boolean contains(String path, Watcher watcher, WatcherType type) {
    for (WatchKind kind : kindsOf(type)) {
      Set<Watcher> set = tables.get(kind).get(path);
      if (set != null && (watcher == null ? !set.isEmpty() : set.contains(watcher))) {
        return true;
      }
    }
    return false;
  }

  /** True when removing this watcher would leave no watch of the type on the path. */
  public boolean isLastOfType(String path, Watcher watcher, WatcherType type) {
    for (WatchKind kind : kindsOf(type)) {
      Set<Watcher> set = tables.get(kind).get(path);
      if (set != null && !(set.size() == 1 && set.contains(watcher))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes the watches of a type on a path: this watcher's, or everyone's when null.
   *
   * @return the removed watchers by the removal event each gets; empty when nothing was removed
   */
  public Map<EventType, Set<Watcher>> remove(String path, Watcher watcher, WatcherType type) {
    Map<EventType, Set<Watcher>> removed = new LinkedHashMap<>();
    for (WatchKind kind : kindsOf(type)) {
      Map<String, Set<Watcher>> table = tables.get(kind);
      Set<Watcher> set = table.get(path);
      if (set == null) {
        continue;
      }
      Set<Watcher> gone = new LinkedHashSet<>();
      if (watcher == null) {
        gone.addAll(set);
        set.clear();
      } else if (set.remove(watcher)) {
        gone.add(watcher);
      }
      if (set.isEmpty()) {
        table.remove(path);
      }
      if (!gone.isEmpty()) {
        removed.computeIfAbsent(removalEvent(kind), e -> new LinkedHashSet<>()).addAll(gone);
      }
    }
    return removed;
  }

  private static EventType removalEvent(WatchKind kind) {
    return switch (kind) {
      case DATA, EXIST -> EventType.DATA_WATCH_REMOVED;
      case CHILD -> EventType.CHILD_WATCH_REMOVED;
      case PERSISTENT, PERSISTENT_RECURSIVE -> EventType.PERSISTENT_WATCH_REMOVED;
    };
  }

  private static final Map<WatcherType, List<WatchKind>> KINDS = kindsByType();

  private static Map<WatcherType, List<WatchKind>> kindsByType() {
    Map<WatcherType, List<WatchKind>> map = new HashMap<>();
    map.put(WatcherType.CHILDREN, List.of(WatchKind.CHILD));
    map.put(WatcherType.DATA, List.of(WatchKind.DATA, WatchKind.EXIST));
    map.put(WatcherType.PERSISTENT, List.of(WatchKind.PERSISTENT));
    map.put(WatcherType.PERSISTENT_RECURSIVE, List.of(WatchKind.PERSISTENT_RECURSIVE));
    map.put(WatcherType.ANY, List.of(WatchKind.values()));
    return Map.copyOf(map);
  }

  /** The kinds a WatcherType of checkWatches / removeWatches covers. */
  public static List<WatchKind> kindsOf(WatcherType type) {
    return KINDS.get(type);
  }
}
