package io.paddock.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.client.ConnectionState;
import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Killing a session from outside: the server ends it, its ephemerals go, the victim is told. */
class KillSessionTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension static final PaddockServerExtension PADDOCK = PaddockServerExtension.server();

  @Test
  void theVictimIsExpiredAndItsEphemeralsAreGone(TestingServer server) throws Exception {
    try (PaddockClient victim = TestingServerTest.connect(server.connectString());
        PaddockClient observer = TestingServerTest.connect(server.connectString())) {
      victim.blocking().create("/victim", null, Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
      KillSession.kill(victim, server.connectString());
      await().atMost(WAIT).until(() -> observer.blocking().exists("/victim") == null);
      await().atMost(WAIT).until(() -> victim.state() == ConnectionState.EXPIRED);
      assertNull(observer.blocking().exists("/victim"));
    }
  }

  @Test
  void aClientWithoutASessionCannotBeKilled() {
    try (PaddockClient unconnected =
        PaddockClient.builder().connectString("127.0.0.1:1").sessionTimeoutMs(4_000).build()) {
      assertThrows(IllegalStateException.class, () -> KillSession.kill(unconnected, "127.0.0.1:1"));
    }
  }
}
