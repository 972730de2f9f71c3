package io.paddock.server.core;

import io.paddock.server.config.ServerConfig;
import io.paddock.server.core.auth.AuthSchemes;
import io.paddock.server.core.prep.WritePrep;
import io.paddock.server.core.session.SessionTracker;
import io.paddock.store.db.ZnodeDatabase;
import io.paddock.store.model.Zxid;
import io.paddock.store.tree.DataTree;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.WatchRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the state thread owns, in one place: the database and its tree, the watch registry,
 * the sessions, the connections, the zxid counter and the counters. Only the state thread touches
 * it, except {@link #lastProcessedZxid}, which others may read.
 */
final class CoreState {
  final ServerConfig config;
  final CoreClock clock;
  final ZnodeDatabase db;
  final DataTree tree;
  final WatchRegistry<Connection> watches = new WatchRegistry<>();
  final SessionTracker sessions;
  final ServerStats stats;
  final Outbox outbox;
  final AuthSchemes auth;
  final WritePrep prep;
  final long startedMonotonicMs;
  private final Map<Long, Connection> connections = new LinkedHashMap<>();
  private final Map<Long, Connection> owners = new HashMap<>();
  private long nextZxid;

  /** What four-letter words report as the mode; an ensemble member sets its role. */
  String mode = "standalone";

  /** An ensemble member's view of its peer (for srvr, stat and mntr); null standalone. */
  java.util.function.Supplier<io.paddock.server.zab.PeerStatus> peerStatus;

  private volatile long lastProcessedZxid;

  CoreState(ServerConfig config, CoreClock clock, ZnodeDatabase db, ServerStats stats) {
    this.config = config;
    this.clock = clock;
    this.db = db;
    this.tree = db.tree();
    this.stats = stats;
    this.outbox = new Outbox(stats, clock);
    this.auth = new AuthSchemes(config.superDigest());
    this.prep = new WritePrep(config.extendedTypesEnabled());
    this.sessions = new SessionTracker(config.tickTimeMs(), config.myid(), clock.wallMs());
    this.startedMonotonicMs = clock.monotonicMs();
    this.nextZxid = db.lastLoggedZxid() + 1;
    this.lastProcessedZxid = tree.lastProcessedZxid();
    long now = clock.monotonicMs();
    // Sessions restored from disk get a full timeout from now to reconnect (ZooKeeper does this).
    tree.sessions().forEach((id, timeout) -> sessions.add(id, timeout, now));
  }

  /**
   * The header of the next txn: the next zxid, the wall clock now.
   *
   * @throws IllegalStateException when the zxid counter of the epoch is exhausted
   */
  TxnHeader nextHeader(long sessionId, int cxid, int type) {
    long zxid = nextZxid;
    if (Zxid.counter(zxid) == 0 || Zxid.epoch(zxid) != Zxid.epoch(zxid - 1)) {
      throw new IllegalStateException("zxid counter exhausted at 0x" + Long.toHexString(zxid - 1));
    }
    nextZxid++;
    return new TxnHeader(sessionId, cxid, zxid, clock.wallMs(), type);
  }

  /** Ensemble leader: the zxid its next proposal gets (ZAB numbers txns, not the database). */
  void resetNextZxid(long zxid) {
    nextZxid = zxid;
  }

  /** The zxid given to the last txn this member ordered. */
  long lastAssignedZxid() {
    return nextZxid - 1;
  }

  /** Records that the tree applied up to {@code zxid}. */
  void applied(long zxid) {
    lastProcessedZxid = zxid;
  }

  /** The last applied zxid; safe to read from any thread. */
  long lastProcessedZxid() {
    return lastProcessedZxid;
  }

  /** The sum of path lengths and data lengths over all nodes (mntr). */
  long approximateDataSize() {
    return db.tree().approximateDataSize();
  }

  Connection connection(ClientChannel channel) {
    return connections.get(channel.connectionId());
  }

  void addConnection(Connection c) {
    if (connections.putIfAbsent(c.channel.connectionId(), c) != null) {
      throw new IllegalStateException("connection id reused: " + c.channel.connectionId());
    }
  }

  /** Forgets a connection: its watches go, and its session (if it owned one) has no connection. */
  void removeConnection(Connection c) {
    connections.remove(c.channel.connectionId());
    watches.removeWatcher(c);
    if (c.sessionId() != 0 && owners.get(c.sessionId()) == c) {
      owners.remove(c.sessionId());
    }
  }

  Collection<Connection> connections() {
    return connections.values();
  }

  /** The connection that currently carries the session, or null. */
  Connection owner(long sessionId) {
    return owners.get(sessionId);
  }

  void setOwner(long sessionId, Connection c) {
    owners.put(sessionId, c);
  }

  void clearOwner(long sessionId) {
    owners.remove(sessionId);
  }
}
