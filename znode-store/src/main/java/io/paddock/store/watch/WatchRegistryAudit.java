package io.paddock.store.watch;

import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link WatchRegistry}'s internal state from scratch: the path index and the watcher
 * index mirror each other, no pair holds zero modes, no index keeps an empty set, the two halves of
 * a persistent watch come together, and the counters equal a recount. Package-private; tests call
 * it after every step of the randomized comparison.
 *
 * @param <W> the watcher type
 */
final class WatchRegistryAudit<W> {
  private final Map<String, Map<W, Integer>> byPath;
  private final Map<W, Set<String>> byWatcher;
  private final Map<String, Set<W>> recursiveByPath;

  WatchRegistryAudit(
      Map<String, Map<W, Integer>> byPath,
      Map<W, Set<String>> byWatcher,
      Map<String, Set<W>> recursiveByPath) {
    this.byPath = byPath;
    this.byWatcher = byWatcher;
    this.recursiveByPath = recursiveByPath;
  }

  /** Throws IllegalStateException naming the first broken invariant. */
  void check(int dataWatches, int childWatches, int recursiveWatches) {
    int data = 0;
    int child = 0;
    int recursive = 0;
    int pairs = 0;
    for (Map.Entry<String, Map<W, Integer>> byPathEntry : byPath.entrySet()) {
      String path = byPathEntry.getKey();
      require(!byPathEntry.getValue().isEmpty(), "empty watcher map at " + path);
      for (Map.Entry<W, Integer> pair : byPathEntry.getValue().entrySet()) {
        W watcher = pair.getKey();
        int modes = pair.getValue();
        require(modes != 0 && (modes & ~WatchModes.ALL) == 0, "bad modes " + modes + " at " + path);
        require(
            Integer.bitCount(modes & WatchModes.PERSISTENT) != 1,
            "half a persistent watch at " + path);
        Set<String> paths = byWatcher.get(watcher);
        require(paths != null && paths.contains(path), "watcher index lacks " + path);
        boolean isRecursive = (modes & WatchModes.DATA_RECURSIVE) != 0;
        Set<W> recursiveHere = recursiveByPath.get(path);
        require(
            isRecursive == (recursiveHere != null && recursiveHere.contains(watcher)),
            "recursive index out of step at " + path);
        data += (modes & WatchModes.DATA_TABLE) != 0 ? 1 : 0;
        child += (modes & WatchModes.CHILD_TABLE) != 0 ? 1 : 0;
        recursive += isRecursive ? 1 : 0;
        pairs++;
      }
    }
    int indexed = 0;
    for (Map.Entry<W, Set<String>> entry : byWatcher.entrySet()) {
      require(!entry.getValue().isEmpty(), "empty path set for " + entry.getKey());
      indexed += entry.getValue().size();
    }
    int recursiveIndexed = 0;
    for (Set<W> watchers : recursiveByPath.values()) {
      require(!watchers.isEmpty(), "empty recursive set");
      recursiveIndexed += watchers.size();
    }
    require(indexed == pairs, "watcher index holds " + indexed + " pairs, path index " + pairs);
    require(recursiveIndexed == recursive, "recursive index holds " + recursiveIndexed);
    require(data == dataWatches, "data count " + dataWatches + " but " + data + " counted");
    require(child == childWatches, "child count " + childWatches + " but " + child + " counted");
    require(
        recursive == recursiveWatches, "recursive count " + recursiveWatches + " vs " + recursive);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("watch registry invariant broken: " + what);
    }
  }
}
