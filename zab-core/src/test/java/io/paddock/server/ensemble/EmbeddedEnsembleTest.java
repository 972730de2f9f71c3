package io.paddock.server.ensemble;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.EmbeddedEnsemble;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

/**
 * A 3-member ensemble in one JVM, driven by the official ZooKeeper client: writes through a
 * follower reach every member, the leader's death elects another, and sessions, ephemerals and
 * acknowledged writes survive it.
 */
class EmbeddedEnsembleTest {
  private static final Duration LEADER_WAIT = Duration.ofSeconds(20);

  private static ZooKeeper connect(String connectString) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk =
        new ZooKeeper(
            connectString,
            10_000,
            e -> {
              if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
            });
    assertTrue(connected.await(20, TimeUnit.SECONDS), "connected to " + connectString);
    return zk;
  }

  @Test
  void writesThroughAFollowerReachEveryMemberAndSurviveTheLeader() throws Exception {
    try (EmbeddedEnsemble ensemble = EmbeddedEnsemble.builder().voters(3).build().start()) {
      long leader = ensemble.awaitLeader(LEADER_WAIT);
      long follower = ensemble.memberIds().stream().filter(id -> id != leader).findFirst().get();
      ZooKeeper zk = connect(ensemble.connectString(follower));
      try {
        zk.create(
            "/a",
            "one".getBytes(StandardCharsets.UTF_8),
            ZooDefs.Ids.OPEN_ACL_UNSAFE,
            CreateMode.PERSISTENT);
        zk.create("/a/e", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        for (int i = 0; i < 50; i++) {
          zk.create(
              "/a/s-",
              new byte[] {(byte) i},
              ZooDefs.Ids.OPEN_ACL_UNSAFE,
              CreateMode.PERSISTENT_SEQUENTIAL);
        }
        Stat stat = zk.setData("/a", "two".getBytes(StandardCharsets.UTF_8), 0);
        assertEquals(1, stat.getVersion());
        for (long id : ensemble.memberIds()) {
          ZooKeeper other = connect(ensemble.connectString(id));
          try {
            other.sync("/a", (rc, path, ctx) -> {}, null);
            await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> other.exists("/a/s-0000000050", false) != null);
            assertArrayEquals(
                "two".getBytes(StandardCharsets.UTF_8), other.getData("/a", false, null));
            assertNotNull(other.exists("/a/e", false));
          } finally {
            other.close();
          }
        }
        ensemble.kill(leader);
        long next = ensemble.awaitLeader(LEADER_WAIT);
        assertNotEquals(leader, next);
        // The session lives on: the client reconnects to a live member and keeps its ephemeral.
        await()
            .atMost(Duration.ofSeconds(20))
            .ignoreExceptions()
            .until(() -> zk.setData("/a", "three".getBytes(StandardCharsets.UTF_8), 1) != null);
        assertNotNull(zk.exists("/a/e", false));
        assertEquals(51, zk.getChildren("/a", false).size());
        ensemble.restart(leader);
        ZooKeeper back = connect(ensemble.connectString(leader));
        try {
          back.sync("/", (rc, path, ctx) -> {}, null);
          await()
              .atMost(Duration.ofSeconds(10))
              .ignoreExceptions()
              .until(
                  () ->
                      new String(back.getData("/a", false, null), StandardCharsets.UTF_8)
                          .equals("three"));
        } finally {
          back.close();
        }
      } finally {
        zk.close();
      }
    }
  }

  @Test
  void aFollowersClientsKeepTheirConnectionAndNoWriteAppliesTwiceAcrossALeaderKill()
      throws Exception {
    try (EmbeddedEnsemble ensemble = EmbeddedEnsemble.builder().voters(3).build().start()) {
      long leader = ensemble.awaitLeader(LEADER_WAIT);
      long follower = ensemble.memberIds().stream().filter(id -> id != leader).findFirst().get();
      java.util.List<Watcher.Event.KeeperState> states =
          java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      CountDownLatch connected = new CountDownLatch(1);
      ZooKeeper zk =
          new ZooKeeper(
              ensemble.connectString(follower),
              10_000,
              e -> {
                if (e.getType() == Watcher.Event.EventType.None) {
                  states.add(e.getState());
                }
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                  connected.countDown();
                }
              });
      try {
        assertTrue(connected.await(20, TimeUnit.SECONDS));
        zk.create("/q", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        int writes = 400;
        java.util.concurrent.ConcurrentHashMap<Integer, Integer> outcome =
            new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(writes);
        for (int i = 0; i < writes; i++) {
          int id = i;
          zk.create(
              "/q/item-",
              Integer.toString(id).getBytes(StandardCharsets.UTF_8),
              ZooDefs.Ids.OPEN_ACL_UNSAFE,
              CreateMode.PERSISTENT_SEQUENTIAL,
              (rc, path, ctx, name) -> {
                outcome.put(id, rc);
                answered.countDown();
              },
              null);
          if (i == writes / 4) {
            ensemble.kill(leader); // while writes are in flight through the follower
          }
        }
        assertTrue(answered.await(60, TimeUnit.SECONDS), "every write answered");
        assertTrue(
            states.stream().noneMatch(s -> s == Watcher.Event.KeeperState.Disconnected),
            "the follower's client was never disconnected: " + states);
        java.util.Map<String, Integer> copies = new java.util.HashMap<>();
        for (String child : zk.getChildren("/q", false)) {
          String data = new String(zk.getData("/q/" + child, false, null), StandardCharsets.UTF_8);
          copies.merge(data, 1, Integer::sum);
        }
        for (java.util.Map.Entry<Integer, Integer> e : outcome.entrySet()) {
          int count = copies.getOrDefault(Integer.toString(e.getKey()), 0);
          if (e.getValue() == 0) {
            assertEquals(1, count, "acknowledged write " + e.getKey() + " applied exactly once");
          } else {
            assertTrue(count <= 1, "failed write " + e.getKey() + " applied at most once");
          }
        }
        assertTrue(
            outcome.values().stream().allMatch(rc -> rc == 0),
            "no write failed: " + outcome.values().stream().filter(rc -> rc != 0).count());
      } finally {
        zk.close();
      }
    }
  }
}
