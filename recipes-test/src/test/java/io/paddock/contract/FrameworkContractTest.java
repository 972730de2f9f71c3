package io.paddock.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.RetryOneTime;
import io.paddock.store.model.CreateMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The framework on every core: protected create after a lost reply, guaranteed delete across an
 * outage, namespaces, and the connection states of a restart and of a session expiry.
 */
class FrameworkContractTest extends ContractTestBase {
  private static final int PROXY_RETRIES = 10;
  private static final int SHORT_CONNECTION_TIMEOUT_MS = 500;

  @ContractTest
  void aProtectedCreateWhoseReplyIsLostMakesExactlyOneNodeAndAdoptsIt(CoreKind core)
      throws Exception {
    FaultProxy proxy = newProxy();
    PaddockFramework fw =
        started(
            frameworkBuilder()
                .connectString(proxy.connectString())
                .retryPolicy(new RetryNTimes(PROXY_RETRIES, 100))
                .build());
    String parent = path("protected");
    fw.create().creatingParentContainersIfNeeded().forPath(parent + "/anchor");
    proxy.dropAfterNext(FaultProxy.CREATE_OPS);
    CreateResult created =
        fw.create()
            .withProtection()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .forPathWithStat(parent + "/lock-", null);
    assertFalse(proxy.dropPending(), "the create's reply was lost");
    List<String> locks =
        fw.getChildren().forPath(parent).stream().filter(c -> c.contains("lock-")).toList();
    assertEquals(1, locks.size(), "exactly one node for one protected create: " + locks);
    assertEquals(parent + "/" + locks.get(0), created.path(), "the retry adopted the node");
    assertEquals(fw.client().sessionId(), created.stat().ephemeralOwner());
    fw.delete().forPath(created.path());
    fw.delete().forPath(parent + "/anchor");
    assertCleanAfterClose(parent, fw);
  }

  /**
   * Whether the lost create took effect differs by core and timing (Apache ZooKeeper drops a
   * request whose connection closed before it was processed; Paddock applies it), so the contract
   * is only: the framework does not retry it, it reports a connection loss, and the node exists at
   * most once.
   */
  @ContractTest
  void anUnprotectedCreateWhoseReplyIsLostIsNotRetried(CoreKind core) throws Exception {
    FaultProxy proxy = newProxy();
    PaddockFramework fw =
        started(
            frameworkBuilder()
                .connectString(proxy.connectString())
                .retryPolicy(new RetryNTimes(PROXY_RETRIES, 100))
                .build());
    String parent = path("unprotected");
    fw.create().creatingParentContainersIfNeeded().forPath(parent + "/anchor");
    proxy.dropAfterNext(FaultProxy.CREATE_OPS);
    assertThrows(
        PaddockException.ConnectionLossException.class,
        () -> fw.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(parent + "/seq-"));
    assertFalse(proxy.dropPending(), "the create's reply was lost");
    List<String> made =
        fw.getChildren().forPath(parent).stream().filter(c -> c.startsWith("seq-")).toList();
    assertTrue(made.size() <= 1, "a create that was not retried made at most one node: " + made);
    for (String child : fw.getChildren().forPath(parent)) {
      fw.delete().forPath(parent + "/" + child);
    }
    assertCleanAfterClose(parent, fw);
  }

  @ContractTest
  void aGuaranteedDeleteIssuedDuringAnOutageCompletesAfterIt(CoreKind core) throws Exception {
    PaddockFramework fw =
        started(
            frameworkBuilder()
                .connectionTimeoutMs(SHORT_CONNECTION_TIMEOUT_MS)
                .retryPolicy(new RetryOneTime(10))
                .build());
    String node = path("guaranteed");
    fw.create().creatingParentContainersIfNeeded().forPath(node);
    stopServer();
    try {
      assertThrows(
          PaddockException.ConnectionLossException.class,
          () -> fw.delete().guaranteed().forPath(node));
    } finally {
      startServer();
    }
    await().atMost(WAIT).ignoreExceptions().until(() -> fw.checkExists().forPath(node) == null);
    assertCleanAfterClose(root(), fw);
  }

  @ContractTest
  void namespacedOperationsStayInTheirSubtree(CoreKind core) throws Exception {
    String namespace = root().substring(1) + "/ns";
    PaddockFramework fw = started(frameworkBuilder().namespace(namespace).build());
    byte[] x = "x".getBytes(StandardCharsets.UTF_8);
    assertEquals("/a", fw.create().forPath("/a", x));
    try (PaddockClient admin = adminClient()) {
      assertArrayEquals(x, admin.blocking().getData("/" + namespace + "/a").data());
    }
    assertEquals(List.of("a"), fw.getChildren().forPath("/"));
    PaddockFramework inner = fw.usingNamespace(namespace + "/inner");
    inner.create().creatingParentsIfNeeded().forPath("/b");
    assertNotNull(fw.checkExists().forPath("/inner/b"), "same connection, nested namespace");
    assertNull(fw.checkExists().forPath("/b"));
    fw.delete().deletingChildrenIfNeeded().forPath("/inner");
    fw.delete().forPath("/a");
    assertEquals(List.of(), fw.getChildren().forPath("/"));
    assertNoWatches(fw);
  }

  @ContractTest
  void aRestartIsSuspendedThenReconnectedWithTheSameSession(CoreKind core) throws Exception {
    PaddockFramework fw = frameworkBuilder().build();
    List<ConnectionState> states = recordStates(fw);
    started(fw);
    fw.create()
        .creatingParentContainersIfNeeded()
        .withMode(CreateMode.EPHEMERAL)
        .forPath(path("eph"));
    long session = fw.client().sessionId();
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.CONNECTED));
    restartServer();
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.RECONNECTED));
    assertEquals(
        List.of(ConnectionState.CONNECTED, ConnectionState.SUSPENDED, ConnectionState.RECONNECTED),
        states);
    assertEquals(session, fw.client().sessionId(), "the session survived the restart");
    assertNotNull(fw.checkExists().forPath(path("eph")), "and so did its ephemeral node");
    fw.delete().forPath(path("eph"));
    assertCleanAfterClose(root(), fw);
  }

  @ContractTest
  void anExpiredSessionIsLostThenReconnectedWithANewSession(CoreKind core) throws Exception {
    PaddockFramework fw = frameworkBuilder().build();
    List<ConnectionState> states = recordStates(fw);
    started(fw);
    fw.create()
        .creatingParentContainersIfNeeded()
        .withMode(CreateMode.EPHEMERAL)
        .forPath(path("eph"));
    long session = fw.client().sessionId();
    expireSession(fw);
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.LOST));
    await().atMost(WAIT).until(() -> states.get(states.size() - 1) == ConnectionState.RECONNECTED);
    assertNotEquals(session, fw.client().sessionId(), "a new session");
    assertTrue(fw.isConnected());
    assertNull(fw.checkExists().forPath(path("eph")), "the old session's ephemeral is gone");
    assertCleanAfterClose(root(), fw);
  }
}
