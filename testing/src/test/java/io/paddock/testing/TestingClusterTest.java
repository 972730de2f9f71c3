package io.paddock.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testing cluster (through the extension, one per class): a leader, writes visible through
 * every member, a killed leader replaced while sessions and ephemerals survive.
 */
class TestingClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final PaddockServerExtension PADDOCK = PaddockServerExtension.cluster(3);

  @Test
  void aKilledLeaderIsReplacedAndSessionsAndEphemeralsSurvive(TestingCluster cluster)
      throws Exception {
    assertEquals(3, cluster.memberIds().size());
    assertEquals(PADDOCK.connectString(), cluster.connectString());
    assertEquals(3, cluster.connectString().split(",").length);
    try (PaddockClient client = TestingServerTest.connect(cluster.connectString())) {
      client.blocking().create("/c", new byte[] {1}, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      client.blocking().create("/c/e", null, Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
      for (long id : cluster.memberIds()) {
        try (PaddockClient one = TestingServerTest.connect(cluster.connectString(id))) {
          one.blocking().sync("/c");
          assertArrayEquals(new byte[] {1}, one.blocking().getData("/c").data());
        }
      }
      long session = client.sessionId();
      long killed = cluster.killLeader(WAIT);
      assertFalse(cluster.isRunning(killed));
      long next = cluster.awaitLeader(WAIT);
      assertNotEquals(killed, next);
      await().atMost(WAIT).ignoreExceptions().until(() -> client.blocking().exists("/c/e") != null);
      assertEquals(session, client.sessionId(), "the session moved to a live member");
      cluster.restart(killed);
      assertTrue(cluster.isRunning(killed));
      try (PaddockClient back = TestingServerTest.connect(cluster.connectString(killed))) {
        back.blocking().sync("/c");
        assertNotNull(back.blocking().exists("/c/e"), "the restarted member caught up");
      }
    }
  }
}
