package io.paddock.store.tree;

import static io.paddock.store.tree.TreeDriver.bytes;
import static io.paddock.store.tree.TreeDriver.createTxn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.WatchEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTreeCreateTest {
  private final TreeDriver d = new TreeDriver();

  @Test
  void freshTreeHasTheZooKeeperNodes() {
    DataTree t = d.tree;
    assertEquals(4, t.nodeCount());
    assertEquals(3, t.getAllChildrenNumber("/"));
    assertEquals(2, t.getAllChildrenNumber("/zookeeper"));
    assertEquals(List.of("zookeeper"), t.getChildren("/").children());
    Stat root = t.exists("/");
    assertEquals(new Stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0), root);
    assertEquals(Stat.ZERO, t.exists("/zookeeper/quota"));
    assertEquals(-2, t.exists("/zookeeper").cversion());
    assertEquals(new Stat(0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0), t.exists("/zookeeper/config"));
    assertEquals(Acl.READ_ACL_UNSAFE, t.aclOf("/zookeeper/config"));
    assertEquals(Acl.OPEN_ACL_UNSAFE, t.aclOf("/"));
    assertArrayEquals(new byte[0], t.getData("/zookeeper").data());
    assertEquals(0, t.lastProcessedZxid());
    t.checkInvariants();
  }

  @Test
  void createSetsStatParentAndEvents() {
    ApplyResult r = d.create("/a", "hi");
    long z = d.zxid;
    assertEquals(ErrorCode.OK, r.err());
    Stat s = new Stat(z, z, d.timeMs, d.timeMs, 0, 0, 0, 0, 2, 0, z);
    assertEquals(new OpResult.Created("/a", s), r.result());
    assertEquals(s, d.tree.exists("/a"));
    assertEquals(
        List.of(
            new WatchEvent(EventType.NODE_CREATED, "/a", z),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/", z)),
        r.events());
    Stat root = d.tree.exists("/");
    assertEquals(z, root.pzxid());
    assertEquals(2, root.numChildren());
    assertEquals(0, root.mzxid());
    assertArrayEquals(bytes("hi"), d.tree.getData("/a").data());
    d.tree.checkInvariants();
  }

  @Test
  void nullDataStaysNullAndEmptyStaysEmpty() {
    d.create("/n", null);
    d.create("/e", "");
    assertNull(d.tree.getData("/n").data());
    assertEquals(0, d.tree.exists("/n").dataLength());
    assertArrayEquals(new byte[0], d.tree.getData("/e").data());
  }

  @Test
  void sequentialSuffixCountsEveryChildCreateButNoDelete() {
    d.create("/a", "");
    assertEquals("/a/s-0000000000", TreeDriver.createdPath(d.create("/a/s-", "", seq())));
    assertEquals("/a/s-0000000001", TreeDriver.createdPath(d.create("/a/s-", "", seq())));
    d.create("/a/r", "");
    d.apply(new Txn.Delete("/a/r", -1));
    ApplyResult q = d.apply(createTxn("/a/q", "", CreateMode.EPHEMERAL_SEQUENTIAL));
    assertEquals("/a/q0000000003", TreeDriver.createdPath(q));
    // 4 creates + 1 delete as clients see it; stored cversion 4, three children
    assertEquals(5, d.tree.exists("/a").cversion());
  }

  @Test
  void clientCversionIsCreatesPlusDeletes() {
    d.create("/a", "");
    d.create("/a/1", "");
    d.create("/a/2", "");
    d.create("/a/3", "");
    d.apply(new Txn.Delete("/a/2", -1));
    assertEquals(4, d.tree.exists("/a").cversion());
  }

  private static CreateMode seq() {
    return CreateMode.PERSISTENT_SEQUENTIAL;
  }

  @Test
  void sequentialWithTrailingSlashNamesTheChild() {
    d.create("/m2", "");
    assertEquals("/m2/0000000000", TreeDriver.createdPath(d.create("/m2/", "", seq())));
    assertEquals(ErrorCode.BADARGUMENTS, d.create("/m2/", "").err());
  }

  @Test
  void errorsAndTheirPrecedence() {
    assertEquals(ErrorCode.NONODE, d.create("/x/y", "").err());
    assertEquals(ErrorCode.NONODE, d.create("/x/", "").err()); // NONODE before BADARGUMENTS
    assertEquals(ErrorCode.NODEEXISTS, d.create("/", "").err());
    assertEquals("/0000000000", TreeDriver.createdPath(d.create("/", "", seq())));
    assertEquals(ErrorCode.NODEEXISTS, d.create("/zookeeper", "").err());
    assertEquals(ErrorCode.NONODE, d.create("/a/../b", "").err()); // the parent lookup fails first
    assertEquals(ErrorCode.BADARGUMENTS, d.create("/..", "").err());
    assertEquals(ErrorCode.BADARGUMENTS, d.create("/bad\u0001", "").err());
    assertEquals(ErrorCode.BADARGUMENTS, d.create("noslash", "").err());
    assertEquals(ErrorCode.BADARGUMENTS, d.create("/a\u0000", "").err());
    assertEquals(ErrorCode.NONODE, d.create("rel/x", "").err());
    d.create("/e", "", CreateMode.EPHEMERAL);
    assertEquals(ErrorCode.NOCHILDRENFOREPHEMERALS, d.create("/e/c", "").err());
    assertEquals(ErrorCode.NODEEXISTS, d.create("/e", "").err());
    assertEquals(
        ErrorCode.BADARGUMENTS,
        d.apply(createTxn("/t", "", CreateMode.PERSISTENT_WITH_TTL, 0)).err());
    d.tree.checkInvariants();
  }

  @Test
  void failedWriteConsumesItsZxidAndChangesNothing() {
    long digest = d.tree.digest();
    ApplyResult r = d.create("/x/y", "");
    assertEquals(new OpResult.Failed(ErrorCode.NONODE), r.result());
    assertEquals(List.of(), r.events());
    assertEquals(d.zxid, r.zxid());
    assertEquals(d.zxid, d.tree.lastProcessedZxid());
    assertEquals(digest, d.tree.digest());
    ApplyResult e = d.apply(new Txn.Error(ErrorCode.NOAUTH));
    assertEquals(ErrorCode.NOAUTH, e.err());
    assertEquals(new OpResult.Failed(ErrorCode.NOAUTH), e.result());
    assertEquals(digest, d.tree.digest());
    assertEquals(4, d.tree.nodeCount());
  }

  @Test
  void ownersAreStoredAndShownAsZooKeeperDoes() {
    d.apply(0x55L, createTxn("/eph", "", CreateMode.EPHEMERAL));
    d.create("/c", "", CreateMode.CONTAINER);
    d.apply(createTxn("/t", "", CreateMode.PERSISTENT_WITH_TTL, 5000));
    assertEquals(0x55L, d.tree.exists("/eph").ephemeralOwner());
    assertEquals(0, d.tree.exists("/c").ephemeralOwner());
    assertEquals(0, d.tree.exists("/t").ephemeralOwner());
    assertEquals(List.of("/eph"), d.tree.getEphemerals(0x55L, "/"));
    d.tree.checkInvariants();
    DataTree loaded = SnapshotCodec.load(SnapshotCodec.write(d.tree));
    assertEquals(d.tree.digest(), loaded.digest());
    assertEquals(EphemeralKind.CONTAINER_OWNER, storedOwner(loaded, "/c"));
    assertEquals(EphemeralKind.ttlOwner(5000), storedOwner(loaded, "/t"));
  }

  static long storedOwner(DataTree t, String path) {
    return t.store().lookup(path).storedOwner();
  }

  @Test
  void outOfOrderZxidIsRefused() {
    d.create("/a", "");
    TxnHeader same = new TxnHeader(1, 1, d.zxid, 0, 1);
    assertThrows(
        IllegalStateException.class,
        () -> d.tree.apply(same, createTxn("/b", "", CreateMode.PERSISTENT)));
    TxnHeader older = new TxnHeader(1, 1, d.zxid - 1, 0, 1);
    assertThrows(
        IllegalStateException.class,
        () -> d.tree.apply(older, createTxn("/b", "", CreateMode.PERSISTENT)));
    assertNull(d.tree.exists("/b"));
  }
}
