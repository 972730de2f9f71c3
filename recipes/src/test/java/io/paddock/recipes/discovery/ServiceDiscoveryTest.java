package io.paddock.recipes.discovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Service discovery: register, query, update, unregister, session loss, caches and providers. */
class ServiceDiscoveryTest extends RecipeTestBase {

  private static ServiceInstance instance(String name, String id, int port) {
    return ServiceInstance.builder(name).id(id).address("10.0.0.1").port(port).build();
  }

  private static Set<String> ids(List<ServiceInstance> instances) {
    Set<String> out = new HashSet<>();
    instances.forEach(i -> out.add(i.id()));
    return out;
  }

  @Test
  void registerQueryUpdateUnregisterAndCloseLeavesNothing() throws Exception {
    PaddockFramework fa = newFramework();
    PaddockFramework fb = newFramework();
    ServiceDiscovery a = closeAfter(ServiceDiscovery.create(fa, "/svc1"));
    ServiceDiscovery b = closeAfter(ServiceDiscovery.create(fb, "/svc1"));
    a.start();
    b.start();
    ServiceInstance api1 =
        ServiceInstance.builder("api").id("api-1").port(8080).metadata("zone", "eu").build();
    a.registerService(api1);
    a.registerService(instance("api", "api-2", 8081));
    b.registerService(instance("db", "db-1", 5432));
    assertThrows(IllegalStateException.class, () -> a.registerService(api1));

    assertEquals(List.of("api", "db"), b.queryForNames());
    assertEquals(Set.of("api-1", "api-2"), ids(b.queryForInstances("api")));
    ServiceInstance read = b.queryForInstance("api", "api-1").orElseThrow();
    assertEquals(api1, read, "every field survives the round trip");

    a.updateService(api1.withMetadata(Map.of("zone", "us")));
    assertEquals("us", b.queryForInstance("api", "api-1").orElseThrow().metadata().get("zone"));

    a.unregisterService(api1);
    assertEquals(Set.of("api-2"), ids(b.queryForInstances("api")));
    a.close();
    assertTrue(b.queryForInstances("api").isEmpty());
    await().atMost(WAIT).until(() -> !b.queryForNames().contains("api"));
    b.close();
    await().atMost(WAIT).until(() -> fa.checkExists().forPath("/svc1") == null);
  }

  @Test
  void instancesAreReRegisteredAfterSessionLossAndTheCacheFollows() throws Exception {
    PaddockFramework owner = newFramework();
    PaddockFramework client = newFramework();
    ServiceDiscovery registry = closeAfter(ServiceDiscovery.create(owner, "/svc2"));
    registry.start();
    registry.registerService(instance("api", "a1", 1));
    ServiceDiscovery lookup = closeAfter(ServiceDiscovery.create(client, "/svc2"));
    lookup.start();
    ServiceCache cache = closeAfter(lookup.serviceCache("api"));
    AtomicInteger changes = new AtomicInteger();
    cache.addListener(changes::incrementAndGet);
    cache.start();
    assertTrue(cache.awaitInitialized(WAIT));
    assertEquals(Set.of("a1"), ids(cache.instances()));

    registry.registerService(instance("api", "a2", 2));
    await().atMost(WAIT).until(() -> ids(cache.instances()).equals(Set.of("a1", "a2")));
    assertTrue(changes.get() >= 1);

    long oldSession = owner.client().sessionId();
    expireSession(owner);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var s = client.checkExists().forPath("/svc2/api/a1");
              return s != null && s.ephemeralOwner() != oldSession;
            });
    await().atMost(WAIT).until(() -> ids(cache.instances()).equals(Set.of("a1", "a2")));
    cache.close();
    await().atMost(WAIT).until(() -> !hasWatch(client, "/svc2/api", WatcherType.ANY));
  }

  @Test
  void providerStrategiesAndTheDownInstancePolicy() throws Exception {
    PaddockFramework fw = newFramework();
    ServiceDiscovery discovery = closeAfter(ServiceDiscovery.create(fw, "/svc3"));
    discovery.start();
    for (int i = 0; i < 3; i++) {
      discovery.registerService(instance("web", "w" + i, 9000 + i));
    }
    AtomicLong nowMs = new AtomicLong(1_000);
    ServiceProvider roundRobin =
        closeAfter(
            discovery
                .serviceProvider("web")
                .downInstancePolicy(new DownInstancePolicy(5_000, 2))
                .clockMs(nowMs::get)
                .build());
    roundRobin.start();
    assertTrue(roundRobin.awaitInitialized(WAIT));
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      picks.add(roundRobin.getInstance().orElseThrow().id());
    }
    assertEquals(List.of("w0", "w1", "w2", "w0", "w1", "w2"), picks);

    ServiceInstance w1 = roundRobin.getAllInstances().get(1);
    roundRobin.noteError(w1);
    assertFalse(roundRobin.isDown(w1), "one error is below the threshold");
    roundRobin.noteError(w1);
    assertTrue(roundRobin.isDown(w1));
    for (int i = 0; i < 6; i++) {
      assertFalse(roundRobin.getInstance().orElseThrow().id().equals("w1"), "w1 is down");
    }
    nowMs.addAndGet(5_001);
    assertFalse(roundRobin.isDown(w1), "down only for the down time");

    ServiceProvider sticky =
        closeAfter(
            discovery
                .serviceProvider("web")
                .strategy(new StickyStrategy(new RandomStrategy()))
                .build());
    sticky.start();
    assertTrue(sticky.awaitInitialized(WAIT));
    ServiceInstance first = sticky.getInstance().orElseThrow();
    for (int i = 0; i < 10; i++) {
      assertEquals(first.id(), sticky.getInstance().orElseThrow().id());
    }
    discovery.unregisterService(first);
    await().atMost(WAIT).until(() -> sticky.getAllInstances().size() == 2);
    ServiceInstance second = sticky.getInstance().orElseThrow();
    assertFalse(second.id().equals(first.id()), "moves on once its instance is gone");
    assertEquals(second.id(), sticky.getInstance().orElseThrow().id());
  }

  @Test
  void invalidNamesArePrevented() {
    assertThrows(IllegalArgumentException.class, () -> instance("a/b", "x", 1));
    assertThrows(IllegalArgumentException.class, () -> instance("ok", "", 1));
    assertThrows(IllegalArgumentException.class, () -> instance("ok", "x", 70_000));
  }
}
