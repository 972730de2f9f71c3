package io.paddock.store.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link WatchRegistry} with a deliberately simple reference — a list of (path, kind,
 * watcher) tuples and one straightforward loop per operation, written from PROTOCOL 8.3, 8.5 and
 * 8.6 — over random registrations, events, removals and reconnects. Any difference in who is told,
 * in what the registry reports holding, or a broken internal invariant fails with the seed; replay
 * one seed with {@code -Dpaddock.seed=N}.
 */
class WatchRegistryModelTest {
  private static final int SEEDS = 200;
  private static final int STEPS = 400;
  private static final int FULL_CHECK_EVERY_STEPS = 20;
  private static final String[] PATHS = {
    "/", "/a", "/a/b", "/a/b/c", "/a/c", "/ab", "/a/bc", "/b", "/b/a"
  };
  private static final EventType[] EVENTS = {
    EventType.NODE_CREATED,
    EventType.NODE_DELETED,
    EventType.NODE_DATA_CHANGED,
    EventType.NODE_CHILDREN_CHANGED
  };

  enum Kind {
    DATA,
    CHILD,
    PERSISTENT,
    RECURSIVE
  }

  record Tuple(String path, Kind kind, String watcher) {}

  /** The reference: nothing but a list and loops. */
  static final class Reference {
    final List<Tuple> watches = new ArrayList<>();

    boolean add(String path, Kind kind, String watcher) {
      Tuple t = new Tuple(path, kind, watcher);
      if (watches.contains(t)) {
        return false;
      }
      watches.add(t);
      return true;
    }

    Set<String> trigger(WatchEvent e) {
      boolean dataTable = e.type() != EventType.NODE_CHILDREN_CHANGED;
      boolean childTable =
          e.type() == EventType.NODE_CHILDREN_CHANGED || e.type() == EventType.NODE_DELETED;
      Set<String> told = new HashSet<>();
      for (Tuple t : new ArrayList<>(watches)) {
        boolean exact = t.path().equals(e.path());
        boolean fires =
            (dataTable && exact && t.kind() != Kind.CHILD)
                || (dataTable && t.kind() == Kind.RECURSIVE && isProperAncestor(t.path(), e.path()))
                || (childTable && exact && (t.kind() == Kind.CHILD || t.kind() == Kind.PERSISTENT));
        if (fires) {
          told.add(t.watcher());
          if (t.kind() == Kind.DATA || t.kind() == Kind.CHILD) {
            watches.remove(t);
          }
        }
      }
      return told;
    }

    static boolean isProperAncestor(String ancestor, String path) {
      if (ancestor.equals(path)) {
        return false;
      }
      return ancestor.equals("/") || path.startsWith(ancestor + "/");
    }

    static Set<Kind> kinds(WatcherType type) {
      return switch (type) {
        case CHILDREN -> Set.of(Kind.CHILD);
        case DATA -> Set.of(Kind.DATA);
        case PERSISTENT -> Set.of(Kind.PERSISTENT);
        case PERSISTENT_RECURSIVE -> Set.of(Kind.RECURSIVE);
        case ANY -> Set.of(Kind.values());
      };
    }

    boolean remove(String path, WatcherType type, String watcher) {
      return watches.removeIf(
          t ->
              t.path().equals(path)
                  && t.watcher().equals(watcher)
                  && kinds(type).contains(t.kind()));
    }

    boolean has(String path, WatcherType type, String watcher) {
      for (Tuple t : watches) {
        if (t.path().equals(path)
            && t.watcher().equals(watcher)
            && kinds(type).contains(t.kind())) {
          return true;
        }
      }
      return false;
    }

    /** Distinct (table, path, watcher) entries; a persistent tuple is in both tables. */
    int watchCount(boolean dataOnly) {
      Set<String> entries = new HashSet<>();
      for (Tuple t : watches) {
        if (t.kind() != Kind.CHILD) {
          entries.add("data " + t.path() + " " + t.watcher());
        }
        if (!dataOnly && (t.kind() == Kind.CHILD || t.kind() == Kind.PERSISTENT)) {
          entries.add("child " + t.path() + " " + t.watcher());
        }
      }
      return entries.size();
    }

    Map<String, Set<String>> dataTableByPath() {
      Map<String, Set<String>> byPath = new TreeMap<>();
      for (Tuple t : watches) {
        if (t.kind() != Kind.CHILD) {
          byPath.computeIfAbsent(t.path(), p -> new TreeSet<>()).add(t.watcher());
        }
      }
      return byPath;
    }
  }

  @Test
  void registryAgreesWithTheReferenceOnRandomHistories() {
    String replay = System.getProperty("paddock.seed");
    if (replay != null) {
      runSeed(Long.parseLong(replay));
      return;
    }
    for (long seed = 0; seed < SEEDS; seed++) {
      runSeed(seed);
    }
  }

  private static void runSeed(long seed) {
    try {
      new Run(seed).go();
    } catch (AssertionError | RuntimeException e) {
      System.err.println("WatchRegistryModelTest failed with seed " + seed);
      throw new AssertionError(
          "seed " + seed + " (replay with -Dpaddock.seed=" + seed + "): " + e.getMessage(), e);
    }
  }

  /** One random history. */
  private static final class Run {
    private final Random random;
    private final WatchRegistry<String> registry = new WatchRegistry<>();
    private final Reference reference = new Reference();
    private final String[] watchers = {"w0", "w1", "w2", "w3"};

    Run(long seed) {
      random = new Random(seed);
    }

    private String path() {
      return PATHS[random.nextInt(PATHS.length)];
    }

    private String watcher() {
      return watchers[random.nextInt(watchers.length)];
    }

    void go() {
      for (int step = 0; step < STEPS; step++) {
        String what = "step";
        try {
          what = step(random.nextInt(100));
          registry.checkInvariants();
          compareState(step % FULL_CHECK_EVERY_STEPS == 0 || step == STEPS - 1);
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError("step " + step + " after " + what + ": " + e.getMessage(), e);
        }
      }
    }

    private String step(int dice) {
      String path = path();
      String w = watcher();
      if (dice < 40) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        boolean added =
            switch (kind) {
              case DATA -> registry.addDataWatch(path, w);
              case CHILD -> registry.addChildWatch(path, w);
              case PERSISTENT -> registry.addPersistentWatch(path, w);
              case RECURSIVE -> registry.addPersistentRecursiveWatch(path, w);
            };
        assertEquals(reference.add(path, kind, w), added, "add " + kind + " " + path + " " + w);
        return "add " + kind + " " + path + " " + w;
      } else if (dice < 78) {
        WatchEvent e = new WatchEvent(EVENTS[random.nextInt(EVENTS.length)], path, 1 + dice);
        List<WatchDelivery<String>> told = registry.trigger(e);
        Set<String> watchersTold = new LinkedHashSet<>();
        for (WatchDelivery<String> d : told) {
          assertEquals(e, d.event(), "delivery event");
          assertEquals(true, watchersTold.add(d.watcher()), "told twice: " + d.watcher());
        }
        assertEquals(reference.trigger(e), watchersTold, "who is told of " + e);
        return "trigger " + e;
      } else if (dice < 88) {
        WatcherType type = WatcherType.values()[random.nextInt(WatcherType.values().length)];
        boolean removed = registry.removeWatches(path, type, w);
        assertEquals(reference.remove(path, type, w), removed, "removeWatches " + type);
        return "removeWatches " + path + " " + type + " " + w;
      } else if (dice < 93) {
        registry.removeWatcher(w);
        reference.watches.removeIf(t -> t.watcher().equals(w));
        return "removeWatcher " + w;
      } else {
        return setWatches(w);
      }
    }

    private String setWatches(String w) {
      SetWatchesTest.FakeTree tree = new SetWatchesTest.FakeTree();
      for (String p : PATHS) {
        if (random.nextBoolean()) {
          tree.with(p, random.nextInt(4), random.nextInt(4));
        }
      }
      long relative = random.nextInt(4);
      List<List<String>> lists = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        List<String> list = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
          list.add(path());
        }
        lists.add(list);
      }
      List<WatchEvent> events =
          registry.setWatches(
              relative,
              lists.get(0),
              lists.get(1),
              lists.get(2),
              lists.get(3),
              lists.get(4),
              w,
              tree);
      assertEquals(referenceSetWatches(relative, lists, w, tree), events, "setWatches events");
      return "setWatches " + relative + " " + lists + " " + w;
    }

    private List<WatchEvent> referenceSetWatches(
        long relative, List<List<String>> lists, String w, NodeZxids tree) {
      List<WatchEvent> events = new ArrayList<>();
      for (String p : lists.get(0)) {
        if (!tree.exists(p)) {
          events.add(new WatchEvent(EventType.NODE_DELETED, p, -1));
        } else if (tree.mzxid(p) > relative) {
          events.add(new WatchEvent(EventType.NODE_DATA_CHANGED, p, -1));
        } else {
          reference.add(p, Kind.DATA, w);
        }
      }
      for (String p : lists.get(1)) {
        if (tree.exists(p)) {
          events.add(new WatchEvent(EventType.NODE_CREATED, p, -1));
        } else {
          reference.add(p, Kind.DATA, w);
        }
      }
      for (String p : lists.get(2)) {
        if (!tree.exists(p)) {
          events.add(new WatchEvent(EventType.NODE_DELETED, p, -1));
        } else if (tree.pzxid(p) > relative) {
          events.add(new WatchEvent(EventType.NODE_CHILDREN_CHANGED, p, -1));
        } else {
          reference.add(p, Kind.CHILD, w);
        }
      }
      lists.get(3).forEach(p -> reference.add(p, Kind.PERSISTENT, w));
      lists.get(4).forEach(p -> reference.add(p, Kind.RECURSIVE, w));
      return events;
    }

    /** Counts and the data table always; every pair's hasWatch on a full check. */
    private void compareState(boolean full) {
      assertEquals(reference.watchCount(false), registry.watchCount(), "watchCount");
      assertEquals(reference.watchCount(true), registry.dataWatchCount(), "dataWatchCount");
      Map<String, Set<String>> byPath = new TreeMap<>();
      registry.watchersByPath().forEach((p, ws) -> byPath.put(p, new TreeSet<>(ws)));
      assertEquals(reference.dataTableByPath(), byPath, "watchersByPath");
      if (!full) {
        return;
      }
      for (String p : PATHS) {
        for (String w : watchers) {
          for (WatcherType type : WatcherType.values()) {
            assertEquals(reference.has(p, type, w), registry.hasWatch(p, type, w), "hasWatch");
          }
        }
      }
    }
  }
}
