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
}
