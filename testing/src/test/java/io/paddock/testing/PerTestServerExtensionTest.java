package io.paddock.testing;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registered on an instance field, the extension runs a fresh, empty server for every test. */
class PerTestServerExtensionTest {
  @RegisterExtension final PaddockServerExtension paddock = PaddockServerExtension.server();

  @RepeatedTest(2)
  void everyTestStartsEmpty(TestingServer server) throws Exception {
    try (PaddockClient client = TestingServerTest.connect(paddock.connectString())) {
      assertNull(client.blocking().exists("/per-test"), "a previous test's node is not here");
      client.blocking().create("/per-test", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }
  }
}
