package io.paddock.recipes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.client.WatchedEvent;
import io.paddock.recipes.internal.CoreAccess;
import io.paddock.recipes.internal.FrameworkLimits;
import io.paddock.recipes.testing.DroppingProxy;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import io.paddock.store.model.WatcherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The fluent operations and their options, on a live server. */
class FrameworkOpsTest extends RecipeTestBase {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void namespacedOperationsSeeOnlyTheirSubtreeAndCreateTheNamespaceNode() throws Exception {
    PaddockFramework fw = started(frameworkBuilder().namespace("ops1").build());
    assertEquals("/a", fw.create().forPath("/a", bytes("x")));
    PaddockClient raw = fw.client();
    assertArrayEquals(bytes("x"), raw.blocking().getData("/ops1/a").data());

    AtomicReference<Stat> stat = new AtomicReference<>();
    assertArrayEquals(bytes("x"), fw.getData().storingStatIn(stat).forPath("/a"));
    assertEquals(0, stat.get().version());
    assertThrows(
        PaddockException.BadVersionException.class,
        () -> fw.setData().withVersion(5).forPath("/a", bytes("y")));
    assertEquals(1, fw.setData().withVersion(0).forPath("/a", bytes("y")).version());
    assertEquals(List.of("a"), fw.getChildren().forPath("/"));
    assertNotNull(fw.checkExists().forPath("/a"));

    PaddockFramework other = fw.usingNamespace("ops1/inner");
    assertEquals("ops1/inner", other.namespace());
    other.create().creatingParentsIfNeeded().forPath("/b");
    assertNotNull(fw.checkExists().forPath("/inner/b"), "same connection, other namespace");

    fw.delete().forPath("/a");
    assertNull(fw.checkExists().forPath("/a"));
    assertThrows(PaddockException.NoNodeException.class, () -> fw.delete().forPath("/a"));
    fw.delete().quietly().forPath("/a");
  }

  @Test
  void parentsArePersistentOrContainersAsAsked() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().creatingParentsIfNeeded().forPath("/p1/p2/leaf");
    fw.create().creatingParentContainersIfNeeded().forPath("/c1/c2/leaf");
    fw.delete().forPath("/p1/p2/leaf");
    fw.delete().forPath("/c1/c2/leaf");
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/c1") == null);
    assertNotNull(fw.checkExists().forPath("/p1/p2"), "persistent parents stay");
    assertThrows(
        PaddockException.NoNodeException.class,
        () -> fw.create().forPath("/missing/leaf"),
        "no parents without asking");
    fw.delete().deletingChildrenIfNeeded().forPath("/p1");
    assertNull(fw.checkExists().forPath("/p1"));
  }

  @Test
  void protectedNamesCarryTheGuidPrefix() throws Exception {
    PaddockFramework fw = newFramework();
    String path =
        fw.create()
            .creatingParentContainersIfNeeded()
            .withProtection()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .forPath("/prot1/lock-");
    String name = path.substring("/prot1/".length());
    assertTrue(name.startsWith(FrameworkLimits.PROTECTED_PREFIX), name);
    assertEquals('-', name.charAt(FrameworkLimits.PROTECTED_PREFIX_LENGTH - 1), name);
    assertTrue(name.substring(FrameworkLimits.PROTECTED_PREFIX_LENGTH).startsWith("lock-"), name);
    assertEquals(FrameworkLimits.PROTECTED_PREFIX_LENGTH + "lock-".length() + 10, name.length());
  }

  @Test
  void protectedCreateAdoptsItsNodeAfterALostReply() throws Exception {
    PaddockFramework fw = newFramework();
    CreateResult r =
        fw.create()
            .creatingParentContainersIfNeeded()
            .withProtection()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .simulateLostReply(() -> {})
            .forPathWithStat("/prot2/lock-", null);
    List<String> children = fw.getChildren().forPath("/prot2");
    assertEquals(1, children.size(), "exactly one node for one create: " + children);
    assertEquals("/prot2/" + children.get(0), r.path(), "the retry adopted the node");
    assertEquals(fw.client().sessionId(), r.stat().ephemeralOwner());
  }

  @Test
  void aProtectedCreateWhoseConnectionDropsRightAfterTheRequestMakesExactlyOneNode()
      throws Exception {
    int port = Integer.parseInt(connectString().substring(connectString().lastIndexOf(':') + 1));
    DroppingProxy proxy = closeAfter(new DroppingProxy(port));
    PaddockFramework fw =
        started(
            frameworkBuilder()
                .connectString(proxy.connectString())
                .retryPolicy(new RetryNTimes(10, 100))
                .build());
    fw.create().creatingParentsIfNeeded().forPath("/prot4/ready");
    proxy.dropAfterNextRequest();
    CreateResult r =
        fw.create()
            .withProtection()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .forPathWithStat("/prot4/lock-", null);
    assertFalse(proxy.dropPending(), "the connection was cut");
    List<String> locks =
        fw.getChildren().forPath("/prot4").stream().filter(c -> c.contains("lock-")).toList();
    assertEquals(1, locks.size(), "exactly one node: " + locks);
    assertEquals("/prot4/" + locks.get(0), r.path());
  }

  @Test
  void protectedRetryDeletesTheNodeOfASessionThatChanged() throws Exception {
    PaddockFramework fw = newFramework();
    AtomicReference<PaddockClient> oldClient = new AtomicReference<>();
    CreateResult r =
        fw.create()
            .creatingParentContainersIfNeeded()
            .withProtection()
            .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .simulateLostReply(
                () -> oldClient.set(CoreAccess.of(fw).connections().replaceClientKeepingSession()))
            .forPathWithStat("/prot3/lock-", null);
    closeAfter(oldClient.get());
    long oldSession = oldClient.get().sessionId();
    long newSession = fw.client().sessionId();
    assertTrue(oldSession != newSession, "the hook changed the session");
    assertEquals(newSession, r.stat().ephemeralOwner(), "the node is the new session's");
    await().atMost(WAIT).until(() -> fw.getChildren().forPath("/prot3").size() == 1);
    assertEquals("/prot3/" + fw.getChildren().forPath("/prot3").get(0), r.path());
  }

  @Test
  void anUnprotectedCreateIsNotRetriedAfterALostReply() throws Exception {
    PaddockFramework fw = newFramework();
    assertThrows(
        PaddockException.ConnectionLossException.class,
        () -> fw.create().simulateLostReply(() -> {}).forPath("/unprot", null));
    assertNotNull(fw.checkExists().forPath("/unprot"), "the create did reach the server");
  }

  @Test
  void orSetDataOverwritesAnExistingNode() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().forPath("/osd", bytes("1"));
    fw.create().orSetData().forPath("/osd", bytes("2"));
    assertArrayEquals(bytes("2"), fw.getData().forPath("/osd"));
    assertThrows(
        PaddockException.NodeExistsException.class, () -> fw.create().forPath("/osd", bytes("3")));
  }

  @Test
  void ttlNodesNeedATtlAndOnlyThey() throws Exception {
    PaddockFramework fw = newFramework();
    String path =
        fw.create().withMode(CreateMode.PERSISTENT_WITH_TTL).withTtl(60_000).forPath("/ttl1");
    assertEquals("/ttl1", path);
    assertThrows(
        IllegalArgumentException.class,
        () -> fw.create().withMode(CreateMode.PERSISTENT_WITH_TTL).forPath("/ttl2"));
    assertThrows(IllegalArgumentException.class, () -> fw.create().withTtl(5).forPath("/ttl3"));
  }

  @Test
  void defaultDataAndAclComeFromTheBuilder() throws Exception {
    PaddockFramework fw = started(frameworkBuilder().defaultData(bytes("dflt")).build());
    fw.create().forPath("/dd");
    assertArrayEquals(bytes("dflt"), fw.getData().forPath("/dd"));
  }

  @Test
  void transactionsApplyAtomicallyWithTypedResults() throws Exception {
    PaddockFramework fw = started(frameworkBuilder().namespace("tx").build());
    fw.create().forPath("/t", bytes("0"));
    List<TransactionResult> results =
        fw.transaction()
            .check("/t", 0)
            .create("/t/seq-", bytes("a"), CreateMode.PERSISTENT_SEQUENTIAL)
            .setData("/t", bytes("1"))
            .commit();
    assertEquals(TransactionResult.Type.CHECK, results.get(0).type());
    assertTrue(results.get(1).resultPath().startsWith("/t/seq-"), results.get(1).resultPath());
    assertEquals(1, results.get(2).resultStat().version());

    PaddockException e =
        assertThrows(
            PaddockException.class,
            () -> fw.transaction().create("/t/x", null).check("/t", 0).commit());
    assertInstanceOf(PaddockException.BadVersionException.class, e);
    assertNull(fw.checkExists().forPath("/t/x"), "nothing of a failed transaction applies");
  }

  @Test
  void oneShotWatchesSeeNamespaceFreePathsAndPersistentWatchesStay() throws Exception {
    PaddockFramework fw = started(frameworkBuilder().namespace("w").build());
    fw.create().forPath("/node", bytes("a"));
    BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
    fw.getData().usingWatcher(events::add).forPath("/node");
    fw.setData().forPath("/node", bytes("b"));
    WatchedEvent e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(e);
    assertEquals(EventType.NODE_DATA_CHANGED, e.type());
    assertEquals("/node", e.path());

    BlockingQueue<WatchedEvent> persistent = new LinkedBlockingQueue<>();
    fw.watches()
        .add()
        .withMode(AddWatchMode.PERSISTENT_RECURSIVE)
        .usingWatcher(persistent::add)
        .forPath("/node");
    fw.create().forPath("/node/child");
    fw.setData().forPath("/node/child", bytes("c"));
    assertEquals("/node/child", persistent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).path());
    assertEquals(
        EventType.NODE_DATA_CHANGED,
        persistent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).type(),
        "a persistent watch fires again");

    BlockingQueue<WatchedEvent> viaListener = new LinkedBlockingQueue<>();
    fw.addWatchListener(viaListener::add);
    fw.checkExists().watched().forPath("/node/later");
    fw.create().forPath("/node/later");
    WatchedEvent created = viaListener.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(EventType.NODE_CREATED, created.type());
    assertEquals("/node/later", created.path());
  }

  @Test
  void aWatcherRemovingFacadeRemovesEveryWatchItSet() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().forPath("/wr");
    WatcherRemovingFramework recipe = fw.newWatcherRemovingFramework();
    recipe.getData().usingWatcher(e -> {}).forPath("/wr");
    recipe.getChildren().usingWatcher(e -> {}).forPath("/wr");
    recipe.checkExists().usingWatcher(e -> {}).forPath("/wr-absent");
    recipe.watches().add().usingWatcher(e -> {}).forPath("/wr");
    assertTrue(hasWatch(fw, "/wr", WatcherType.DATA));
    assertTrue(hasWatch(fw, "/wr", WatcherType.PERSISTENT_RECURSIVE));
    assertEquals(4, recipe.trackedWatchCount(), "four watches tracked");
    recipe.removeWatchers();
    await()
        .atMost(WAIT)
        .until(
            () ->
                !hasWatch(fw, "/wr", WatcherType.ANY)
                    && !hasWatch(fw, "/wr-absent", WatcherType.ANY)
                    && !hasWatch(fw, "/wr", WatcherType.PERSISTENT_RECURSIVE));
    assertEquals(0, recipe.trackedWatchCount());
  }

  @Test
  void aFiredOneShotWatchIsNoLongerTracked() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().forPath("/fired");
    WatcherRemovingFramework recipe = fw.newWatcherRemovingFramework();
    CompletableFuture<WatchedEvent> fired = new CompletableFuture<>();
    recipe.getData().usingWatcher(fired::complete).forPath("/fired");
    assertEquals(1, recipe.trackedWatchCount());
    fw.setData().forPath("/fired", bytes("z"));
    fired.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(0, recipe.trackedWatchCount());
  }

  @Test
  void aBlockingCallOnTheClientsEventThreadFailsInsteadOfDeadlocking() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().forPath("/evt");
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    fw.getData()
        .usingWatcher(
            e -> {
              try {
                fw.getData().forPath("/evt");
                thrown.complete(null);
              } catch (Throwable t) {
                thrown.complete(t);
              }
            })
        .forPath("/evt");
    fw.setData().forPath("/evt", bytes("go"));
    assertInstanceOf(
        IllegalStateException.class, thrown.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertFalse(fw.getData().forPath("/evt").length == 0);
  }
}
