package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.OpResult.CheckResult;
import org.apache.zookeeper.OpResult.CreateResult;
import org.apache.zookeeper.OpResult.DeleteResult;
import org.apache.zookeeper.OpResult.ErrorResult;
import org.apache.zookeeper.OpResult.GetChildrenResult;
import org.apache.zookeeper.OpResult.GetDataResult;
import org.apache.zookeeper.OpResult.SetDataResult;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Official-client conformance for multi (PROTOCOL 6.3: result shapes on success and on atomic
 * abort), multiRead, sync, getEphemerals and getAllChildrenNumber. Runs on every core.
 */
class MultiAndMiscConformanceTest extends CoreTestBase {
  private static final byte[] DATA = "d".getBytes(UTF_8);

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void multiSuccessAppliesEveryOpAtOneZxid(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/mu", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/mu/old", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    List<OpResult> results =
        zk.multi(
            List.of(
                Op.create("/mu/a", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/mu/s", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL),
                Op.create("/mu/t", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, 5000),
                Op.setData("/mu", DATA, 0),
                Op.check("/mu", 1),
                Op.delete("/mu/old", 0)));
    assertEquals(6, results.size());
    assertEquals(new CreateResult("/mu/a"), results.get(0));
    assertEquals(new CreateResult("/mu/s0000000002"), results.get(1));
    CreateResult ttl = assertInstanceOf(CreateResult.class, results.get(2));
    assertEquals("/mu/t", ttl.getPath());
    Stat set = assertInstanceOf(SetDataResult.class, results.get(3)).getStat();
    assertEquals(1, set.getVersion());
    assertEquals(ttl.getStat().getCzxid(), set.getMzxid(), "one zxid for the whole multi");
    assertEquals(set.getMzxid(), set.getPzxid(), "the creates moved the parent's pzxid");
    // The stat is the one after the setData op, before the multi's delete: 4 creates, 4 children.
    assertEquals(4, set.getCversion());
    assertEquals(4, set.getNumChildren());
    assertInstanceOf(CheckResult.class, results.get(4));
    assertInstanceOf(DeleteResult.class, results.get(5));
    assertEquals(Set.of("a", "s0000000002", "t"), Set.copyOf(zk.getChildren("/mu", false)));
    assertEquals(5, zk.exists("/mu", false).getCversion());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void multiFailureAbortsAtomicallyWithPerOpResults(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/mu", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    Stat before = zk.exists("/mu", false);
    KeeperException e =
        assertThrows(
            KeeperException.class,
            () ->
                zk.multi(
                    List.of(
                        Op.create("/mu/c", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                        Op.check("/mu", 99),
                        Op.setData("/mu", DATA, -1))));
    assertEquals(Code.BADVERSION, e.code());
    assertEquals(
        List.of(
            new ErrorResult(0),
            new ErrorResult(Code.BADVERSION.intValue()),
            new ErrorResult(Code.RUNTIMEINCONSISTENCY.intValue())),
        e.getResults());
    assertEquals(before, zk.exists("/mu", false), "nothing of the aborted multi applied");
    assertNull(zk.exists("/mu/c", false));

    KeeperException first =
        assertThrows(
            KeeperException.class,
            () ->
                zk.multi(
                    List.of(
                        Op.create("/mu", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                        Op.delete("/nope", -1))));
    assertEquals(Code.NODEEXISTS, first.code());
    assertEquals(
        List.of(
            new ErrorResult(Code.NODEEXISTS.intValue()),
            new ErrorResult(Code.RUNTIMEINCONSISTENCY.intValue())),
        first.getResults());

    // A failed multi consumes a zxid: the next write's zxid skips past it.
    long beforeZxid = zk.setData("/mu", null, -1).getMzxid();
    assertThrows(KeeperException.class, () -> zk.multi(List.of(Op.check("/mu", 42))));
    assertEquals(beforeZxid + 2, zk.setData("/mu", null, -1).getMzxid());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void multiReadAnswersEachOpOnItsOwn(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/r", DATA, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/r/k", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    List<OpResult> ok = zk.multi(List.of(Op.getData("/r"), Op.getChildren("/r")));
    GetDataResult data = assertInstanceOf(GetDataResult.class, ok.get(0));
    assertArrayEquals(DATA, data.getData());
    assertEquals(zk.exists("/r", false), data.getStat());
    assertEquals(List.of("k"), assertInstanceOf(GetChildrenResult.class, ok.get(1)).getChildren());

    // Unlike a write multi, a multiRead with a failing op does not throw: each op answers alone.
    List<OpResult> mixed = zk.multi(List.of(Op.getData("/none"), Op.getChildren("/r")));
    assertEquals(new ErrorResult(Code.NONODE.intValue()), mixed.get(0));
    assertEquals(
        List.of("k"), assertInstanceOf(GetChildrenResult.class, mixed.get(1)).getChildren());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void syncEchoesThePath(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.sync("/");
    CompletableFuture<String> reply = new CompletableFuture<>();
    zk.sync("/no/such/node", (rc, path, ctx) -> reply.complete(rc + " " + path), null);
    assertEquals("0 /no/such/node", reply.get(20, TimeUnit.SECONDS), "sync checks no node");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void getEphemeralsAndAllChildrenNumber(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper zk = client(core.connectString());
    ZooKeeper other = client(core.connectString());
    zk.create("/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/a/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/a/b/e1", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    zk.create("/a/e2", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    zk.create("/ab", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    other.create("/a/theirs", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
    assertEquals(Set.of("/a/b/e1", "/a/e2", "/ab"), Set.copyOf(zk.getEphemerals()));
    assertEquals(
        Set.of("/a/b/e1", "/a/e2", "/ab"),
        Set.copyOf(zk.getEphemerals("/a")),
        "the prefix is a string prefix, not a subtree");
    assertEquals(Set.of("/a/b/e1"), Set.copyOf(zk.getEphemerals("/a/b")));
    assertEquals(List.of(), zk.getEphemerals("/zz"));
    assertEquals(4, zk.getAllChildrenNumber("/a"));
    assertEquals(0, zk.getAllChildrenNumber("/a/e2"));
    assertEquals(3 + 6, zk.getAllChildrenNumber("/"));
  }
}
