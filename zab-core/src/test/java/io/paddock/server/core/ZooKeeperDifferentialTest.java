package io.paddock.server.core;

import static io.paddock.server.core.OfficialClientScript.bytes;
import static io.paddock.server.core.OfficialClientScript.createOp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.paddock.server.EmbeddedServer;
import io.paddock.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same operations, through the official ZooKeeper 3.9 client, against a real ZooKeeper 3.9.3
 * server and against Paddock: every reply (codes, data, children, stat fields other than times,
 * multi results, zxids) and every watch event (type, path, zxid) must be the same.
 */
class ZooKeeperDifferentialTest {
  private static final String EXTENDED_TYPES = "zookeeper.extendedTypesEnabled";
  private static final int TICK_MS = 2000;
  private static final int RANDOM_SEEDS = 5;
  private static final int RANDOM_OPS = 150;
  private static String previousExtendedTypes;

  @TempDir Path dir;

  @BeforeAll
  static void enableTtl() {
    previousExtendedTypes = System.setProperty(EXTENDED_TYPES, "true");
  }

  @AfterAll
  static void restore() {
    if (previousExtendedTypes == null) {
      System.clearProperty(EXTENDED_TYPES);
    } else {
      System.setProperty(EXTENDED_TYPES, previousExtendedTypes);
    }
  }

  interface Scenario {
    void run(OfficialClientScript s) throws Exception;
  }

  private void compare(String name, Scenario scenario) throws Exception {
    List<String> expected;
    try (ZooKeeperPeer zk = new ZooKeeperPeer(dir.resolve(name + "-zk"), TICK_MS);
        OfficialClientScript s = new OfficialClientScript(zk.connectString())) {
      scenario.run(s);
      expected = s.log();
    }
    List<String> actual;
    ServerConfig config =
        ServerConfig.builder()
            .dataDir(dir.resolve(name + "-paddock"))
            .clientPort(0)
            .tickTimeMs(TICK_MS)
            .extendedTypesEnabled(true)
            .build();
    try (EmbeddedServer paddock = EmbeddedServer.builder().config(config).build().start();
        OfficialClientScript s = new OfficialClientScript(paddock.connectString())) {
      scenario.run(s);
      actual = s.log();
    }
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail(
            name
                + ": first difference at line "
                + i
                + "\nbefore:\n"
                + String.join("\n", expected.subList(Math.max(0, i - 5), i))
                + "\nZooKeeper:\n"
                + String.join("\n", expected.subList(i, Math.min(expected.size(), i + 6)))
                + "\nPaddock:\n"
                + String.join("\n", actual.subList(i, Math.min(actual.size(), i + 6))));
      }
    }
    assertEquals(
        expected.size(), actual.size(), name + ": line counts\n" + expected + "\n" + actual);
  }

  @Test
  void scriptedOpsGiveZooKeepersReplies() throws Exception {
    compare("scripted", ZooKeeperDifferentialTest::scripted);
  }

  private static void scripted(OfficialClientScript s) throws Exception {
    scriptedBasics(s);
    scriptedAcls(s);
    scriptedMultiAndWatches(s);
    scriptedSessions(s);
  }

  /** Creates of every kind, data and version rules, and the watches they fire. */
  private static void scriptedBasics(OfficialClientScript s) throws Exception {
    ZooKeeper a = s.a;
    ZooKeeper b = s.b;
    List<ACL> open = Ids.OPEN_ACL_UNSAFE;
    s.op("b watches /a", () -> b.exists("/a", true));
    s.op("b watches / children", () -> b.getChildren("/", true));
    s.op("create /a", () -> a.create("/a", bytes("1"), open, CreateMode.PERSISTENT));
    s.op("create /a again", () -> a.create("/a", bytes("1"), open, CreateMode.PERSISTENT));
    s.op("create /x/y", () -> a.create("/x/y", null, open, CreateMode.PERSISTENT));
    s.op(
        "create2 /a/s-",
        () -> s.create2(a, "/a/s-", "q", open, CreateMode.PERSISTENT_SEQUENTIAL, -1));
    s.op("create2 /a/e", () -> s.create2(a, "/a/e", null, open, CreateMode.EPHEMERAL, -1));
    s.op("create /a/e/kid", () -> a.create("/a/e/kid", null, open, CreateMode.PERSISTENT));
    s.op("container /k", () -> s.create2(a, "/k", "", open, CreateMode.CONTAINER, -1));
    s.op("ttl /t", () -> s.create2(a, "/t", "", open, CreateMode.PERSISTENT_WITH_TTL, 60_000));
    s.op("b getData /a watch", () -> b.getData("/a", true, new Stat()));
    s.op("setData /a v0", () -> a.setData("/a", bytes("22"), 0));
    s.op("setData /a v0 again", () -> a.setData("/a", bytes("3"), 0));
    s.op("getData /a", () -> a.getData("/a", false, null));
    s.op("children /a", () -> a.getChildren("/a", false, new Stat()));
    s.op(
        "delete /a",
        () -> {
          a.delete("/a", -1);
          return "ok";
        });
  }

  /** Permissions, ACL fixup, digest auth and masking. */
  private static void scriptedAcls(OfficialClientScript s) throws Exception {
    ZooKeeper a = s.a;
    ZooKeeper b = s.b;
    List<ACL> open = Ids.OPEN_ACL_UNSAFE;
    s.op("read-only /ro", () -> a.create("/ro", null, Ids.READ_ACL_UNSAFE, CreateMode.PERSISTENT));
    s.op("create under /ro", () -> a.create("/ro/x", null, open, CreateMode.PERSISTENT));
    s.op("setData /ro", () -> a.setData("/ro", null, -1));
    s.op("getACL /ro", () -> a.getACL("/ro", new Stat()));
    s.op("setACL /ro", () -> a.setACL("/ro", open, -1));
    s.op("empty acl", () -> a.create("/bad", null, new ArrayList<>(), CreateMode.PERSISTENT));
    s.op(
        "auth acl without auth",
        () -> a.create("/bad", null, Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT));
    a.addAuthInfo("digest", "u:p".getBytes(StandardCharsets.UTF_8));
    s.op(
        "auth acl",
        () -> a.create("/mine", bytes("m"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT));
    s.op("getACL /mine", () -> a.getACL("/mine", new Stat()));
    s.op("b getData /mine", () -> b.getData("/mine", false, null));
    s.op("b getACL /mine", () -> b.getACL("/mine", new Stat()));
    s.op("b exists /mine", () -> b.exists("/mine", false));
    List<ACL> digestRead = // a mutable list: the client calls contains(null) on it
        Arrays.asList(
            new ACL(Perms.READ, new Id("digest", "bob:hash")),
            new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
    s.op("digest acl", () -> a.create("/dg", null, digestRead, CreateMode.PERSISTENT));
    s.op("b getACL masked", () -> b.getACL("/dg", new Stat()));
  }

  /** multi, multiRead, ephemerals, persistent watches. */
  private static void scriptedMultiAndWatches(OfficialClientScript s) throws Exception {
    ZooKeeper a = s.a;
    ZooKeeper b = s.b;
    List<ACL> open = Ids.OPEN_ACL_UNSAFE;
    s.op(
        "multi ok",
        () ->
            a.multi(
                List.of(
                    createOp("/m", "1", open, CreateMode.PERSISTENT),
                    Op.create("/m/c", null, open, CreateMode.PERSISTENT_SEQUENTIAL),
                    Op.setData("/m", bytes("2"), 0),
                    Op.check("/m", 1),
                    Op.delete("/m/c0000000000", -1))));
    s.op(
        "multi fails",
        () ->
            a.multi(
                List.of(
                    Op.setData("/m", null, -1),
                    createOp("/m", null, open, CreateMode.PERSISTENT),
                    Op.delete("/m", -1))));
    s.op(
        "multi noauth",
        () ->
            a.multi(
                List.of(Op.check("/m", -1), createOp("/ro/z", null, open, CreateMode.PERSISTENT))));
    s.op(
        "multiRead",
        () -> a.multi(List.of(Op.getData("/m"), Op.getChildren("/nope"), Op.getChildren("/"))));
    s.op("ephemerals", () -> a.getEphemerals("/"));
    s.op("all children", () -> a.getAllChildrenNumber("/"));
    s.op(
        "b addWatch recursive /r",
        () -> {
          b.addWatch("/r", s.watchMode(true));
          return "ok";
        });
    s.op("create /r", () -> a.create("/r", null, open, CreateMode.PERSISTENT));
    s.op("create /r/q", () -> a.create("/r/q", null, open, CreateMode.PERSISTENT));
    s.op(
        "b remove watches /r",
        () -> {
          b.removeAllWatches("/r", Watcher.WatcherType.Any, false);
          return "ok";
        });
    s.op(
        "b remove watches /r again",
        () -> {
          b.removeAllWatches("/r", Watcher.WatcherType.Any, false);
          return "ok";
        });
    s.op(
        "delete /",
        () -> {
          a.delete("/zookeeper", -1);
          return "ok";
        });
  }

  /** A closing session and whoAmI. */
  private static void scriptedSessions(OfficialClientScript s) throws Exception {
    ZooKeeper a = s.a;
    ZooKeeper b = s.b;
    List<ACL> open = Ids.OPEN_ACL_UNSAFE;
    ZooKeeper c = s.third();
    s.op("c ephemeral 1", () -> c.create("/ce1", null, open, CreateMode.EPHEMERAL));
    s.op("c ephemeral 2", () -> c.create("/ce2", null, open, CreateMode.EPHEMERAL_SEQUENTIAL));
    s.op("a watches /ce1", () -> a.exists("/ce1", true));
    s.op("b watches / kids", () -> b.getChildren("/", true));
    s.op(
        "c closes",
        () -> {
          c.close();
          return "closed";
        });
    s.op("ce1 gone", () -> a.exists("/ce1", false));
    s.op("b whoAmI", () -> b.whoAmI().size());
    s.op("a whoAmI", () -> a.whoAmI().toString());
  }

  @Test
  void seededRandomOpsGiveZooKeepersReplies() throws Exception {
    for (long seed = 1; seed <= RANDOM_SEEDS; seed++) {
      long fixedSeed = seed;
      compare("random-" + seed, s -> random(s, new Random(fixedSeed)));
    }
  }

  private static final String[] PATHS = {
    "/a", "/a/b", "/a/b/c", "/d", "/d/e", "/a/s-", "/k", "/k/c", "/t"
  };

  private static void random(OfficialClientScript s, Random r) throws Exception {
    for (int i = 0; i < RANDOM_OPS; i++) {
      randomOp(s, r, i);
    }
  }

  /** One random op on a random client and path. */
  private static void randomOp(OfficialClientScript s, Random r, int i) throws Exception {
    ZooKeeper zk = r.nextBoolean() ? s.a : s.b;
    String path = PATHS[r.nextInt(PATHS.length)];
    String what = (zk == s.a ? "A" : "B") + " #" + i + " ";
    int kind = r.nextInt(14);
    if (kind < 9) {
      randomWrite(s, r, zk, path, what, kind);
    } else {
      randomRead(s, r, zk, path, what, kind);
    }
  }

  private static void randomWrite(
      OfficialClientScript s, Random r, ZooKeeper zk, String path, String what, int kind)
      throws Exception {
    List<ACL> open = Ids.OPEN_ACL_UNSAFE;
    int version = r.nextInt(4) == 0 ? r.nextInt(3) : -1;
    String data = "v" + r.nextInt(100);
    switch (kind) {
      case 0, 1, 2 -> {
        CreateMode mode = CreateMode.values()[r.nextInt(CreateMode.values().length)];
        long ttl = mode.isTTL() ? 1 + r.nextInt(100_000) : -1;
        s.op(
            what + "create " + path + " " + mode, () -> s.create2(zk, path, data, open, mode, ttl));
      }
      case 3 -> s.op(what + "delete " + path + " v" + version, () -> delete(zk, path, version));
      case 4, 5 ->
          s.op(
              what + "setData " + path + " v" + version,
              () -> zk.setData(path, bytes(data), version));
      case 6, 7 -> {
        List<Op> ops =
            List.of(
                createOp(path, data, open, CreateMode.PERSISTENT),
                Op.setData(path, bytes(data), r.nextInt(2) - 1),
                Op.check(PATHS[r.nextInt(PATHS.length)], -1));
        s.op(what + "multi " + path, () -> zk.multi(ops));
      }
      default -> {
        List<ACL> acl = r.nextBoolean() ? open : Ids.READ_ACL_UNSAFE;
        s.op(what + "setACL " + path, () -> zk.setACL(path, acl, -1));
      }
    }
  }

  private static void randomRead(
      OfficialClientScript s, Random r, ZooKeeper zk, String path, String what, int kind)
      throws Exception {
    boolean watch = r.nextInt(3) == 0;
    switch (kind) {
      case 9 -> s.op(what + "getData " + path + " w" + watch, () -> getData(s, zk, path, watch));
      case 10 -> s.op(what + "exists " + path + " w" + watch, () -> zk.exists(path, watch));
      case 11 -> s.op(what + "children " + path + " w" + watch, () -> zk.getChildren(path, watch));
      case 12 -> {
        List<Op> ops = List.of(Op.getData(path), Op.getChildren(PATHS[r.nextInt(PATHS.length)]));
        s.op(what + "multiRead " + path, () -> zk.multi(ops));
      }
      default -> {
        int pick = r.nextInt(3);
        boolean recursive = r.nextBoolean();
        if (pick == 0) {
          s.op(what + "allChildren " + path, () -> zk.getAllChildrenNumber(path));
        } else if (pick == 1) {
          s.op(what + "ephemerals", () -> zk.getEphemerals("/"));
        } else {
          s.op(what + "addWatch " + path + " " + recursive, () -> addWatch(zk, path, recursive));
        }
      }
    }
  }

  private static Object delete(ZooKeeper zk, String path, int version) throws Exception {
    zk.delete(path, version);
    return "ok";
  }

  private static Object addWatch(ZooKeeper zk, String path, boolean recursive) throws Exception {
    zk.addWatch(path, OfficialClientScript.watchMode(recursive));
    return "ok";
  }

  private static Object getData(OfficialClientScript s, ZooKeeper zk, String path, boolean watch)
      throws Exception {
    Stat st = new Stat();
    byte[] d = zk.getData(path, watch, st);
    return (d == null ? "null" : new String(d, StandardCharsets.UTF_8)) + " " + s.stat(st);
  }
}
