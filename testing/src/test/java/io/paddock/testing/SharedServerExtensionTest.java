package io.paddock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registered on a static field, the extension runs one server for the whole class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedServerExtensionTest {
  @RegisterExtension static final PaddockServerExtension PADDOCK = PaddockServerExtension.server();

  private static TestingServer seenBeforeAll;

  @BeforeAll
  static void lifecycleMethodsGetTheServerToo(TestingServer server) {
    seenBeforeAll = server;
  }

  @Test
  @Order(1)
  void theFirstTestWrites(TestingServer server) throws Exception {
    assertSame(seenBeforeAll, server);
    try (PaddockClient client = TestingServerTest.connect(PADDOCK.connectString())) {
      client.blocking().create("/shared", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }
  }

  @Test
  @Order(2)
  void theSecondTestSeesTheSameServer(TestingServer server) throws Exception {
    assertSame(seenBeforeAll, server);
    assertSame(server, PADDOCK.testingServer());
    try (PaddockClient client = TestingServerTest.connect(server.connectString())) {
      assertNotNull(client.blocking().exists("/shared"));
    }
    assertThrows(IllegalStateException.class, PADDOCK::testingCluster, "not a cluster");
  }

  @Test
  @Order(3)
  void anUnstartedExtensionHasNoServerAndRefusesBadSizes() {
    assertThrows(
        IllegalStateException.class, () -> PaddockServerExtension.server().connectString());
    assertThrows(IllegalArgumentException.class, () -> PaddockServerExtension.cluster(0));
    assertEquals(
        TestingServer.TICK_TIME_MS_DEFAULT, TestingCluster.TICK_TIME_MS_DEFAULT, "same defaults");
  }
}
