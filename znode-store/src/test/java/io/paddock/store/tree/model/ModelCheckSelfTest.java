package io.paddock.store.tree.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Acl;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Stat;
import io.paddock.store.tree.AclWithStat;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.ChildrenWithStat;
import io.paddock.store.tree.OpResult;
import io.paddock.store.tree.ZnodeData;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.NodeZxids;
import io.paddock.store.watch.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model check must be able to fail: each planted bug below, a small deviation from the
 * reference, has to be caught within a few seeds, with the seed and replay line in the message.
 */
class ModelCheckSelfTest {
  private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L);
  private static final int TXNS = 2_000;

  /** Forwards everything to a fresh reference; planted bugs override one method. */
  private static class Forwarding implements TreeUnderTest {
    final TreeUnderTest inner = TreeUnderTest.reference();

    @Override
    public ApplyResult apply(TxnHeader header, Txn txn) {
      return inner.apply(header, txn);
    }

    @Override
    public ZnodeData getData(String path) {
      return inner.getData(path);
    }

    @Override
    public Stat exists(String path) {
      return inner.exists(path);
    }

    @Override
    public ChildrenWithStat getChildren(String path) {
      return inner.getChildren(path);
    }

    @Override
    public AclWithStat getAcl(String path) {
      return inner.getAcl(path);
    }

    @Override
    public List<Acl> aclOf(String path) {
      return inner.aclOf(path);
    }

    @Override
    public int getAllChildrenNumber(String path) {
      return inner.getAllChildrenNumber(path);
    }

    @Override
    public List<String> getEphemerals(long sessionId, String prefix) {
      return inner.getEphemerals(sessionId, prefix);
    }

    @Override
    public int nodeCount() {
      return inner.nodeCount();
    }

    @Override
    public Map<Long, Integer> sessions() {
      return inner.sessions();
    }

    @Override
    public boolean hasSession(long sessionId) {
      return inner.hasSession(sessionId);
    }

    @Override
    public long lastProcessedZxid() {
      return inner.lastProcessedZxid();
    }

    @Override
    public List<String> reapCandidates(long nowMs, long maxNeverUsedIntervalMs) {
      return inner.reapCandidates(nowMs, maxNeverUsedIntervalMs);
    }

    @Override
    public void checkInvariants() {}

    @Override
    public long digest() {
      return 0;
    }

    @Override
    public NodeZxids nodeZxids() {
      return inner.nodeZxids();
    }
  }

  static Stream<Named<Supplier<TreeUnderTest>>> plantedBugs() {
    return Stream.of(
        Named.of(
            "children-changed on the root is dropped",
            () ->
                new Forwarding() {
                  @Override
                  public ApplyResult apply(TxnHeader header, Txn txn) {
                    ApplyResult r = inner.apply(header, txn);
                    List<WatchEvent> events = new ArrayList<>(r.events());
                    events.removeIf(
                        e -> e.type() == EventType.NODE_CHILDREN_CHANGED && e.path().equals("/"));
                    return new ApplyResult(r.zxid(), r.err(), r.result(), events);
                  }
                }),
        Named.of(
            "a failed multi reports the failing code for every op",
            () ->
                new Forwarding() {
                  @Override
                  public ApplyResult apply(TxnHeader header, Txn txn) {
                    ApplyResult r = inner.apply(header, txn);
                    if (!(txn instanceof Txn.Multi) || r.err().isOk()) {
                      return r;
                    }
                    List<OpResult> same = new ArrayList<>();
                    ((OpResult.MultiResults) r.result())
                        .results()
                        .forEach(x -> same.add(new OpResult.Failed(r.err())));
                    return new ApplyResult(
                        r.zxid(), r.err(), new OpResult.MultiResults(same), r.events());
                  }
                }),
        Named.of(
            "getEphemerals ignores the prefix",
            () ->
                new Forwarding() {
                  @Override
                  public List<String> getEphemerals(long sessionId, String prefix) {
                    return inner.getEphemerals(sessionId, "/");
                  }
                }),
        Named.of(
            "a TTL node is reaped one ms early",
            () ->
                new Forwarding() {
                  @Override
                  public List<String> reapCandidates(long nowMs, long maxNeverUsedIntervalMs) {
                    return inner.reapCandidates(nowMs + 1, maxNeverUsedIntervalMs);
                  }
                }),
        Named.of(
            "stats report the stored cversion",
            () ->
                new Forwarding() {
                  @Override
                  public Stat exists(String path) {
                    Stat s = inner.exists(path);
                    return s == null || s.numChildren() < 2
                        ? s
                        : new Stat(
                            s.czxid(),
                            s.mzxid(),
                            s.ctime(),
                            s.mtime(),
                            s.version(),
                            (s.cversion() + s.numChildren()) / 2,
                            s.aversion(),
                            s.ephemeralOwner(),
                            s.dataLength(),
                            s.numChildren(),
                            s.pzxid());
                  }
                }),
        Named.of(
            "getData turns empty data into null",
            () ->
                new Forwarding() {
                  @Override
                  public ZnodeData getData(String path) {
                    ZnodeData d = inner.getData(path);
                    return d == null || d.data() == null || d.data().length > 0
                        ? d
                        : new ZnodeData(null, d.stat());
                  }
                }));
  }

  @ParameterizedTest
  @MethodSource("plantedBugs")
  void plantedBugIsCaught(Supplier<TreeUnderTest> mutant) {
    List<ModelMismatch> failures = ModelRun.runSeeds(SEEDS, TXNS, 50, mutant);
    assertFalse(failures.isEmpty(), "the planted bug went unnoticed");
    String message = failures.get(0).getMessage();
    assertTrue(message.contains("-Dpaddock.model.seed=" + failures.get(0).seed), message);
    assertTrue(message.contains("reference: "), message);
  }

  @Test
  void theReferenceAgreesWithItself() {
    assertEquals(List.of(), ModelRun.runSeeds(SEEDS, TXNS, 10, TreeUnderTest::reference));
  }
}
