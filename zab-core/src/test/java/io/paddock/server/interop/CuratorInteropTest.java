package io.paddock.server.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.barriers.DistributedDoubleBarrier;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Curator 5 recipes against every core: a contended InterProcessMutex, LeaderLatch failover,
 * DistributedDoubleBarrier, and CuratorCache following creates, changes and deletes.
 */
class CuratorInteropTest extends CoreTestBase {
  private static final long WAIT_S = 30;

  private CuratorFramework curator(TestCore core) throws InterruptedException {
    CuratorFramework c =
        CuratorFrameworkFactory.newClient(
            core.connectString(), Clients.SESSION_TIMEOUT_MS, 10_000, new RetryOneTime(100));
    c.start();
    closeLater(c::close);
    assertTrue(c.blockUntilConnected(30, TimeUnit.SECONDS), "curator connected");
    return c;
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void interProcessMutexExcludesUnderContention(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    int threads = 4;
    int rounds = 10;
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger maxHolders = new AtomicInteger();
    AtomicInteger grants = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    closeLater(pool::shutdownNow);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      CuratorFramework c = curator(core);
      done.add(
          pool.submit(
              () -> {
                InterProcessMutex mutex = new InterProcessMutex(c, "/locks/m");
                for (int r = 0; r < rounds; r++) {
                  if (!mutex.acquire(WAIT_S, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("lock not granted in time");
                  }
                  try {
                    maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                    grants.incrementAndGet();
                    // Hold the lock across a server round trip so overlaps would show.
                    c.checkExists().forPath("/locks");
                  } finally {
                    holders.decrementAndGet();
                    mutex.release();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(2 * WAIT_S, TimeUnit.SECONDS);
    }
    assertEquals(1, maxHolders.get(), "never two holders at once");
    assertEquals(threads * rounds, grants.get());
    assertEquals(List.of(), curator(core).getChildren().forPath("/locks/m"), "no lock node left");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void leaderLatchFailsOverWhenTheLeaderLeaves(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    List<CuratorFramework> clients = new ArrayList<>();
    List<LeaderLatch> latches = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CuratorFramework c = curator(core);
      LeaderLatch latch = new LeaderLatch(c, "/leader", "p" + i);
      latch.start();
      clients.add(c);
      latches.add(latch);
    }
    await()
        .atMost(WAIT_S, TimeUnit.SECONDS)
        .until(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);
    int leader = indexOfLeader(latches);
    assertEquals("p" + leader, latches.get(0).getLeader().getId());
    clients.get(leader).close();
    // The closed client's latch never hears of its loss; only the others are asked.
    List<Integer> others = new ArrayList<>(List.of(0, 1, 2));
    others.remove(Integer.valueOf(leader));
    await()
        .atMost(WAIT_S, TimeUnit.SECONDS)
        .until(() -> others.stream().filter(i -> latches.get(i).hasLeadership()).count() == 1);
    int next = others.stream().filter(i -> latches.get(i).hasLeadership()).findFirst().get();
    await()
        .atMost(WAIT_S, TimeUnit.SECONDS)
        .until(() -> latches.get(next).getLeader().getId().equals("p" + next));
    assertEquals(2, latches.get(next).getParticipants().size(), "the old leader's node is gone");
    for (int i : others) {
      latches.get(i).close();
    }
  }

  private static int indexOfLeader(List<LeaderLatch> latches) {
    for (int i = 0; i < latches.size(); i++) {
      if (latches.get(i).hasLeadership()) {
        return i;
      }
    }
    return -1;
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void doubleBarrierLetsMembersEnterTogetherAndLeaveTogether(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    int members = 3;
    AtomicInteger entered = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(members);
    closeLater(pool::shutdownNow);
    List<Future<Boolean>> left = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      CuratorFramework c = curator(core);
      left.add(
          pool.submit(
              () -> {
                DistributedDoubleBarrier barrier =
                    new DistributedDoubleBarrier(c, "/barrier", members);
                if (!barrier.enter(WAIT_S, TimeUnit.SECONDS)) {
                  return false;
                }
                // enter() returns only once all members are in: none may find fewer.
                int in = entered.incrementAndGet();
                if (c.getChildren().forPath("/barrier").size() < members && in < members) {
                  return false;
                }
                return barrier.leave(WAIT_S, TimeUnit.SECONDS);
              }));
    }
    for (Future<Boolean> f : left) {
      assertTrue(f.get(2 * WAIT_S, TimeUnit.SECONDS), "entered and left in time");
    }
    assertEquals(members, entered.get());
    assertEquals(List.of(), curator(core).getChildren().forPath("/barrier"));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void curatorCacheFollowsCreatesChangesAndDeletes(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    CuratorFramework c = curator(core);
    List<String> seen = new CopyOnWriteArrayList<>();
    CuratorCache cache = CuratorCache.build(c, "/cache");
    cache
        .listenable()
        .addListener(
            CuratorCacheListener.builder()
                .forCreates(n -> seen.add("create " + n.getPath()))
                .forChanges(
                    (before, after) ->
                        seen.add(
                            "change "
                                + after.getPath()
                                + " "
                                + new String(after.getData(), StandardCharsets.UTF_8)))
                .forDeletes(n -> seen.add("delete " + n.getPath()))
                .build());
    CountDownLatchListener initialized = new CountDownLatchListener();
    cache.listenable().addListener(initialized);
    cache.start();
    closeLater(cache::close);
    initialized.await();
    c.create()
        .creatingParentsIfNeeded()
        .forPath("/cache/a/b", "1".getBytes(StandardCharsets.UTF_8));
    // Each step waits for the cache to catch up, else it may coalesce a change into the create.
    await().atMost(WAIT_S, TimeUnit.SECONDS).until(() -> seen.contains("create /cache/a/b"));
    c.setData().forPath("/cache/a/b", "2".getBytes(StandardCharsets.UTF_8));
    await().atMost(WAIT_S, TimeUnit.SECONDS).until(() -> seen.contains("change /cache/a/b 2"));
    c.delete().forPath("/cache/a/b");
    await().atMost(WAIT_S, TimeUnit.SECONDS).until(() -> seen.contains("delete /cache/a/b"));
    assertEquals(
        List.of(
            "create /cache",
            "create /cache/a",
            "create /cache/a/b",
            "change /cache/a/b 2",
            "delete /cache/a/b"),
        seen);
    assertEquals(
        Set.of("/cache", "/cache/a"), Set.copyOf(cache.stream().map(d -> d.getPath()).toList()));
  }

  /** A cache listener that opens a latch once the cache has loaded its initial state. */
  private static final class CountDownLatchListener implements CuratorCacheListener {
    private final java.util.concurrent.CountDownLatch latch =
        new java.util.concurrent.CountDownLatch(1);

    @Override
    public void event(
        Type type,
        org.apache.curator.framework.recipes.cache.ChildData oldData,
        org.apache.curator.framework.recipes.cache.ChildData data) {}

    @Override
    public void initialized() {
      latch.countDown();
    }

    void await() throws InterruptedException {
      assertTrue(latch.await(WAIT_S, TimeUnit.SECONDS), "cache initialized");
    }
  }
}
