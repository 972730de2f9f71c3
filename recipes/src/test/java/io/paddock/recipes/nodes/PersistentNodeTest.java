package io.paddock.recipes.nodes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.WatchedEvent;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Persistent and TTL nodes: re-creation after deletes, session loss, restarts; clean close. */
class PersistentNodeTest extends RecipeTestBase {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Stat stat(PaddockFramework fw, String path) throws Exception {
    return fw.checkExists().forPath(path);
  }

  @Test
  void ephemeralNodeIsRecreatedAfterAnExternalDeleteAndASessionExpiry() throws Exception {
    PaddockFramework owner = newFramework();
    PaddockFramework other = newFramework();
    PersistentNode node =
        closeAfter(PersistentNode.builder(owner, "/pn/eph/a").data(bytes("one")).build());
    List<String> created = new CopyOnWriteArrayList<>();
    node.addListener(created::add);
    node.start();
    assertTrue(node.waitForInitialCreate(WAIT));
    assertEquals("/pn/eph/a", node.actualPath().orElseThrow());

    other.delete().forPath("/pn/eph/a");
    await().atMost(WAIT).until(() -> stat(other, "/pn/eph/a") != null);
    assertArrayEquals(bytes("one"), other.getData().forPath("/pn/eph/a"));

    long before = owner.client().sessionId();
    expireSession(owner);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Stat s = stat(other, "/pn/eph/a");
              return s != null && s.ephemeralOwner() != before;
            });
    assertEquals(owner.client().sessionId(), stat(other, "/pn/eph/a").ephemeralOwner());
    assertTrue(created.size() >= 3, "created, re-created twice: " + created);

    node.setData(bytes("two"));
    assertArrayEquals(bytes("two"), other.getData().forPath("/pn/eph/a"));
    node.close();
    assertNull(stat(other, "/pn/eph/a"), "close deletes the node");
    await().atMost(WAIT).until(() -> !hasWatch(owner, "/pn/eph/a", WatcherType.ANY));
  }

  @Test
  void protectedSequentialNodeKeepsItsNameAcrossSessionLoss() throws Exception {
    PaddockFramework owner = newFramework();
    PaddockFramework other = newFramework();
    PersistentNode node =
        closeAfter(
            PersistentNode.builder(owner, "/pn/seq/member-")
                .mode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .protection(true)
                .build());
    node.start();
    assertTrue(node.waitForInitialCreate(WAIT));
    String path = node.actualPath().orElseThrow();
    assertTrue(path.startsWith("/pn/seq/_c_") && path.endsWith("member-0000000000"), path);

    expireSession(owner);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Stat s = stat(other, path);
              return s != null && s.ephemeralOwner() == owner.client().sessionId();
            });
    assertEquals(
        List.of(path.substring("/pn/seq/".length())), other.getChildren().forPath("/pn/seq"));
    assertEquals(path, node.actualPath().orElseThrow());
  }

  @Test
  void aSequentialNodeStartedBeforeTheConnectionIsCreatedOnce() throws Exception {
    PaddockFramework other = newFramework();
    PaddockFramework owner = closeAfter(frameworkBuilder().build());
    owner.start();
    PersistentNode node =
        closeAfter(
            PersistentNode.builder(owner, "/pn/early/n-")
                .mode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .build());
    node.start(); // before CONNECTED: the start and the state listener both want to create
    assertTrue(node.waitForInitialCreate(WAIT));
    await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> other.getChildren().forPath("/pn/early").size() == 1);
  }

  @Test
  void anEphemeralNodeOfAnotherLiveSessionIsTakenOverOnlyOnceItGoes() throws Exception {
    PaddockFramework first = newFramework();
    PaddockFramework second = newFramework();
    PersistentNode a =
        closeAfter(PersistentNode.builder(first, "/pn/dup/x").data(bytes("a")).build());
    a.start();
    assertTrue(a.waitForInitialCreate(WAIT));
    PersistentNode b =
        closeAfter(PersistentNode.builder(second, "/pn/dup/x").data(bytes("b")).build());
    b.start();
    assertFalse(b.waitForInitialCreate(Duration.ofMillis(500)), "the node is someone else's");
    assertEquals(first.client().sessionId(), stat(second, "/pn/dup/x").ephemeralOwner());
    a.close();
    assertTrue(b.waitForInitialCreate(WAIT));
    assertEquals(second.client().sessionId(), stat(first, "/pn/dup/x").ephemeralOwner());
    assertArrayEquals(bytes("b"), first.getData().forPath("/pn/dup/x"));
  }

  @Test
  void persistentNodeSurvivesAServerRestartAndAdoptsAnExistingNode() throws Exception {
    PaddockFramework owner = newFramework();
    PaddockFramework other = newFramework();
    other.create().creatingParentsIfNeeded().forPath("/pn/per/x", bytes("theirs"));
    PersistentNode node =
        closeAfter(
            PersistentNode.builder(owner, "/pn/per/x")
                .mode(CreateMode.PERSISTENT)
                .data(bytes("ours"))
                .build());
    node.start();
    assertTrue(node.waitForInitialCreate(WAIT));
    assertArrayEquals(bytes("ours"), other.getData().forPath("/pn/per/x"), "adopted, our data");

    core().stop();
    core().start();
    assertTrue(owner.blockUntilConnected(WAIT));
    other.delete().forPath("/pn/per/x");
    await().atMost(WAIT).until(() -> stat(other, "/pn/per/x") != null);
    node.close();
    assertNull(stat(other, "/pn/per/x"));
  }

  @Test
  void missingParentWithoutParentCreationIsReportedNotLooped() throws Exception {
    PaddockFramework owner = newFramework();
    PersistentNode node =
        closeAfter(
            PersistentNode.builder(owner, "/pn/noparent/deep/x").parentCreation(false).build());
    node.start();
    assertFalse(node.waitForInitialCreate(Duration.ofMillis(300)));
    await().atMost(WAIT).until(() -> node.failure().isPresent());
    node.close();
    assertNull(stat(owner, "/pn/noparent"));
  }

  @Test
  void ttlNodeStaysWhileTouchedWithoutParentDataEventsAndIsReapedAfterClose() throws Exception {
    PaddockFramework owner = newFramework();
    PaddockFramework other = newFramework();
    long ttlMs = 1_000;
    PersistentTtlNode node =
        closeAfter(new PersistentTtlNode(owner, "/pn/ttl/x", ttlMs, bytes("alive")));
    node.start();
    assertTrue(node.waitForInitialCreate(WAIT));
    List<WatchedEvent> events = new CopyOnWriteArrayList<>();
    other.addWatchListener(events::add);
    other.getData().watched().forPath("/pn/ttl/x");
    await().atMost(WAIT).until(() -> stat(other, "/pn/ttl/x/touch") != null);
    // several TTLs pass: the node is still there, its data watch never fired
    await()
        .pollDelay(Duration.ofMillis(3 * ttlMs))
        .atMost(WAIT)
        .until(() -> stat(other, "/pn/ttl/x") != null);
    assertTrue(
        events.stream().noneMatch(e -> e.type() == EventType.NODE_DATA_CHANGED), "" + events);
    node.close();
    await().atMost(WAIT).until(() -> stat(other, "/pn/ttl/x") == null);
    await()
        .atMost(WAIT)
        .until(() -> events.stream().anyMatch(e -> e.type() == EventType.NODE_DELETED));
  }
}
