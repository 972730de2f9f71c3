package io.paddock.store.watch;

import static io.paddock.store.watch.WatchModes.CHILD_TABLE;
import static io.paddock.store.watch.WatchModes.DATA_RECURSIVE;
import static io.paddock.store.watch.WatchModes.DATA_TABLE;
import static io.paddock.store.watch.WatchModes.STANDARD;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The storage behind {@link WatchRegistry}: the modes of every (path, watcher) pair, indexed by
 * path and by watcher, plus an index of recursive watches so the parent walk looks only at them.
 * Every change of modes goes through {@link #setModes} or the trigger loop, and both keep the
 * indexes and counters in step. Package-private and single-threaded, like the registry.
 *
 * @param <W> the watcher type
 */
final class WatchTables<W> {
  /** path → watcher → modes; no pair holds 0, no path maps to an empty map. */
  private final Map<String, Map<W, Integer>> byPath = new HashMap<>();

  /** watcher → paths where it holds any mode: the mirror of {@link #byPath}. */
  private final Map<W, Set<String>> byWatcher = new LinkedHashMap<>();

  /** path → watchers holding PERSISTENT_RECURSIVE there. */
  private final Map<String, Set<W>> recursiveByPath = new HashMap<>();

  private int recursiveWatches;
  private int dataWatches;
  private int childWatches;

  /** The modes a pair holds; 0 when none. */
  int modes(String path, W watcher) {
    Map<W, Integer> watchers = byPath.get(path);
    return watchers == null ? 0 : watchers.getOrDefault(watcher, 0);
  }

  /** Sets a pair's modes; returns false when they were already {@code to}. */
  boolean setModes(String path, W watcher, int to) {
    Map<W, Integer> watchers = byPath.get(path);
    Integer boxed = watchers == null ? null : watchers.get(watcher);
    int from = boxed == null ? 0 : boxed;
    if (from == to) {
      return false;
    }
    if (to == 0) {
      watchers.remove(watcher);
      if (watchers.isEmpty()) {
        byPath.remove(path);
      }
      unindexPath(watcher, path);
    } else {
      byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(watcher, to);
      if (from == 0) {
        byWatcher.computeIfAbsent(watcher, w -> new HashSet<>()).add(path);
      }
    }
    count(path, watcher, from, to);
    return true;
  }

  /**
   * Tells every watcher holding a mode of {@code tables} at the event's path, using up their
   * standard modes there, then (for data-table events, when any recursive watch exists) every
   * recursive watcher on a proper ancestor. Each watcher at most once.
   */
  List<WatchDelivery<W>> fire(WatchEvent event, int tables) {
    Map<W, Integer> exact = byPath.get(event.path());
    boolean walk = recursiveWatches > 0 && (tables & DATA_TABLE) != 0;
    if (exact == null && !walk) {
      return Collections.emptyList();
    }
    List<WatchDelivery<W>> told = exact == null ? null : fireExact(event, exact, tables);
    if (walk) {
      told = fireRecursive(event, told);
    }
    return told == null ? Collections.emptyList() : told;
  }

  private List<WatchDelivery<W>> fireExact(WatchEvent event, Map<W, Integer> exact, int tables) {
    List<WatchDelivery<W>> told = null;
    int usedUp = tables & STANDARD;
    Iterator<Map.Entry<W, Integer>> it = exact.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<W, Integer> pair = it.next();
      int modes = pair.getValue();
      if ((modes & tables) == 0) {
        continue; // e.g. a child watch on P when P's data changes
      }
      if (told == null) {
        told = new ArrayList<>(exact.size());
      }
      told.add(new WatchDelivery<>(pair.getKey(), event));
      int left = modes & ~usedUp;
      if (left == 0) {
        it.remove();
        unindexPath(pair.getKey(), event.path());
      } else if (left != modes) {
        pair.setValue(left);
      }
      count(event.path(), pair.getKey(), modes, left);
    }
    if (exact.isEmpty()) {
      byPath.remove(event.path());
    }
    return told;
  }

  private List<WatchDelivery<W>> fireRecursive(WatchEvent event, List<WatchDelivery<W>> told) {
    List<WatchDelivery<W>> out = told;
    Set<W> already = null;
    for (String at = parentOrNull(event.path()); at != null; at = parentOrNull(at)) {
      Set<W> recursive = recursiveByPath.get(at);
      if (recursive == null) {
        continue;
      }
      if (already == null) {
        already = new HashSet<>();
        if (out == null) {
          out = new ArrayList<>();
        }
        for (WatchDelivery<W> delivery : out) {
          already.add(delivery.watcher());
        }
      }
      for (W watcher : recursive) {
        if (already.add(watcher)) {
          out.add(new WatchDelivery<>(watcher, event));
        }
      }
    }
    return out;
  }

  private static String parentOrNull(String path) {
    if (path.length() == 1) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    return slash == 0 ? "/" : path.substring(0, slash);
  }

  /** Drops every pair of a watcher; O(its pairs). */
  void removeWatcher(W watcher) {
    Set<String> paths = byWatcher.remove(watcher);
    if (paths == null) {
      return;
    }
    for (String path : paths) {
      Map<W, Integer> watchers = byPath.get(path);
      Integer modes = watchers == null ? null : watchers.remove(watcher);
      if (modes == null) {
        throw new IllegalStateException("watch index out of step: " + watcher + " at " + path);
      }
      if (watchers.isEmpty()) {
        byPath.remove(path);
      }
      count(path, watcher, modes, 0);
    }
  }

  private void unindexPath(W watcher, String path) {
    Set<String> paths = byWatcher.get(watcher);
    if (paths == null || !paths.remove(path)) {
      throw new IllegalStateException("watch index out of step: " + watcher + " at " + path);
    }
    if (paths.isEmpty()) {
      byWatcher.remove(watcher);
    }
  }

  /** Keeps the counters and the recursive index in step with a pair going from → to. */
  private void count(String path, W watcher, int from, int to) {
    dataWatches += WatchModes.delta(from, to, DATA_TABLE);
    childWatches += WatchModes.delta(from, to, CHILD_TABLE);
    int recursive = WatchModes.delta(from, to, DATA_RECURSIVE);
    recursiveWatches += recursive;
    if (recursive > 0) {
      recursiveByPath.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(watcher);
    } else if (recursive < 0) {
      Set<W> watchers = recursiveByPath.get(path);
      if (watchers == null || !watchers.remove(watcher)) {
        throw new IllegalStateException("recursive index out of step: " + watcher + " at " + path);
      }
      if (watchers.isEmpty()) {
        recursiveByPath.remove(path);
      }
    }
  }

  /** Pairs holding a data-table mode. */
  int dataWatches() {
    return dataWatches;
  }

  /** Pairs holding a child-table mode. */
  int childWatches() {
    return childWatches;
  }

  /** Pairs holding a recursive mode. */
  int recursiveWatches() {
    return recursiveWatches;
  }

  /** A copy of the pairs holding any mode of {@code table}, by path. */
  Map<String, Set<W>> watchersByPath(int table) {
    Map<String, Set<W>> copy = new LinkedHashMap<>();
    byPath.forEach(
        (path, watchers) ->
            watchers.forEach(
                (watcher, modes) -> {
                  if ((modes & table) != 0) {
                    copy.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(watcher);
                  }
                }));
    return copy;
  }

  /** A copy of the pairs holding any mode of {@code table}, by watcher. */
  Map<W, Set<String>> pathsByWatcher(int table) {
    Map<W, Set<String>> copy = new LinkedHashMap<>();
    byWatcher.forEach(
        (watcher, paths) ->
            paths.forEach(
                path -> {
                  if ((modes(path, watcher) & table) != 0) {
                    copy.computeIfAbsent(watcher, w -> new LinkedHashSet<>()).add(path);
                  }
                }));
    return copy;
  }

  /** Recounts everything and throws IllegalStateException on the first broken invariant. */
  void checkInvariants() {
    new WatchRegistryAudit<>(byPath, byWatcher, recursiveByPath)
        .check(dataWatches, childWatches, recursiveWatches);
  }
}
