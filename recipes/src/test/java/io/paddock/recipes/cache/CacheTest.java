package io.paddock.recipes.cache;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.PartitionProxy;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Node, children and tree caches: events, depth bound, consistency after storms and outages. */
class CacheTest extends RecipeTestBase {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The server's subtree as path → data, down to {@code maxDepth} levels below {@code root}. */
  private static TreeMap<String, String> serverTree(PaddockFramework fw, String root, int maxDepth)
      throws Exception {
    TreeMap<String, String> out = new TreeMap<>();
    walk(fw, root, 0, maxDepth, out);
    return out;
  }

  private static void walk(
      PaddockFramework fw, String path, int depth, int maxDepth, TreeMap<String, String> out)
      throws Exception {
    try {
      out.put(path, new String(fw.getData().forPath(path), StandardCharsets.UTF_8));
      if (depth < maxDepth) {
        for (String name : fw.getChildren().forPath(path)) {
          walk(fw, ZnodePaths.child(path, name), depth + 1, maxDepth, out);
        }
      }
    } catch (PaddockException e) {
      if (e.code() != ErrorCode.NONODE) {
        throw e;
      }
    }
  }

  private static TreeMap<String, String> cached(TreeCache cache) {
    TreeMap<String, String> out = new TreeMap<>();
    for (ChildData d : cache.snapshot()) {
      out.put(d.path(), new String(d.data(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void treeCacheEqualsTheServerAfterARandomStorm() throws Exception {
    long seed =
        Long.getLong("paddock.test.seed", System.nanoTime()); // replay: -Dpaddock.test.seed=N
    Random random = new Random(seed);
    PaddockFramework writer = newFramework();
    PaddockFramework reader = newFramework();
    writer.create().forPath("/tc", bytes("root"));
    TreeCache cache = closeAfter(TreeCache.builder(reader, "/tc").maxDepth(2).build());
    cache.start();
    assertTrue(cache.awaitInitialized(WAIT));
    String[] names = {"a", "b", "c"};
    int opsMax = 150;
    for (int i = 0; i < opsMax; i++) {
      String path = "/tc/" + names[random.nextInt(3)];
      if (random.nextBoolean()) {
        path += "/" + names[random.nextInt(3)];
      }
      if (random.nextInt(4) == 0) {
        path += "/" + names[random.nextInt(3)]; // below the depth bound
      }
      String value = "v" + i;
      try {
        switch (random.nextInt(3)) {
          case 0 -> writer.create().creatingParentsIfNeeded().forPath(path, bytes(value));
          case 1 -> writer.setData().forPath(path, bytes(value));
          default -> writer.delete().deletingChildrenIfNeeded().forPath(path);
        }
      } catch (PaddockException e) {
        // NodeExists, NoNode: the storm goes on
      }
    }
    TreeMap<String, String> expected = serverTree(writer, "/tc", 2);
    await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, cached(cache), "seed " + seed));
  }

  @Test
  void treeCacheEqualsTheServerAfterAStormAcrossAPartitionAndASessionExpiry() throws Exception {
    long seed =
        Long.getLong("paddock.test.seed", System.nanoTime()); // replay: -Dpaddock.test.seed=N
    Random random = new Random(seed);
    PaddockFramework writer = newFramework();
    PartitionProxy proxy = closeAfter(new PartitionProxy(connectString()));
    PaddockFramework reader =
        started(frameworkBuilder().connectString(proxy.connectString()).build());
    TreeCache cache = closeAfter(TreeCache.builder(reader, "/storm").maxDepth(3).build());
    // a mirror built from the events alone must end equal to the cache: no event is missed
    java.util.Map<String, String> mirror = new java.util.concurrent.ConcurrentHashMap<>();
    cache.addListener(
        e -> {
          switch (e.type()) {
            case NODE_ADDED, NODE_UPDATED ->
                mirror.put(e.data().path(), new String(e.data().data(), StandardCharsets.UTF_8));
            case NODE_REMOVED -> mirror.remove(e.data().path());
            default -> {
              // boundaries and connection events
            }
          }
        });
    cache.start();
    assertTrue(cache.awaitInitialized(WAIT));
    int opsPerPhase = 60;
    storm(writer, random, "/storm", opsPerPhase);
    proxy.partition();
    await().atMost(WAIT).until(() -> !reader.isConnected());
    storm(writer, random, "/storm", opsPerPhase);
    proxy.heal();
    storm(writer, random, "/storm", opsPerPhase);
    expireSession(reader);
    storm(writer, random, "/storm", opsPerPhase);
    TreeMap<String, String> expected = serverTree(writer, "/storm", 3);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertEquals(expected, cached(cache), "seed " + seed);
              assertEquals(expected, new TreeMap<>(mirror), "events, seed " + seed);
            });
  }

  /** Random creates, writes and deletes (some below depth 3) under {@code root}. */
  private static void storm(PaddockFramework writer, Random random, String root, int ops)
      throws Exception {
    String[] names = {"a", "b", "c"};
    for (int i = 0; i < ops; i++) {
      StringBuilder path = new StringBuilder(root);
      int depth = 1 + random.nextInt(4);
      for (int d = 0; d < depth; d++) {
        path.append('/').append(names[random.nextInt(names.length)]);
      }
      byte[] value = bytes("v" + random.nextInt(1_000));
      try {
        switch (random.nextInt(3)) {
          case 0 -> writer.create().creatingParentsIfNeeded().forPath(path.toString(), value);
          case 1 -> writer.setData().forPath(path.toString(), value);
          default -> writer.delete().deletingChildrenIfNeeded().forPath(path.toString());
        }
      } catch (PaddockException e) {
        // NodeExists, NoNode: the storm goes on
      }
    }
  }

  @Test
  void changesMadeDuringAPartitionAreReportedAfterItDeletesIncluded() throws Exception {
    PaddockFramework writer = newFramework();
    PartitionProxy proxy = closeAfter(new PartitionProxy(connectString()));
    PaddockFramework reader =
        started(frameworkBuilder().connectString(proxy.connectString()).build());
    writer.create().forPath("/pc", bytes("p"));
    writer.create().forPath("/pc/gone", bytes("1"));
    writer.create().forPath("/pc/recreated", bytes("1"));
    writer.create().forPath("/pc/changed", bytes("1"));
    PathChildrenCache cache = closeAfter(new PathChildrenCache(reader, "/pc"));
    List<PathChildrenCacheEvent> events = new CopyOnWriteArrayList<>();
    cache.addListener(events::add);
    cache.start();
    await().atMost(WAIT).until(() -> cache.currentData().size() == 3);

    proxy.partition();
    await().atMost(WAIT).until(() -> !reader.isConnected());
    writer.delete().forPath("/pc/gone");
    writer.delete().forPath("/pc/recreated");
    writer.create().forPath("/pc/recreated", bytes("2"));
    writer.setData().forPath("/pc/changed", bytes("2"));
    writer.create().forPath("/pc/added", bytes("2"));
    events.clear();
    proxy.heal();

    await().atMost(WAIT).until(() -> hasChildEvent(events, PathChildrenCacheEvent.Type.RESYNCED));
    assertEquals(
        List.of("/pc/added", "/pc/changed", "/pc/recreated"),
        cache.currentData().stream().map(ChildData::path).toList());
    for (ChildData d : cache.currentData()) {
      assertArrayEquals(bytes("2"), d.data(), d.path());
    }
    List<String> recreated =
        events.stream()
            .filter(e -> e.data() != null && e.data().path().equals("/pc/recreated"))
            .map(e -> e.type().name())
            .toList();
    assertEquals(List.of("CHILD_REMOVED", "CHILD_ADDED"), recreated, "delete then create");
    assertTrue(hasChildEvent(events, PathChildrenCacheEvent.Type.CONNECTION_RECONNECTED));
  }

  @Test
  void cachesResyncAfterSessionExpiryAndServerRestart() throws Exception {
    PaddockFramework writer = newFramework();
    PaddockFramework reader = newFramework();
    writer.create().forPath("/rs", bytes("0"));
    TreeCache cache = closeAfter(TreeCache.builder(reader, "/rs").build());
    List<CacheEvent> events = new CopyOnWriteArrayList<>();
    cache.addListener(events::add);
    cache.start();
    assertTrue(cache.awaitInitialized(WAIT));

    expireSession(reader);
    writer.create().forPath("/rs/after-expiry", bytes("1"));
    await().atMost(WAIT).until(() -> cache.currentData("/rs/after-expiry").isPresent());
    assertTrue(hasTreeEvent(events, CacheEvent.Type.CONNECTION_LOST));

    core().stop();
    core().start();
    assertTrue(writer.blockUntilConnected(WAIT));
    writer.setData().forPath("/rs", bytes("restarted"));
    writer.delete().forPath("/rs/after-expiry");
    TreeMap<String, String> expected = serverTree(writer, "/rs", Integer.MAX_VALUE);
    await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, cached(cache)));
  }

  @Test
  void aCacheStartedWhileTheServerIsDownFillsOnceItIsBack() throws Exception {
    PaddockFramework writer = newFramework();
    PaddockFramework reader = newFramework();
    writer.create().forPath("/down", bytes("p"));
    writer.create().forPath("/down/x", bytes("1"));
    core().stop();
    await().atMost(WAIT).until(() -> !reader.isConnected());
    PathChildrenCache cache = closeAfter(new PathChildrenCache(reader, "/down"));
    cache.start();
    core().start();
    assertTrue(cache.awaitInitialized(WAIT), "initialized once the server is back");
    assertEquals(List.of("/down/x"), cache.currentData().stream().map(ChildData::path).toList());
    writer.create().forPath("/down/y", bytes("2"));
    await().atMost(WAIT).until(() -> cache.currentData().size() == 2);
  }

  @Test
  void depthBoundAndDataOptionLimitWhatIsKept() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().creatingParentsIfNeeded().forPath("/db/a/b/c", bytes("deep"));
    TreeCache cache = closeAfter(TreeCache.builder(fw, "/db").maxDepth(1).cacheData(false).build());
    cache.start();
    assertTrue(cache.awaitInitialized(WAIT));
    assertEquals(List.of("/db", "/db/a"), cache.snapshot().stream().map(ChildData::path).toList());
    assertNull(cache.currentData("/db/a").orElseThrow().data());
    fw.create().forPath("/db/a/b/d");
    fw.create().forPath("/db/e");
    await().atMost(WAIT).until(() -> cache.currentData("/db/e").isPresent());
    assertEquals(List.of("a", "e"), new ArrayList<>(cache.currentChildren("/db").keySet()));
  }

  @Test
  void nodeCacheSeesCreateChangeDeleteAndLeavesNoWatchAfterClose() throws Exception {
    PaddockFramework fw = newFramework();
    NodeCache cache = closeAfter(new NodeCache(fw, "/nc/x"));
    List<String> changes = new CopyOnWriteArrayList<>();
    cache.addListener((before, after) -> changes.add(show(before) + "->" + show(after)));
    cache.start();
    assertTrue(cache.awaitInitialized(WAIT));
    assertTrue(cache.currentData().isEmpty());
    fw.create().creatingParentsIfNeeded().forPath("/nc/x", bytes("1"));
    await().atMost(WAIT).until(() -> cache.currentData().isPresent());
    fw.setData().forPath("/nc/x", bytes("2"));
    fw.create().forPath("/nc/x/child"); // not a change of the node's data
    fw.delete().deletingChildrenIfNeeded().forPath("/nc/x");
    await().atMost(WAIT).until(() -> changes.size() == 3);
    assertEquals(List.of("-->1", "1->2", "2->-"), changes);
    assertTrue(hasWatch(fw, "/nc/x", WatcherType.ANY));
    cache.close();
    await().atMost(WAIT).until(() -> !hasWatch(fw, "/nc/x", WatcherType.ANY));
  }

  @Test
  void childrenCacheReportsChildEventsOnlyAndCleansUp() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().forPath("/cc", bytes("parent"));
    fw.create().forPath("/cc/one", bytes("1"));
    PathChildrenCache cache = closeAfter(new PathChildrenCache(fw, "/cc"));
    List<String> events = new CopyOnWriteArrayList<>();
    cache.addListener(
        e ->
            events.add(
                e.type() + (e.data() == null ? "" : " " + ZnodePaths.name(e.data().path()))));
    cache.start();
    assertTrue(cache.awaitInitialized(WAIT));
    fw.create().forPath("/cc/two", bytes("2"));
    fw.create().forPath("/cc/two/grandchild");
    fw.setData().forPath("/cc/one", bytes("1b"));
    fw.setData().forPath("/cc", bytes("parent2"));
    fw.delete().forPath("/cc/two/grandchild");
    fw.delete().forPath("/cc/two");
    await().atMost(WAIT).until(() -> events.size() == 5);
    assertEquals(
        List.of(
            "CHILD_ADDED one",
            "INITIALIZED",
            "CHILD_ADDED two",
            "CHILD_UPDATED one",
            "CHILD_REMOVED two"),
        events);
    assertEquals(
        Optional.of("1b"),
        cache.currentData("one").map(d -> new String(d.data(), StandardCharsets.UTF_8)));
    cache.close();
    await().atMost(WAIT).until(() -> !hasWatch(fw, "/cc", WatcherType.ANY));
    assertTrue(cache.currentData().isEmpty(), "a closed cache is empty");
  }

  private static String show(Optional<ChildData> d) {
    return d.map(c -> new String(c.data(), StandardCharsets.UTF_8)).orElse("-");
  }

  private static boolean hasChildEvent(
      List<PathChildrenCacheEvent> events, PathChildrenCacheEvent.Type type) {
    return events.stream().anyMatch(e -> e.type() == type);
  }

  private static boolean hasTreeEvent(List<CacheEvent> events, CacheEvent.Type type) {
    return events.stream().anyMatch(e -> e.type() == type);
  }
}
