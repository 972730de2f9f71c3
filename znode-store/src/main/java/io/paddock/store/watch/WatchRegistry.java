package io.paddock.store.watch;

import static io.paddock.store.watch.WatchModes.CHILD_STANDARD;
import static io.paddock.store.watch.WatchModes.DATA_RECURSIVE;
import static io.paddock.store.watch.WatchModes.DATA_STANDARD;
import static io.paddock.store.watch.WatchModes.DATA_TABLE;
import static io.paddock.store.watch.WatchModes.PERSISTENT;

import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The server's watch tables: who watches which path, and who is told when a change happens.
 *
 * <p><b>Model</b> (ZooKeeper 3.9.x {@code WatchManager} with {@code WatchStats}, ZOOKEEPER-4466,
 * plus the watch logic of {@code DataTree}). There are two tables, data and child. In each table a
 * (path, watcher) pair holds a <em>set</em> of modes: STANDARD and PERSISTENT in both tables,
 * PERSISTENT_RECURSIVE in the data table only. Adding a mode never replaces another (3.9 changed
 * this: in 3.6–3.8 a pair had one mode and the last addWatch won). So a getData watch plus a
 * persistent watch on the same path are both kept; an event on the path is sent once, the standard
 * mode is used up and the persistent one stays.
 *
 * <ul>
 *   <li>{@link #addDataWatch}: STANDARD in the data table (getData, exists; exists also on a
 *       missing node).
 *   <li>{@link #addChildWatch}: STANDARD in the child table (getChildren, getChildren2).
 *   <li>{@link #addPersistentWatch}: PERSISTENT in the data and child tables (addWatch mode 0).
 *   <li>{@link #addPersistentRecursiveWatch}: PERSISTENT_RECURSIVE in the data table (mode 1).
 * </ul>
 *
 * <p><b>Firing</b> (PROTOCOL 8.3). NODE_CREATED and NODE_DATA_CHANGED consult the data table,
 * NODE_CHILDREN_CHANGED the child table, NODE_DELETED the data table and then the child table
 * without telling anyone twice. Every watcher with a mode in the consulted table at the exact path
 * is told, and its STANDARD mode there is removed. Watchers with PERSISTENT_RECURSIVE on a proper
 * ancestor are told of data-table events too; they never see NODE_CHILDREN_CHANGED. One trigger
 * tells each watcher at most once. Deliveries come in a fixed order for a given history: watchers
 * at the exact path in the order they registered there, then recursive watchers from the nearest
 * ancestor up to the root.
 *
 * <p><b>Threading.</b> Pure and single-threaded: no locks, no threads, no clocks. The server calls
 * every method from its apply thread, so registrations and triggers are ordered with the txns. The
 * READ-ACL filter of PROTOCOL 8.1 is the caller's, at send time. Watchers are map keys compared
 * with {@code equals}/{@code hashCode}; the server's connection objects keep Object's identity
 * semantics.
 *
 * @param <W> the watcher type: opaque, the server's connection object
 */
public final class WatchRegistry<W> {
  private final WatchTables<W> tables = new WatchTables<>();

  /** An empty registry. */
  public WatchRegistry() {}

  /**
   * Adds a standard data watch (getData or exists with watch=true).
   *
   * @return true when the pair did not hold a standard data watch yet
   */
  public boolean addDataWatch(String path, W watcher) {
    return addModes(path, watcher, DATA_STANDARD);
  }

  /**
   * Adds a standard child watch (getChildren or getChildren2 with watch=true).
   *
   * @return true when the pair did not hold a standard child watch yet
   */
  public boolean addChildWatch(String path, W watcher) {
    return addModes(path, watcher, CHILD_STANDARD);
  }

  /**
   * Adds a persistent watch to the data and the child table (addWatch mode 0). The node need not
   * exist.
   *
   * @return true when the pair did not hold a persistent watch yet
   */
  public boolean addPersistentWatch(String path, W watcher) {
    return addModes(path, watcher, PERSISTENT);
  }

  /**
   * Adds a persistent recursive watch to the data table (addWatch mode 1). The node need not exist.
   *
   * @return true when the pair did not hold a recursive watch yet
   */
  public boolean addPersistentRecursiveWatch(String path, W watcher) {
    return addModes(path, watcher, DATA_RECURSIVE);
  }

  private boolean addModes(String path, W watcher, int add) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(watcher, "watcher");
    return tables.setModes(path, watcher, tables.modes(path, watcher) | add);
  }

  /**
   * Decides who is told of one event and uses up the standard watches that fire. Call once per
   * event, in the order the DataTree returned them.
   *
   * @param event NODE_CREATED, NODE_DELETED, NODE_DATA_CHANGED or NODE_CHILDREN_CHANGED on a path
   *     that starts with '/'
   * @return the deliveries, at most one per watcher; a shared immutable empty list when nobody is
   *     told (nothing is allocated when nobody watches the path and no recursive watch exists)
   * @throws IllegalArgumentException for any other event type or a relative path
   */
  public List<WatchDelivery<W>> trigger(WatchEvent event) {
    int consulted = WatchModes.tablesFor(event.type());
    if (!event.path().startsWith("/")) {
      throw new IllegalArgumentException("watch event on a relative path: " + event);
    }
    return tables.fire(event, consulted);
  }

  /**
   * Removes watches of one type from a pair (removeWatches, op 18; PROTOCOL 8.6): CHILDREN the
   * standard child watch, DATA the standard data (or exist) watch, PERSISTENT the persistent watch
   * in both tables, PERSISTENT_RECURSIVE the recursive watch, ANY everything the pair holds.
   *
   * @return false when there was nothing of that type (the server answers NOWATCHER)
   */
  public boolean removeWatches(String path, WatcherType type, W watcher) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(watcher, "watcher");
    int modes = tables.modes(path, watcher);
    return tables.setModes(path, watcher, modes & ~WatchModes.forType(type));
  }

  /**
   * True when the pair holds a watch of that type (checkWatches, op 17). No side effect.
   *
   * @return false when the server should answer NOWATCHER
   */
  public boolean hasWatch(String path, WatcherType type, W watcher) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(watcher, "watcher");
    return (tables.modes(path, watcher) & WatchModes.forType(type)) != 0;
  }

  /** Drops every watch of a watcher whose connection went away; costs O(its watches). */
  public void removeWatcher(W watcher) {
    Objects.requireNonNull(watcher, "watcher");
    tables.removeWatcher(watcher);
  }

  /**
   * Re-registers a reconnecting client's watches (setWatches op 101, setWatches2 op 105; PROTOCOL
   * 8.5). Each data, exist and child path is checked against {@code tree}: a change the client
   * missed becomes an event to send now, otherwise the watch is added. Persistent and recursive
   * watches are always added. A null list counts as empty (SetWatches has no persistent lists).
   * Like ZooKeeper, a path listed twice may yield two events.
   *
   * @param relativeZxid the last zxid the client saw
   * @return the events to send before the reply, with zxid −1, in list order data, exist, child
   */
  public List<WatchEvent> setWatches(
      long relativeZxid,
      List<String> dataWatches,
      List<String> existWatches,
      List<String> childWatches,
      List<String> persistentWatches,
      List<String> persistentRecursiveWatches,
      W watcher,
      NodeZxids tree) {
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(tree, "tree");
    List<WatchEvent> now = new ArrayList<>();
    for (String path : orEmpty(dataWatches)) {
      if (!tree.exists(path)) {
        now.add(new WatchEvent(EventType.NODE_DELETED, path, -1));
      } else if (tree.mzxid(path) > relativeZxid) {
        now.add(new WatchEvent(EventType.NODE_DATA_CHANGED, path, -1));
      } else {
        addDataWatch(path, watcher);
      }
    }
    for (String path : orEmpty(existWatches)) {
      if (tree.exists(path)) {
        now.add(new WatchEvent(EventType.NODE_CREATED, path, -1));
      } else {
        addDataWatch(path, watcher);
      }
    }
    for (String path : orEmpty(childWatches)) {
      if (!tree.exists(path)) {
        now.add(new WatchEvent(EventType.NODE_DELETED, path, -1));
      } else if (tree.pzxid(path) > relativeZxid) {
        now.add(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, path, -1));
      } else {
        addChildWatch(path, watcher);
      }
    }
    orEmpty(persistentWatches).forEach(path -> addPersistentWatch(path, watcher));
    orEmpty(persistentRecursiveWatches).forEach(path -> addPersistentRecursiveWatch(path, watcher));
    return now;
  }

  private static List<String> orEmpty(List<String> paths) {
    return paths == null ? List.of() : paths;
  }

  /**
   * Total watches in both tables, ZooKeeper's {@code zk_watch_count}: one per (table, path,
   * watcher) holding any mode, so a persistent watch counts twice (data and child table).
   */
  public int watchCount() {
    return tables.dataWatches() + tables.childWatches();
  }

  /** Watches in the data table: the {@code Total watches} line of wchs. */
  public int dataWatchCount() {
    return tables.dataWatches();
  }

  /**
   * Paths with a data-table watch: the {@code M paths} of wchs. Like ZooKeeper's wchs, wchp and
   * wchc, this and the next three report the data table only, so child-only watches do not show.
   */
  public int watchedPathCount() {
    return watchersByPath().size();
  }

  /** Watchers with a data-table watch: the {@code N connections} of wchs. */
  public int watcherCount() {
    return pathsByWatcher().size();
  }

  /** A copy of the data table by path, for wchp. */
  public Map<String, Set<W>> watchersByPath() {
    return tables.watchersByPath(DATA_TABLE);
  }

  /** A copy of the data table by watcher, for wchc. */
  public Map<W, Set<String>> pathsByWatcher() {
    return tables.pathsByWatcher(DATA_TABLE);
  }

  /** Recounts everything and throws IllegalStateException on a broken invariant; for tests. */
  void checkInvariants() {
    tables.checkInvariants();
  }

  /** The modes a pair holds as {@link WatchModes} bits, 0 for none; for tests. */
  int modes(String path, W watcher) {
    return tables.modes(path, watcher);
  }

  @Override
  public String toString() {
    return "WatchRegistry["
        + watchCount()
        + " watches, "
        + tables.recursiveWatches()
        + " recursive]";
  }
}
