package io.paddock.recipes.config;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.WatcherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Config pub/sub: codecs, single-key CAS, atomic set-publish, typed change events, resync. */
class ConfigTest extends RecipeTestBase {

  @Test
  void codecsRoundTripAndRefuseMalformedData() {
    assertEquals("héllo", ValueCodec.string().decode(ValueCodec.string().encode("héllo")));
    assertArrayEquals(new byte[] {1, 2}, ValueCodec.bytes().decode(new byte[] {1, 2}));
    assertEquals(-42L, ValueCodec.longs().decode(ValueCodec.longs().encode(-42L)));
    Properties p = new Properties();
    p.setProperty("b", "two words");
    p.setProperty("a", "x=y\nz");
    byte[] encoded = ValueCodec.properties().encode(p);
    assertEquals(p, ValueCodec.properties().decode(encoded));
    Properties same = new Properties();
    same.putAll(Map.of("a", "x=y\nz", "b", "two words"));
    assertArrayEquals(encoded, ValueCodec.properties().encode(same), "deterministic bytes");
    assertThrows(
        IllegalArgumentException.class,
        () -> ValueCodec.longs().decode("12x".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        IllegalArgumentException.class, () -> ValueCodec.string().decode(new byte[] {(byte) 0xff}));
  }

  @Test
  void singleKeysPublishCompareAndSetAndSubscribersSeeOldAndNewValues() throws Exception {
    PaddockFramework pubFw = newFramework();
    PaddockFramework subFw = newFramework();
    ConfigPublisher<Long> pub = new ConfigPublisher<>(pubFw, "/cfg1/app", ValueCodec.longs());
    ConfigSubscriber<Long> sub =
        closeAfter(new ConfigSubscriber<>(subFw, "/cfg1/app", ValueCodec.longs()));
    List<String> changes = new CopyOnWriteArrayList<>();
    sub.addListener(
        c ->
            changes.add(
                c.key()
                    + ":"
                    + c.oldValue().map(String::valueOf).orElse("-")
                    + "->"
                    + c.newValue().map(String::valueOf).orElse("-")));
    sub.start();
    assertTrue(sub.awaitInitialized(WAIT));

    assertEquals(0, pub.publish("limit", 10L));
    assertEquals(1, pub.publish("limit", 20L));
    assertEquals(2, pub.compareAndPublish("limit", 30L, 1));
    PaddockException stale =
        assertThrows(PaddockException.class, () -> pub.compareAndPublish("limit", 99L, 1));
    assertEquals(ErrorCode.BADVERSION, stale.code());
    PaddockException exists =
        assertThrows(
            PaddockException.class,
            () -> pub.compareAndPublish("limit", 99L, ConfigPublisher.VERSION_NEW));
    assertEquals(ErrorCode.NODEEXISTS, exists.code());
    assertEquals(new VersionedValue<>(30L, 2), pub.read("limit").orElseThrow());
    await().atMost(WAIT).until(() -> sub.get("limit").equals(Optional.of(30L)));
    assertEquals(2, sub.getVersioned("limit").orElseThrow().version());
    pub.remove("limit");
    await().atMost(WAIT).until(() -> sub.get("limit").isEmpty());
    assertEquals("limit:-->10", changes.get(0));
    assertEquals("limit:30->-", changes.get(changes.size() - 1));
    assertThrows(IllegalArgumentException.class, () -> pub.publish("a/b", 1L));

    sub.close();
    await().atMost(WAIT).until(() -> !hasWatch(subFw, "/cfg1/app", WatcherType.ANY));
  }

  @Test
  void publishAllReplacesTheSetAtomicallyAndAStaleGenerationChangesNothing() throws Exception {
    PaddockFramework fw = newFramework();
    ConfigPublisher<String> pub = new ConfigPublisher<>(fw, "/cfg2", ValueCodec.string());
    ConfigSubscriber<String> sub =
        closeAfter(new ConfigSubscriber<>(newFramework(), "/cfg2", ValueCodec.string()));
    sub.start();
    assertEquals(0, pub.generation());
    int g1 = pub.publishAll(Map.of("a", "1", "b", "1"), ConfigPublisher.GENERATION_ANY);
    int g2 = pub.publishAll(Map.of("b", "2", "c", "2"), g1);
    assertEquals(g1 + 1, g2);
    assertEquals(List.of("b", "c"), fw.getChildren().forPath("/cfg2").stream().sorted().toList());

    PaddockException stale =
        assertThrows(PaddockException.class, () -> pub.publishAll(Map.of("z", "9"), g1));
    assertEquals(ErrorCode.BADVERSION, stale.code());
    assertEquals(g2, pub.generation());
    assertEquals(List.of("b", "c"), fw.getChildren().forPath("/cfg2").stream().sorted().toList());
    await().atMost(WAIT).until(() -> sub.snapshot().equals(Map.of("b", "2", "c", "2")));
  }

  @Test
  void aSubscriberCatchesUpAfterItsSessionExpired() throws Exception {
    PaddockFramework pubFw = newFramework();
    PaddockFramework subFw = newFramework();
    ConfigPublisher<String> pub = new ConfigPublisher<>(pubFw, "/cfg3", ValueCodec.string());
    pub.publish("k", "before");
    ConfigSubscriber<String> sub =
        closeAfter(new ConfigSubscriber<>(subFw, "/cfg3", ValueCodec.string()));
    sub.start();
    assertTrue(sub.awaitInitialized(WAIT));
    assertEquals(Optional.of("before"), sub.get("k"));
    expireSession(subFw);
    pub.publish("k", "after");
    pub.publish("k2", "new");
    await().atMost(WAIT).until(() -> sub.snapshot().equals(Map.of("k", "after", "k2", "new")));
  }
}
