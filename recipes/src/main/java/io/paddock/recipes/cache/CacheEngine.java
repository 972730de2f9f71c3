package io.paddock.recipes.cache;

import io.paddock.client.DataAndStat;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.internal.Failures;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery of every cache: one persistent watch on the root (recursive unless only the root is
 * cached), a read per created or changed node, and a full re-read ("resync") after start, every
 * reconnect and every new session.
 *
 * <p>Answers may be handled out of order (a retried read completes late), so every result is
 * checked against zxids: a read never replaces a newer version or resurrects a node deleted after
 * it was created, and a NoNode answer or a listing removes only nodes created before the request
 * was issued ({@code knownZxid} at issue time is a lower bound of the server state that answered).
 * A node deleted later always brings its own delete event, so the cache converges.
 */
final class CacheEngine {
  private static final Logger LOG = LoggerFactory.getLogger(CacheEngine.class);

  /** How many recent deletes are remembered to refuse stale reads. */
  static final int TOMBSTONES_MAX = 4_096;

  private final WatcherRemovingFramework framework;
  private final String root;
  private final int maxDepth;
  private final boolean cacheData;
  private final Executor executor;
  private final Consumer<CacheEvent> sink;
  private final Lifecycle lifecycle = new Lifecycle("the cache");
  private final NavigableMap<String, ChildData> nodes = new ConcurrentSkipListMap<>();
  private final Map<String, Long> tombstones =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > TOMBSTONES_MAX;
        }
      };
  private final CountDownLatch initialized = new CountDownLatch(1);
  private final AtomicReference<Round> round = new AtomicReference<>();
  private final Watcher watcher = this::onEvent;
  private final ConnectionStateListener stateListener = this::onState;
  private long knownZxid;

  /** One full re-read; done when its last outstanding read is handled. */
  private static final class Round {
    final AtomicInteger pending = new AtomicInteger(1);
  }

  CacheEngine(
      PaddockFramework framework,
      String root,
      int maxDepth,
      boolean cacheData,
      Executor executor,
      Consumer<CacheEvent> sink) {
    this.framework = framework.newWatcherRemovingFramework();
    this.root = ZnodePaths.validate(root);
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must be >= 0");
    }
    this.maxDepth = maxDepth;
    this.cacheData = cacheData;
    this.executor = executor;
    this.sink = sink;
  }

  void start() {
    lifecycle.start();
    framework.addConnectionStateListener(stateListener);
    resync();
  }

  void close() {
    if (lifecycle.close()) {
      framework.removeConnectionStateListener(stateListener);
      framework.removeWatchers();
      nodes.clear();
    }
  }

  boolean awaitInitialized(long timeoutMs) throws InterruptedException {
    return initialized.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  ChildData get(String path) {
    return nodes.get(path);
  }

  /** The cached direct children of {@code path}, by name. */
  Map<String, ChildData> children(String path) {
    Map<String, ChildData> out = new LinkedHashMap<>();
    for (ChildData d : descendants(path).values()) {
      if (ZnodePaths.parent(d.path()).equals(path)) {
        out.put(ZnodePaths.name(d.path()), d);
      }
    }
    return out;
  }

  /** Every cached node, in path order. */
  List<ChildData> all() {
    return new ArrayList<>(nodes.values());
  }

  private NavigableMap<String, ChildData> descendants(String path) {
    if (ZnodePaths.ROOT.equals(path)) {
      return nodes.tailMap(ZnodePaths.ROOT, false);
    }
    // '/' + 1 == '0': the keys between "p/" and "p0" are exactly the descendants of p
    return nodes.subMap(path + "/", true, path + "0", false);
  }

  private int depth(String path) {
    if (!ZnodePaths.isAtOrBelow(path, root)) {
      return -1;
    }
    String below = path.substring(root.length());
    int depth = 0;
    for (int i = 0; i < below.length(); i++) {
      if (below.charAt(i) == '/') {
        depth++;
      }
    }
    return ZnodePaths.ROOT.equals(root) && !path.equals(root) ? depth + 1 : depth;
  }

  private void onState(PaddockFramework fw, ConnectionState state) {
    switch (state) {
      case SUSPENDED -> emit(CacheEvent.Type.CONNECTION_SUSPENDED, null, null);
      case LOST -> emit(CacheEvent.Type.CONNECTION_LOST, null, null);
      case RECONNECTED -> {
        emit(CacheEvent.Type.CONNECTION_RECONNECTED, null, null);
        resync();
      }
      case CONNECTED -> resync();
      default -> {
        // READ_ONLY: reads still work; nothing to do
      }
    }
  }

  /** (Re-)adds the watch, then re-reads the whole cache. */
  private void resync() {
    if (!lifecycle.isStarted()) {
      return;
    }
    Round r = new Round();
    round.set(r);
    framework
        .watches()
        .add()
        .withMode(maxDepth == 0 ? AddWatchMode.PERSISTENT : AddWatchMode.PERSISTENT_RECURSIVE)
        .usingWatcher(watcher)
        .forPathAsync(root)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                LOG.debug("watching {} failed; the next reconnect tries again", root, e);
                return;
              }
              read(root, r);
              finish(r);
            });
  }

  private void onEvent(WatchedEvent event) {
    String path = event.path();
    if (path == null || !lifecycle.isStarted()) {
      return;
    }
    int depth = depth(path);
    if (depth < 0 || depth > maxDepth) {
      return;
    }
    switch (event.type()) {
      case NODE_CREATED, NODE_DATA_CHANGED -> read(path, null);
      case NODE_DELETED -> deleted(path, event.zxid());
      default -> {
        // children changes come as creates and deletes of the children themselves
      }
    }
  }

  private synchronized void deleted(String path, long zxid) {
    if (zxid > 0) {
      knownZxid = Math.max(knownZxid, zxid);
      tombstones.put(path, zxid);
    }
    removeSubtree(path, Long.MAX_VALUE);
  }

  /** Reads a node; inside a round also lists its children and reads them. */
  private void read(String path, Round r) {
    long issuedAt = issueZxid();
    if (r != null) {
      r.pending.incrementAndGet();
    }
    framework
        .getData()
        .forPathWithStatAsync(path)
        .whenComplete(
            (result, e) -> {
              try {
                if (e == null) {
                  boolean kept = applyData(path, result);
                  if (r != null && kept && depth(path) < maxDepth) {
                    list(path, r);
                  }
                } else if (Failures.is(e, ErrorCode.NONODE)) {
                  gone(path, issuedAt);
                } else {
                  LOG.debug("reading {} failed; the next resync reads it", path, e);
                }
              } finally {
                if (r != null) {
                  finish(r);
                }
              }
            });
  }

  private void list(String path, Round r) {
    long issuedAt = issueZxid();
    r.pending.incrementAndGet();
    AtomicReference<Stat> parentStat = new AtomicReference<>();
    framework
        .getChildren()
        .storingStatIn(parentStat)
        .forPathAsync(path)
        .whenComplete(
            (names, e) -> {
              try {
                if (e == null) {
                  listed(path, new HashSet<>(names), parentStat.get(), issuedAt);
                  for (String name : names) {
                    read(ZnodePaths.child(path, name), r);
                  }
                } else if (Failures.is(e, ErrorCode.NONODE)) {
                  gone(path, issuedAt);
                } else {
                  LOG.debug("listing {} failed; the next resync lists it", path, e);
                }
              } finally {
                finish(r);
              }
            });
  }

  private synchronized long issueZxid() {
    return knownZxid;
  }

  private synchronized void see(Stat stat) {
    if (stat != null) {
      knownZxid = Math.max(knownZxid, Math.max(stat.mzxid(), stat.pzxid()));
    }
  }

  /** Applies a read; false when it was stale. */
  private synchronized boolean applyData(String path, DataAndStat result) {
    if (!lifecycle.isStarted()) {
      return false;
    }
    Stat stat = result.stat();
    see(stat);
    Long deletedAt = tombstones.get(path);
    if (deletedAt != null) {
      if (stat.czxid() < deletedAt) {
        return false; // read before a delete we already applied
      }
      tombstones.remove(path);
    }
    ChildData old = nodes.get(path);
    if (old != null) {
      if (stat.czxid() < old.stat().czxid()
          || (stat.czxid() == old.stat().czxid() && stat.mzxid() <= old.stat().mzxid())) {
        return stat.czxid() == old.stat().czxid(); // same or older version: nothing new
      }
    }
    ChildData now = new ChildData(path, stat, cacheData ? result.data() : null);
    if (old != null && old.stat().czxid() != stat.czxid()) {
      // deleted and re-created while we did not look: report both
      removeSubtree(path, Long.MAX_VALUE);
      old = null;
    }
    nodes.put(path, now);
    emit(old == null ? CacheEvent.Type.NODE_ADDED : CacheEvent.Type.NODE_UPDATED, now, old);
    return true;
  }

  private synchronized void gone(String path, long issuedAt) {
    ChildData old = nodes.get(path);
    if (old != null && old.stat().czxid() <= issuedAt) {
      removeSubtree(path, issuedAt);
    }
  }

  private synchronized void listed(String path, Set<String> names, Stat parent, long issuedAt) {
    see(parent);
    for (ChildData child : children(path).values()) {
      if (!names.contains(ZnodePaths.name(child.path())) && child.stat().czxid() <= issuedAt) {
        removeSubtree(child.path(), issuedAt);
      }
    }
  }

  /** Removes a node and its descendants created no later than {@code createdBy}, deepest first. */
  private void removeSubtree(String path, long createdBy) {
    List<ChildData> doomed = new ArrayList<>(descendants(path).descendingMap().values());
    ChildData self = nodes.get(path);
    if (self != null) {
      doomed.add(self);
    }
    for (ChildData d : doomed) {
      if (d.stat().czxid() <= createdBy && nodes.remove(d.path(), d)) {
        emit(CacheEvent.Type.NODE_REMOVED, d, null);
      }
    }
  }

  private void finish(Round r) {
    if (r.pending.decrementAndGet() != 0 || round.get() != r || !lifecycle.isStarted()) {
      return;
    }
    if (initialized.getCount() > 0) {
      initialized.countDown();
      emit(CacheEvent.Type.INITIALIZED, null, null);
    } else {
      emit(CacheEvent.Type.RESYNCED, null, null);
    }
  }

  private synchronized void emit(CacheEvent.Type type, ChildData data, ChildData old) {
    if (!lifecycle.isStarted()) {
      return;
    }
    CacheEvent event = new CacheEvent(type, data, old);
    executor.execute(
        () -> {
          if (!lifecycle.isStarted()) {
            return; // closed while the event waited: a closed cache reports nothing
          }
          try {
            sink.accept(event);
          } catch (RuntimeException e) {
            LOG.warn("a cache listener failed on {}", event, e);
          }
        });
  }
}
