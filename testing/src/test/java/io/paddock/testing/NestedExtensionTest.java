package io.paddock.testing;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A @Nested class shares the outer class's server; the outer tests still have it afterwards. */
class NestedExtensionTest {
  @RegisterExtension static final PaddockServerExtension PADDOCK = PaddockServerExtension.server();

  private static TestingServer outer;

  @BeforeAll
  static void remember(TestingServer server) {
    outer = server;
  }

  @Test
  void theOuterTestHasTheServer(TestingServer server) {
    assertSame(outer, server);
    assertTrue(server.isRunning());
  }

  @Nested
  class Inner {
    @Test
    void theNestedTestSharesIt(TestingServer server) {
      assertSame(outer, server);
      assertTrue(server.isRunning());
    }
  }
}
