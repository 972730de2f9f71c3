package io.paddock.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.config.ConfigChange;
import io.paddock.recipes.config.ConfigPublisher;
import io.paddock.recipes.config.ConfigSubscriber;
import io.paddock.recipes.config.ValueCodec;
import io.paddock.recipes.leader.LeaderLatch;
import io.paddock.recipes.locks.InterProcessMutex;
import io.paddock.server.EmbeddedServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The code of README's "Recipes in a few lines", line for line (keep the two in step), run against
 * an embedded server: it compiles, and it does what the README says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadmeSnippetsTest {
  private EmbeddedServer server;
  private PaddockFramework framework;

  @BeforeAll
  void connect() throws Exception {
    server = EmbeddedServer.builder().build().start();
    String connectString = server.connectString();
    // README: the framework.
    framework = PaddockFramework.builder().connectString(connectString).build();
    framework.start();
    framework.blockUntilConnected(Duration.ofSeconds(10));
    framework.create().creatingParentsIfNeeded().forPath("/app/ledger");
  }

  @AfterAll
  void close() {
    framework.close();
    server.close();
  }

  @Test
  void theLockSnippetWritesTheLedgerUnderAGuard() throws Exception {
    InterProcessMutex lock = new InterProcessMutex(framework, "/app/lock");
    lock.acquire();
    Grant grant;
    try {
      grant = lock.grant(); // grant.token() grows with every grant
      framework
          .transaction()
          .add(grant.guard()) // refused once this holder has lost the lock
          .setData("/app/ledger", "paid".getBytes(UTF_8))
          .commit();
    } finally {
      lock.release();
    }
    assertArrayEquals("paid".getBytes(UTF_8), framework.getData().forPath("/app/ledger"));
    assertTrue(grant.token() > 0, "a grant has a token");
  }

  @Test
  void theLatchSnippetLeadsAlone() throws Exception {
    long token;
    try (LeaderLatch latch = new LeaderLatch(framework, "/app/leader", "node-1")) {
      latch.start();
      latch.await(); // returns once this process leads
      token = latch.leadershipGrant().orElseThrow().token();
      assertTrue(latch.hasLeadership(), "the only candidate leads");
    }
    assertTrue(token > 0, "leadership has a token");
  }

  @Test
  void theConfigSnippetHearsThePublishedChange() throws Exception {
    BlockingQueue<ConfigChange<String>> heard = new LinkedBlockingQueue<>();
    ConfigSubscriber<String> config =
        new ConfigSubscriber<>(framework, "/app/config", ValueCodec.string());
    config.addListener(
        change -> {
          System.out.println(change.key() + ": " + change.oldValue() + " -> " + change.newValue());
          heard.add(change);
        });
    config.start();
    try {
      assertTrue(config.awaitInitialized(Duration.ofSeconds(10)), "the subscriber reads");
      new ConfigPublisher<>(framework, "/app/config", ValueCodec.string())
          .publish("search.enabled", "true"); // every subscriber hears it
      ConfigChange<String> change = heard.poll(20, TimeUnit.SECONDS);
      assertTrue(change != null, "the subscriber heard the change");
      assertEquals("search.enabled", change.key());
      assertEquals(Optional.of("true"), change.newValue());
    } finally {
      config.close();
    }
  }
}
