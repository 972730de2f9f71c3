package io.paddock.recipes.naming;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.WatcherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The naming service: bind, resolve, list, unbind, unique names, watches, name rules. */
class NamingServiceTest extends RecipeTestBase {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bindResolveListRebindUnbind() throws Exception {
    NamingService names = new NamingService(newFramework(), "/names1");
    assertEquals(List.of(), names.list());
    names.bind("db.orders.primary", new Endpoint("10.0.0.5", 5432));
    names.bind("ipv6", new Endpoint("::1", 80));
    names.bind("blob", bytes("raw"));
    PaddockException dup =
        assertThrows(PaddockException.class, () -> names.bind("blob", bytes("again")));
    assertEquals(ErrorCode.NODEEXISTS, dup.code());

    assertEquals(
        Optional.of(new Endpoint("10.0.0.5", 5432)), names.resolveEndpoint("db.orders.primary"));
    assertEquals(Optional.of(new Endpoint("::1", 80)), names.resolveEndpoint("ipv6"));
    assertEquals("[::1]:80", new Endpoint("::1", 80).toString());
    assertArrayEquals(bytes("raw"), names.resolve("blob").orElseThrow());
    assertEquals(List.of("blob", "db.orders.primary", "ipv6"), names.list());

    names.rebind("blob", bytes("new"));
    assertArrayEquals(bytes("new"), names.resolve("blob").orElseThrow());
    assertTrue(names.unbind("blob"));
    assertFalse(names.unbind("blob"));
    assertTrue(names.resolve("blob").isEmpty());
  }

  @Test
  void uniqueNamesGrowAndNeverRepeat() throws Exception {
    NamingService a = new NamingService(newFramework(), "/names2");
    NamingService b = new NamingService(newFramework(), "/names2");
    String first = a.allocateUniqueName("job-", bytes("1"));
    String second = b.allocateUniqueName("job-", bytes("2"));
    assertEquals("job-0000000000", first);
    assertEquals("job-0000000001", second);
    assertArrayEquals(bytes("2"), a.resolve(second).orElseThrow());
  }

  @Test
  void watchingANameSeesBindRebindUnbindAndLeavesNoWatch() throws Exception {
    PaddockFramework fw = newFramework();
    NamingService names = new NamingService(fw, "/names3");
    List<String> seen = new CopyOnWriteArrayList<>();
    NameWatch watch =
        closeAfter(
            names.watch(
                "svc",
                (name, data) ->
                    seen.add(
                        name
                            + "="
                            + data.map(d -> new String(d, StandardCharsets.UTF_8)).orElse("-"))));
    assertTrue(watch.awaitInitialized(WAIT));
    names.bind("svc", bytes("a"));
    await().atMost(WAIT).until(() -> watch.current().isPresent());
    names.rebind("svc", bytes("b"));
    names.unbind("svc");
    await().atMost(WAIT).until(() -> seen.size() == 3);
    assertEquals(List.of("svc=a", "svc=b", "svc=-"), seen);
    watch.close();
    await().atMost(WAIT).until(() -> !hasWatch(fw, "/names3/svc", WatcherType.ANY));
  }

  @Test
  void invalidNamesAndEndpointsAreRefused() {
    for (String bad : new String[] {"", "a/b", ".hidden", "-x", "sp ace", "x".repeat(201)}) {
      assertThrows(
          IllegalArgumentException.class, () -> NamingService.validateName(bad), "'" + bad + "'");
    }
    assertEquals("ok.name_1:2@3-4", NamingService.validateName("ok.name_1:2@3-4"));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("nohost"));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("h:99999"));
  }
}
