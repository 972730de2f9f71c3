package io.paddock.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One request slot of a session: it keeps exactly one async request in flight, and the reply's
 * callback (on the session's event thread) records it and issues the next. Paths, values and multi
 * op lists are built before the run, so an op allocates nothing beyond what the client does.
 *
 * <p>Creates and deletes touch only the slot's own {@value #OWN_PATHS} paths: a create takes a path
 * that does not exist, a delete one that does (when none qualifies, the other op is issued), so
 * neither fails for a reason of the harness' making.
 */
final class LoadSlot
    implements AsyncCallback.DataCallback,
        AsyncCallback.StatCallback,
        AsyncCallback.StringCallback,
        AsyncCallback.VoidCallback,
        AsyncCallback.MultiCallback {
  /** Paths per slot for creates and deletes (bits of {@link #ownExisting}). */
  static final int OWN_PATHS = 8;

  /** Prebuilt multi op lists per slot, used in turn. */
  static final int MULTIS = 16;

  private static final int OPS_PER_MULTI = 2;
  private static final int ALL_OWN = (1 << OWN_PATHS) - 1;

  private final ZooKeeper zk;
  private final LoadSpec spec;
  private final KeySpace keys;
  private final RunPhase phase;
  private final SessionRecorder recorder;
  private final Runnable onDone;
  private final SplittableRandom random;
  private final byte[] value;
  private final String[] ownPaths;
  private final List<List<Op>> multis;

  private int ownExisting;
  private int ownIndex;
  private int multiIndex;
  private OpKind inFlight;
  private long startNs;
  private boolean startedMeasuring;

  LoadSlot(
      ZooKeeper zk,
      LoadSpec spec,
      KeySpace keys,
      String ownRoot,
      String slotName,
      RunPhase phase,
      SessionRecorder recorder,
      Runnable onDone,
      long seed) {
    this.zk = zk;
    this.spec = spec;
    this.keys = keys;
    this.phase = phase;
    this.recorder = recorder;
    this.onDone = onDone;
    this.random = new SplittableRandom(seed);
    this.value =
        keys.value().length == spec.valueBytes() ? keys.value() : Values.of(spec.valueBytes());
    this.ownPaths = new String[spec.mix().createsNodes() ? OWN_PATHS : 0];
    for (int i = 0; i < ownPaths.length; i++) {
      ownPaths[i] = String.format(Locale.ROOT, "%s/%s-%d", ownRoot, slotName, i);
    }
    this.multis = new ArrayList<>();
    if (spec.mix().weight(OpKind.MULTI) > 0) {
      for (int m = 0; m < MULTIS; m++) {
        List<Op> ops = new ArrayList<>(OPS_PER_MULTI);
        for (int o = 0; o < OPS_PER_MULTI; o++) {
          ops.add(Op.setData(keys.path(random.nextInt(keys.size())), value, -1));
        }
        multis.add(ops);
      }
    }
  }

  /** Issues the next request, or reports the slot done once the run is stopping. */
  void issueNext() {
    int now = phase.get();
    if (now == RunPhase.STOP) {
      onDone.run();
      return;
    }
    OpKind kind = spec.mix().pick(random.nextInt(OpMix.WEIGHT_TOTAL));
    if (kind == OpKind.CREATE && ownExisting == ALL_OWN) {
      kind = OpKind.DELETE;
    } else if (kind == OpKind.DELETE && ownExisting == 0) {
      kind = OpKind.CREATE;
    }
    inFlight = kind;
    startedMeasuring = now == RunPhase.MEASURE;
    startNs = System.nanoTime();
    switch (kind) {
      case GET_DATA -> zk.getData(randomKey(), false, this, null);
      case EXISTS -> zk.exists(randomKey(), false, (AsyncCallback.StatCallback) this, null);
      case SET_DATA -> zk.setData(randomKey(), value, -1, this, null);
      case CREATE -> {
        ownIndex = Integer.numberOfTrailingZeros(~ownExisting);
        zk.create(
            ownPaths[ownIndex],
            value,
            ZooDefs.Ids.OPEN_ACL_UNSAFE,
            CreateMode.PERSISTENT,
            this,
            null);
      }
      case DELETE -> {
        ownIndex = Integer.numberOfTrailingZeros(ownExisting);
        zk.delete(ownPaths[ownIndex], -1, this, null);
      }
      case MULTI -> {
        multiIndex = (multiIndex + 1) % MULTIS;
        zk.multi(multis.get(multiIndex), this, null);
      }
    }
  }

  private String randomKey() {
    return keys.path(random.nextInt(keys.size()));
  }

  private void complete(int rc) {
    long latencyNs = System.nanoTime() - startNs;
    if (startedMeasuring && phase.get() == RunPhase.MEASURE) {
      recorder.record(rc, latencyNs);
    }
    if (inFlight == OpKind.CREATE
        && (rc == 0 || rc == KeeperException.Code.NODEEXISTS.intValue())) {
      ownExisting |= 1 << ownIndex;
    } else if (inFlight == OpKind.DELETE
        && (rc == 0 || rc == KeeperException.Code.NONODE.intValue())) {
      ownExisting &= ~(1 << ownIndex);
    }
    issueNext();
  }

  @Override
  public void processResult(int rc, String path, Object ctx, byte[] data, Stat stat) {
    complete(rc);
  }

  @Override
  public void processResult(int rc, String path, Object ctx, Stat stat) {
    complete(rc);
  }

  @Override
  public void processResult(int rc, String path, Object ctx, String name) {
    complete(rc);
  }

  @Override
  public void processResult(int rc, String path, Object ctx) {
    complete(rc);
  }

  @Override
  public void processResult(int rc, String path, Object ctx, List<OpResult> opResults) {
    complete(rc);
  }
}
