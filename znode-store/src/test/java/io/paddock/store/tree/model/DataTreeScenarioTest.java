package io.paddock.store.tree.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.OpResult;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.WatchEvent;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written PROTOCOL.md facts, pinned on both the reference and the real tree, so that a wrong
 * reference cannot silently agree with a wrong DataTree.
 */
class DataTreeScenarioTest {
  private static final long SESSION = 0x0100000000000001L;
  private static final long T0 = 1_000_000L;

  static Stream<Named<Supplier<TreeUnderTest>>> trees() {
    return Stream.of(
        Named.of("ReferenceTree", TreeUnderTest::reference),
        Named.of("DataTree", TreeUnderTest::real));
  }

  /** Applies txns with zxids 1, 2, 3 … and a clock that advances 10 ms per txn. */
  private static final class Driver {
    final TreeUnderTest tree;
    long zxid;
    long timeMs = T0;

    Driver(Supplier<TreeUnderTest> factory) {
      this.tree = factory.get();
    }

    ApplyResult apply(Txn txn) {
      return apply(SESSION, timeMs + 10, txn);
    }

    ApplyResult apply(long session, long atMs, Txn txn) {
      zxid++;
      timeMs = atMs;
      return tree.apply(new TxnHeader(session, (int) zxid, zxid, timeMs, 0), txn);
    }

    String create(String path, CreateMode mode) {
      ApplyResult r = apply(new Txn.Create(path, null, Acl.OPEN_ACL_UNSAFE, mode, 0));
      assertEquals(ErrorCode.OK, r.err(), () -> "create " + path + ": " + r);
      return ((OpResult.Created) r.result()).path();
    }
  }

  private static Txn.Create create(String path, CreateMode mode) {
    return new Txn.Create(path, null, Acl.OPEN_ACL_UNSAFE, mode, 0);
  }

  private static OpResult.Failed failed(ErrorCode code) {
    return new OpResult.Failed(code);
  }

  private static WatchEvent event(EventType type, String path, long zxid) {
    return new WatchEvent(type, path, zxid);
  }

  @ParameterizedTest
  @MethodSource("trees")
  void initialTreeHasTheSystemNodesAndComputedCversions(Supplier<TreeUnderTest> factory) {
    TreeUnderTest tree = factory.get();
    assertEquals(4, tree.nodeCount());
    assertEquals(3, tree.getAllChildrenNumber("/"));
    assertEquals(0, tree.lastProcessedZxid());
    // §6.1: visible cversion = 2 × stored − numChildren, with every stored field zero.
    assertEquals(new Stat(0, 0, 0, 0, 0, -1, 0, 0, 0, 1, 0), tree.exists("/"));
    assertEquals(new Stat(0, 0, 0, 0, 0, -2, 0, 0, 0, 2, 0), tree.exists("/zookeeper"));
    assertEquals(new Stat(0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0), tree.exists("/zookeeper/config"));
    assertEquals(Acl.READ_ACL_UNSAFE, tree.aclOf("/zookeeper/config"));
    assertEquals(Acl.OPEN_ACL_UNSAFE, tree.aclOf("/zookeeper/quota"));
    assertEquals(List.of("zookeeper"), tree.getChildren("/").children());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void sequentialSuffixCountsEveryChildCreate(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    d.create("/a", CreateMode.PERSISTENT);
    assertEquals("/a/s-0000000000", d.create("/a/s-", CreateMode.PERSISTENT_SEQUENTIAL));
    assertEquals("/a/s-0000000001", d.create("/a/s-", CreateMode.EPHEMERAL_SEQUENTIAL));
    d.create("/a/r", CreateMode.PERSISTENT);
    assertEquals(ErrorCode.OK, d.apply(new Txn.Delete("/a/s-0000000000", -1)).err());
    // §9.2 live: 3 creates + 1 delete show cversion 4.
    Stat a = d.tree.exists("/a");
    assertEquals(4, a.cversion());
    assertEquals(2, a.numChildren());
    assertEquals(d.zxid, a.pzxid());
    assertEquals("/a/q0000000003", d.create("/a/q", CreateMode.PERSISTENT_SEQUENTIAL));
    assertEquals(5, d.tree.exists("/a").cversion());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void sequentialSuffixMayFollowATrailingSlash(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    d.create("/m2", CreateMode.PERSISTENT);
    assertEquals("/m2/0000000000", d.create("/m2/", CreateMode.PERSISTENT_SEQUENTIAL));
    ApplyResult plain = d.apply(create("/m2/", CreateMode.PERSISTENT));
    assertEquals(ErrorCode.BADARGUMENTS, plain.err());
    assertEquals(failed(ErrorCode.BADARGUMENTS), plain.result());
    assertEquals(List.of(), plain.events());
    assertEquals(ErrorCode.NONODE, d.apply(create("/none/", CreateMode.PERSISTENT)).err());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void failedMultiLeavesTheTreeAloneAndShapesItsResults(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    d.create("/x", CreateMode.PERSISTENT);
    Stat rootBefore = d.tree.exists("/");
    ApplyResult r =
        d.apply(
            new Txn.Multi(
                List.of(
                    create("/y", CreateMode.PERSISTENT),
                    new Txn.SetData("/nope", new byte[] {1}, -1),
                    new Txn.Check("/y", -1))));
    assertEquals(ErrorCode.NONODE, r.err());
    assertEquals(
        new OpResult.MultiResults(
            List.of(
                failed(ErrorCode.OK),
                failed(ErrorCode.NONODE),
                failed(ErrorCode.RUNTIMEINCONSISTENCY))),
        r.result());
    assertEquals(List.of(), r.events());
    assertNull(d.tree.exists("/y"));
    assertEquals(rootBefore, d.tree.exists("/"));
    assertEquals(d.zxid, d.tree.lastProcessedZxid());

    ApplyResult withError =
        d.apply(
            new Txn.Multi(
                List.of(
                    new Txn.Check("/x", 0),
                    new Txn.Error(ErrorCode.NOAUTH),
                    create("/z", CreateMode.PERSISTENT))));
    assertEquals(ErrorCode.NOAUTH, withError.err());
    assertEquals(
        new OpResult.MultiResults(
            List.of(
                failed(ErrorCode.OK),
                failed(ErrorCode.NOAUTH),
                failed(ErrorCode.RUNTIMEINCONSISTENCY))),
        withError.result());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void multiOpsSeeEarlierOpsAndFireInOpOrder(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    ApplyResult r =
        d.apply(
            new Txn.Multi(
                List.of(
                    create("/p", CreateMode.PERSISTENT),
                    create("/p/c", CreateMode.PERSISTENT_SEQUENTIAL),
                    new Txn.SetData("/p", new byte[] {7}, 0),
                    new Txn.Check("/p", 1))));
    long z = d.zxid;
    long t = d.timeMs;
    assertEquals(ErrorCode.OK, r.err());
    List<OpResult> results = ((OpResult.MultiResults) r.result()).results();
    assertEquals(
        new OpResult.Created("/p", new Stat(z, z, t, t, 0, 0, 0, 0, 0, 0, z)), results.get(0));
    assertEquals("/p/c0000000000", ((OpResult.Created) results.get(1)).path());
    assertEquals(new OpResult.DataSet(new Stat(z, z, t, t, 1, 1, 0, 0, 1, 1, z)), results.get(2));
    assertEquals(new OpResult.Checked(), results.get(3));
    assertEquals(
        List.of(
            event(EventType.NODE_CREATED, "/p", z),
            event(EventType.NODE_CHILDREN_CHANGED, "/", z),
            event(EventType.NODE_CREATED, "/p/c0000000000", z),
            event(EventType.NODE_CHILDREN_CHANGED, "/p", z),
            event(EventType.NODE_DATA_CHANGED, "/p", z)),
        r.events());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void closeSessionDeletesEphemeralsInPathOrder(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    d.apply(new Txn.CreateSession(4000));
    d.create("/p", CreateMode.PERSISTENT);
    d.create("/e2", CreateMode.EPHEMERAL);
    d.create("/p/e3", CreateMode.EPHEMERAL);
    d.create("/e1", CreateMode.EPHEMERAL);
    assertEquals(SESSION, d.tree.exists("/e1").ephemeralOwner());
    assertEquals(List.of("/e1", "/e2", "/p/e3"), d.tree.getEphemerals(SESSION, "/"));
    ApplyResult r = d.apply(new Txn.CloseSession());
    long z = d.zxid;
    assertEquals(ErrorCode.OK, r.err());
    assertEquals(new OpResult.SessionClosed(List.of("/e1", "/e2", "/p/e3")), r.result());
    assertEquals(
        List.of(
            event(EventType.NODE_DELETED, "/e1", z),
            event(EventType.NODE_CHILDREN_CHANGED, "/", z),
            event(EventType.NODE_DELETED, "/e2", z),
            event(EventType.NODE_CHILDREN_CHANGED, "/", z),
            event(EventType.NODE_DELETED, "/p/e3", z),
            event(EventType.NODE_CHILDREN_CHANGED, "/p", z)),
        r.events());
    assertFalse(d.tree.hasSession(SESSION));
    assertEquals(List.of(), d.tree.getEphemerals(SESSION, "/"));
    assertEquals(z, d.tree.exists("/").pzxid());
    assertEquals(5, d.tree.nodeCount());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void failedWritesConsumeTheirZxidAndZxidsMustIncrease(Supplier<TreeUnderTest> factory) {
    TreeUnderTest tree = factory.get();
    ApplyResult r = tree.apply(new TxnHeader(SESSION, 1, 5, T0, 2), new Txn.Delete("/no", -1));
    assertEquals(new ApplyResult(5, ErrorCode.NONODE, failed(ErrorCode.NONODE), List.of()), r);
    assertEquals(5, tree.lastProcessedZxid());
    TxnHeader stale = new TxnHeader(SESSION, 2, 5, T0, 1);
    Txn.Create txn = create("/late", CreateMode.PERSISTENT);
    assertThrows(RuntimeException.class, () -> tree.apply(stale, txn));
    assertNull(tree.exists("/late"));
    assertEquals(5, tree.lastProcessedZxid());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void systemNodesCannotBeDeleted(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    for (String path : List.of("/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config")) {
      assertEquals(ErrorCode.BADARGUMENTS, d.apply(new Txn.Delete(path, -1)).err(), path);
    }
    assertEquals(ErrorCode.NODEEXISTS, d.apply(create("/", CreateMode.PERSISTENT)).err());
    assertEquals(4, d.tree.nodeCount());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void pathSanityComesBeforeTheParentLookup(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    // §9.8: create step 4 and delete step 2 (a '/' and no NUL) come before NONODE.
    assertEquals(
        ErrorCode.BADARGUMENTS, d.apply(create("/zz/a\u0000", CreateMode.PERSISTENT)).err());
    assertEquals(ErrorCode.BADARGUMENTS, d.apply(new Txn.Delete("/zz/a\u0000", -1)).err());
    assertEquals(ErrorCode.BADARGUMENTS, d.apply(new Txn.Delete("zz", -1)).err());
    // §9.1: the sequential suffix is added before the full validation.
    d.create("/v", CreateMode.PERSISTENT);
    ApplyResult bad = d.apply(create("/v/x\u0001", CreateMode.PERSISTENT_SEQUENTIAL));
    assertEquals(ErrorCode.BADARGUMENTS, bad.err());
    assertEquals(0, d.tree.exists("/v").cversion());
    assertEquals(ErrorCode.NONODE, d.apply(create("/zz/x\u0001", CreateMode.PERSISTENT)).err());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void ttlNodesExpireStrictlyAfterTheirTtl(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    ApplyResult r =
        d.apply(
            new Txn.Create("/t", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, 10));
    long mtime = d.timeMs;
    assertEquals(0, ((OpResult.Created) r.result()).stat().ephemeralOwner());
    assertEquals(List.of(), d.tree.reapCandidates(mtime + 10, 0));
    assertEquals(List.of("/t"), d.tree.reapCandidates(mtime + 11, 0));
    ApplyResult early = d.apply(0, mtime + 10, new Txn.DeleteContainer("/t"));
    assertEquals(ErrorCode.BADVERSION, early.err());
    ApplyResult due = d.apply(0, mtime + 11, new Txn.DeleteContainer("/t"));
    assertEquals(ErrorCode.OK, due.err());
    assertEquals(
        List.of(
            event(EventType.NODE_DELETED, "/t", d.zxid),
            event(EventType.NODE_CHILDREN_CHANGED, "/", d.zxid)),
        due.events());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void containersAreReapedOnceUsedOrWhenNeverUsedTooLong(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    d.create("/k", CreateMode.CONTAINER);
    long mtime = d.timeMs;
    d.create("/plain", CreateMode.PERSISTENT);
    assertEquals(0, d.tree.exists("/k").ephemeralOwner());
    assertEquals(List.of(), d.tree.reapCandidates(mtime + 1_000_000, 0));
    assertEquals(List.of(), d.tree.reapCandidates(mtime + 100, 100));
    assertEquals(List.of("/k"), d.tree.reapCandidates(mtime + 101, 100));
    assertEquals(ErrorCode.BADARGUMENTS, d.apply(new Txn.DeleteContainer("/plain")).err());
    d.create("/k/c", CreateMode.PERSISTENT);
    assertEquals(ErrorCode.NOTEMPTY, d.apply(new Txn.DeleteContainer("/k")).err());
    assertEquals(List.of(), d.tree.reapCandidates(mtime + 1_000, 0));
    d.apply(new Txn.Delete("/k/c", -1));
    assertEquals(List.of("/k"), d.tree.reapCandidates(mtime, 0));
    assertEquals(ErrorCode.OK, d.apply(new Txn.DeleteContainer("/k")).err());
    assertNull(d.tree.exists("/k"));
  }

  @ParameterizedTest
  @MethodSource("trees")
  void ephemeralsCannotHaveChildren(Supplier<TreeUnderTest> factory) {
    Driver d = new Driver(factory);
    d.apply(new Txn.CreateSession(4000));
    d.create("/e", CreateMode.EPHEMERAL);
    ApplyResult r = d.apply(create("/e/c", CreateMode.PERSISTENT));
    assertEquals(ErrorCode.NOCHILDRENFOREPHEMERALS, r.err());
    assertEquals(ErrorCode.NODEEXISTS, d.apply(create("/e", CreateMode.EPHEMERAL)).err());
    // The root has had one create and has two children (zookeeper, e): 2 × 1 − 2.
    assertEquals(0, d.tree.exists("/").cversion());
  }
}
