package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Official-client conformance for node operations: every create mode, create2's stat, sequential
 * names, reads, versions, children, the initial tree and the error codes of PROTOCOL 7 and 9. The
 * expected values are Apache ZooKeeper 3.9's, written out; each test runs on every core.
 */
class NodeOpsConformanceTest extends CoreTestBase {
  private static final byte[] DATA = "d".getBytes(UTF_8);

  private static Code code(ThrowingRunnable r) {
    KeeperException e = assertThrows(KeeperException.class, r::run);
    return e.code();
  }

  /** A call that may throw a checked exception. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void initialTreeHasTheZookeeperNodes(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    assertEquals(List.of("zookeeper"), zk.getChildren("/", false));
    assertEquals(Set.of("quota", "config"), Set.copyOf(zk.getChildren("/zookeeper", false)));
    // "Node count" is 5 on an empty server ("" and "/" both count); the answer is that minus 2.
    assertEquals(3, zk.getAllChildrenNumber("/"));
    Stat root = zk.exists("/", false);
    assertEquals(0, root.getCzxid());
    assertEquals(List.of(Ids.READ_ACL_UNSAFE.get(0)), zk.getACL("/zookeeper/config", new Stat()));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void create2ReturnsTheStatOfTheNewNodeAndUpdatesTheParent(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    Stat parentStat = new Stat();
    zk.create("/p", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, parentStat);
    Stat s = new Stat();
    assertEquals("/p/c", zk.create("/p/c", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, s));
    assertTrue(s.getCzxid() > parentStat.getCzxid());
    assertEquals(s.getCzxid(), s.getMzxid());
    assertEquals(s.getCzxid(), s.getPzxid());
    assertEquals(0, s.getVersion());
    assertEquals(0, s.getCversion());
    assertEquals(0, s.getAversion());
    assertEquals(0, s.getEphemeralOwner());
    assertEquals(1, s.getDataLength());
    assertEquals(0, s.getNumChildren());
    assertEquals(s.getCtime(), s.getMtime());
    Stat p = zk.exists("/p", false);
    assertEquals(1, p.getCversion());
    assertEquals(1, p.getNumChildren());
    assertEquals(s.getCzxid(), p.getPzxid());
    assertEquals(parentStat.getMzxid(), p.getMzxid(), "a child create leaves the parent's mzxid");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void everyCreateModeNamesAndOwnsItsNode(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    long session = zk.getSessionId();
    zk.create("/m", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    Stat s = new Stat();
    assertEquals("/m/p", zk.create("/m/p", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, s));
    assertEquals(0, s.getEphemeralOwner());
    assertEquals("/m/e", zk.create("/m/e", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL, s));
    assertEquals(session, s.getEphemeralOwner());
    assertEquals(
        "/m/ps0000000002",
        zk.create("/m/ps", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL, s));
    assertEquals(0, s.getEphemeralOwner());
    assertEquals(
        "/m/es0000000003",
        zk.create("/m/es", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL, s));
    assertEquals(session, s.getEphemeralOwner());
    assertEquals("/m/c", zk.create("/m/c", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER, s));
    assertEquals(0, s.getEphemeralOwner(), "a container shows owner 0");
    assertEquals(
        "/m/t",
        zk.create("/m/t", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, s, 60_000));
    assertEquals(0, s.getEphemeralOwner(), "a TTL node shows owner 0");
    assertEquals(
        "/m/ts0000000006",
        zk.create(
            "/m/ts",
            DATA,
            Ids.OPEN_ACL_UNSAFE,
            CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL,
            s,
            1000));
    // The 4-argument container create (op 19) answers with Create2Response; the client reads the
    // path.
    assertEquals("/m/c2", zk.create("/m/c2", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER));
    assertEquals(
        Set.of("p", "e", "ps0000000002", "es0000000003", "c", "t", "ts0000000006", "c2"),
        Set.copyOf(zk.getChildren("/m", false)));
    assertEquals(Set.of("/m/e", "/m/es0000000003"), Set.copyOf(zk.getEphemerals("/m")));
    assertEquals(8, zk.getAllChildrenNumber("/m"));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void sequentialSuffixCountsEveryChildCreateAndNotDeletes(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    assertEquals(
        "/a/s-0000000000",
        zk.create("/a/s-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL));
    assertEquals(
        "/a/s-0000000001",
        zk.create("/a/s-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL));
    zk.create("/a/r", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.delete("/a/s-0000000000", -1);
    assertEquals(
        "/a/q0000000003",
        zk.create("/a/q", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL));
    // Client-visible cversion counts creates and deletes: 4 creates + 1 delete.
    assertEquals(5, zk.exists("/a", false).getCversion());
    // A sequential create may end in '/': the name is the suffix alone.
    zk.create("/m2", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    assertEquals(
        "/m2/0000000000",
        zk.create("/m2/", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void readsAndWritesHonourVersions(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/v", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    Stat s = new Stat();
    assertNull(zk.getData("/v", false, s), "null data reads back as null");
    assertEquals(0, s.getDataLength());
    Stat afterSet = zk.setData("/v", DATA, 0);
    assertEquals(1, afterSet.getVersion());
    assertTrue(afterSet.getMzxid() > afterSet.getCzxid());
    assertEquals(afterSet.getCzxid(), afterSet.getPzxid(), "setData leaves pzxid");
    assertEquals(Code.BADVERSION, code(() -> zk.setData("/v", DATA, 0)));
    assertEquals(2, zk.setData("/v", "xy".getBytes(UTF_8), -1).getVersion());
    assertArrayEquals("xy".getBytes(UTF_8), zk.getData("/v", false, s));
    assertEquals(2, s.getDataLength());
    assertEquals(zk.exists("/v", false), s);
    zk.setData("/v", new byte[0], 2);
    assertArrayEquals(new byte[0], zk.getData("/v", false, null), "empty data stays empty");
    assertEquals(Code.BADVERSION, code(() -> zk.delete("/v", 1)));
    zk.delete("/v", 3);
    assertNull(zk.exists("/v", false));
    assertEquals(Code.NONODE, code(() -> zk.getData("/v", false, null)));
    assertEquals(Code.NONODE, code(() -> zk.setData("/v", DATA, -1)));
    assertEquals(Code.NONODE, code(() -> zk.delete("/v", -1)));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void getChildrenAndGetChildren2(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/g", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    for (String c : List.of("x", "y", "z")) {
      zk.create("/g/" + c, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }
    zk.delete("/g/y", -1);
    Stat s = new Stat();
    assertEquals(Set.of("x", "z"), new TreeSet<>(zk.getChildren("/g", false, s)));
    assertEquals(2, s.getNumChildren());
    assertEquals(4, s.getCversion());
    assertEquals(zk.exists("/g", false), s);
    assertEquals(List.of(), zk.getChildren("/g/x", false));
    assertEquals(Code.NONODE, code(() -> zk.getChildren("/nope", false)));
    assertEquals(Code.NONODE, code(() -> zk.getChildren("/nope", false, new Stat())));
    assertEquals(Code.NONODE, code(() -> zk.getAllChildrenNumber("/nope")));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void errorCodesOfWrites(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/e", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/e/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    assertEquals(
        Code.NONODE,
        code(() -> zk.create("/missing/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    assertEquals(
        Code.NODEEXISTS,
        code(() -> zk.create("/e", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    assertEquals(
        Code.NODEEXISTS,
        code(() -> zk.create("/", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    assertEquals(Code.NOTEMPTY, code(() -> zk.delete("/e", -1)));
    assertEquals(
        Code.NOCHILDRENFOREPHEMERALS,
        code(() -> zk.create("/eph/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    // NODEEXISTS is checked before NOCHILDRENFOREPHEMERALS.
    assertEquals(
        Code.NODEEXISTS,
        code(() -> zk.create("/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL)));
    // The system nodes cannot be deleted; the client passes these paths, the server refuses them.
    for (String special : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
      assertEquals(Code.BADARGUMENTS, code(() -> zk.delete(special, -1)), special);
    }
    assertEquals(Code.NOTEMPTY, code(() -> zk.delete("/e", -1)), "and nothing changed meanwhile");
    assertEquals(1, zk.exists("/e", false).getNumChildren());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void badPathsAreRefusedByTheClientBeforeTheyReachTheServer(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    for (String bad : List.of("", "x", "/a/", "//a", "/a//b", "/a/.", "/a/../b", "/a\u0000b")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> zk.create(bad, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
          bad);
      assertThrows(IllegalArgumentException.class, () -> zk.getData(bad, false, null), bad);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> zk.create("/t", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 0),
        "TTL out of range");
    assertThrows(
        IllegalArgumentException.class,
        () -> zk.create("/t", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, null, 100),
        "TTL with a non-TTL mode");
    // The client still works: the refusals never reached the server.
    assertEquals(List.of("zookeeper"), zk.getChildren("/", false));
  }
}
