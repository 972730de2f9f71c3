package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.OpResult.CreateResult;
import org.apache.zookeeper.OpResult.ErrorResult;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inside one multi, later ops may name the sequential node an earlier op of the same multi creates:
 * ZooKeeper preps each op against the changes of the earlier ones, the sequential name included,
 * and checks permissions against the ACL that create gives the node. Runs on every core.
 */
class MultiSequentialConformanceTest extends CoreTestBase {
  private static final byte[] DATA = "d".getBytes(UTF_8);

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void laterOpsMayNameTheSequentialNodeOfAnEarlierOp(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/q", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    List<OpResult> results =
        zk.multi(
            List.of(
                Op.create("/q/s-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL),
                Op.create(
                    "/q/s-0000000000/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.setData("/q/s-0000000000", DATA, 0),
                Op.check("/q/s-0000000000", 1)));
    assertEquals(new CreateResult("/q/s-0000000000"), results.get(0));
    assertEquals(new CreateResult("/q/s-0000000000/child"), results.get(1));
    assertInstanceOf(OpResult.SetDataResult.class, results.get(2));
    assertArrayEquals(DATA, zk.getData("/q/s-0000000000", false, null));
    assertEquals(List.of("child"), zk.getChildren("/q/s-0000000000", false));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void theNameCountsEveryEarlierChildCreateOfTheParent(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/q", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.create("/q/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    zk.delete("/q/x", -1);
    List<OpResult> results =
        zk.multi(
            List.of(
                Op.create("/q/y", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/q/s-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL),
                Op.create("/p", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/p/s-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL),
                Op.setData("/q/s-0000000002", DATA, -1),
                Op.create("/p/s-0000000000/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    assertEquals(new CreateResult("/q/s-0000000002"), results.get(1));
    assertEquals(new CreateResult("/p/s-0000000000"), results.get(3));
    assertEquals(new CreateResult("/p/s-0000000000/c"), results.get(5));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void permissionsComeFromTheAclTheSequentialCreateGives(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/q", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    List<ACL> readOnly = List.of(new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
    KeeperException e =
        assertThrows(
            KeeperException.class,
            () ->
                zk.multi(
                    List.of(
                        Op.create("/q/s-", null, readOnly, CreateMode.PERSISTENT_SEQUENTIAL),
                        Op.create("/q/s-0000000000/c", null, readOnly, CreateMode.PERSISTENT))));
    assertEquals(List.of(0, -102), errors(e.getResults()));
    assertNull(zk.exists("/q/s-0000000000", false));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void anotherSuffixIsStillMissing(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/q", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    KeeperException e =
        assertThrows(
            KeeperException.class,
            () ->
                zk.multi(
                    List.of(
                        Op.create(
                            "/q/s-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL),
                        Op.setData("/q/s-0000000001", DATA, -1))));
    assertEquals(List.of(0, -101), errors(e.getResults()));
  }

  private static List<Integer> errors(List<OpResult> results) {
    List<Integer> out = new ArrayList<>();
    for (OpResult r : results) {
      out.add(((ErrorResult) r).getErr());
    }
    return out;
  }
}
