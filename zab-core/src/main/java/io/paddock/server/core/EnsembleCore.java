package io.paddock.server.core;

import io.paddock.server.config.ConfigLimits;
import io.paddock.server.config.QuorumMember;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.core.fourletter.Environment;
import io.paddock.server.zab.PeerStatus;
import io.paddock.server.zab.PeerTiming;
import io.paddock.server.zab.QuorumSpec;
import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabPeer;
import io.paddock.server.zab.ZabTransport;
import io.paddock.store.db.ZnodeDatabase;
import io.paddock.store.io.AtomicStateFile;
import io.paddock.store.io.StorageDirectory;
import io.paddock.store.txn.DecodedTxn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server core of an ensemble member: ZooKeeper's QuorumPeer with its Leader/Follower/Observer
 * ZooKeeperServer, driven by one state thread (see {@link MemberLoop}). The ZAB peer runs the
 * protocol over the {@link ZabTransport} given to {@link #start}; the transport feeds what arrives
 * through {@link #onPeerMessage} and {@link #onPeerDisconnected}. While the peer is in BROADCAST
 * this member serves clients with the pipeline of its role; otherwise it closes their connections
 * at once (they move to another member) and answers four-letter words with ZooKeeper's "not
 * currently serving" text.
 *
 * <p>Layout on disk as standalone (snapshots in {@code dataDir/version-2}, the log in {@code
 * dataLogDir/version-2}) plus the {@code acceptedEpoch} and {@code currentEpoch} files.
 */
public final class EnsembleCore extends QueuedCore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnsembleCore.class);

  private final long randomSeed;
  private final StorageOpener storage;
  private final int tickMs;
  private final String hostName = Environment.lookUpHostName();
  private volatile MemberLoop loop;
  private volatile int boundClientPort;

  private EnsembleCore(Builder b) {
    super(b.config, b.clock);
    this.randomSeed = b.randomSeed;
    this.storage = b.storage;
    this.tickMs = b.tickMs;
    this.boundClientPort = config.clientPort();
  }

  /** A builder for the member {@code config.myid()} of the ensemble in {@code config}. */
  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  /** Builds an {@link EnsembleCore}. */
  public static final class Builder {
    private final ServerConfig config;
    private CoreClock clock = CoreClock.system();
    private long randomSeed = System.nanoTime();
    private StorageOpener storage = StorageOpener.nio();
    private int tickMs = PeerTiming.TICK_MS_DEFAULT;

    private Builder(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      if (!config.isQuorum() || config.self().isEmpty()) {
        throw new IllegalArgumentException(
            "not an ensemble member: the configuration needs server.N lines including myid "
                + config.myid());
      }
    }

    /** The clock (default: the system clocks). */
    public Builder clock(CoreClock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The seed of every random choice (default: from the clock). */
    public Builder randomSeed(long value) {
      randomSeed = value;
      return this;
    }

    /** How the data directories are opened (default: real directories). */
    public Builder storage(StorageOpener value) {
      storage = Objects.requireNonNull(value, "storage");
      return this;
    }

    /** The peer's tick, in ms (default {@link PeerTiming#TICK_MS_DEFAULT}). */
    public Builder tickMs(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("tickMs < 1: " + value);
      }
      tickMs = value;
      return this;
    }

    /** The core, not started. */
    public EnsembleCore build() {
      return new EnsembleCore(this);
    }
  }

  /** The voters and observers of the configured ensemble. */
  public static QuorumSpec quorumOf(ServerConfig config) {
    List<Long> voters = new ArrayList<>();
    List<Long> observers = new ArrayList<>();
    for (QuorumMember m : config.members()) {
      (m.isParticipant() ? voters : observers).add(m.id());
    }
    return QuorumSpec.of(voters, observers);
  }

  /**
   * Opens the database and the epoch files and starts the state thread, whose peer begins with an
   * election.
   *
   * @param transport sends to the other members
   * @param transportFlush called once per round, after the peer's sends of the round
   * @throws IOException when the data cannot be opened
   */
  public synchronized void start(ZabTransport transport, Runnable transportFlush)
      throws IOException {
    if (loop != null) {
      throw new IllegalStateException("already started");
    }
    StorageDirectory snapshots = storage.open(config.dataDir().resolve(ConfigLimits.VERSION_DIR));
    StorageDirectory logs = storage.open(config.dataLogDir().resolve(ConfigLimits.VERSION_DIR));
    ZnodeDatabase db =
        ZnodeDatabase.openReplica(
            snapshots, logs, StandaloneCore.databaseOptions(config, randomSeed));
    try {
      DatabaseReplicaStore store = new DatabaseReplicaStore(db, new AtomicStateFile(snapshots));
      PeerTiming timing =
          PeerTiming.fromZooCfg(
              config.tickTimeMs(), config.initLimitTicks(), config.syncLimitTicks(), tickMs);
      QuorumSpec quorum = quorumOf(config);
      Random random = new Random(randomSeed);
      MemberLoop[] self = new MemberLoop[1];
      MemberRole.Zab zab = new ZabLink(store, self);
      MemberLoop l =
          new MemberLoop(
              store,
              listener ->
                  new ZabPeer(config.myid(), quorum, timing, store, transport, listener, random),
              status -> {
                MemberRole role =
                    new MemberRole(
                        new CoreState(config, clock, db, stats),
                        status,
                        zab,
                        self[0]::status,
                        hostName);
                role.fourLetter().setBoundClientPort(boundClientPort);
                return role;
              },
              transportFlush,
              clock,
              tickMs,
              stats);
      self[0] = l;
      loop = l;
      l.start("paddock-member-" + config.myid());
      LOG.info(
          "Ensemble member {} started at zxid 0x{} ({} voters, {} observers)",
          config.myid(),
          Long.toHexString(db.lastLoggedZxid()),
          quorum.voters().size(),
          quorum.observers().size());
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** What the serving role needs of the peer, on the state thread. */
  private record ZabLink(DatabaseReplicaStore store, MemberLoop[] loop) implements MemberRole.Zab {
    private ZabPeer peer() {
      return loop[0].peer();
    }

    @Override
    public long propose(byte[] txn, DecodedTxn decoded) {
      store.proposing(decoded.header().zxid(), decoded);
      return peer().propose(txn);
    }

    @Override
    public void flush() {
      peer().flush();
    }

    @Override
    public boolean toLeader(byte[] payload) {
      return peer().forwardToLeader(payload);
    }

    @Override
    public boolean toLearner(long learnerId, byte[] payload) {
      return peer().sendToLearner(learnerId, payload);
    }
  }

  /** A protocol message from member {@code fromId} (any thread). */
  public void onPeerMessage(long fromId, ZabMessage message) {
    MemberLoop l = loop;
    if (l != null) {
      l.enqueue(new MemberLoop.Message(fromId, message));
    }
  }

  /** The connection to member {@code peerId} broke (any thread). */
  public void onPeerDisconnected(long peerId) {
    MemberLoop l = loop;
    if (l != null) {
      l.enqueue(new MemberLoop.Disconnected(peerId));
    }
  }

  /** The peer's status as of the last round, or null before the start. */
  public PeerStatus peerStatus() {
    MemberLoop l = loop;
    return l == null ? null : l.status();
  }

  /** True while the member serves clients (its peer is in BROADCAST). */
  public boolean isServing() {
    PeerStatus s = peerStatus();
    return s != null && s.isServing() && isRunning();
  }

  /** True between {@link #start} and the end of {@link #close()} (or a fatal error). */
  public boolean isRunning() {
    MemberLoop l = loop;
    return l != null && l.isAccepting();
  }

  /** The error that stopped the state thread, or null. */
  public Throwable failure() {
    MemberLoop l = loop;
    return l == null ? null : l.failure();
  }

  /** Tells the core the client port the transport bound (for {@code conf}). */
  public void setBoundClientPort(int port) {
    boundClientPort = port;
  }

  /** Stops the member: the peer stops, connections close, the database closes. */
  @Override
  public void close() {
    MemberLoop l = loop;
    if (l == null) {
      return;
    }
    l.stop();
    try {
      l.terminated().get(CoreLimits.CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.error("The ensemble member did not stop within {} ms", CoreLimits.CLOSE_WAIT_MS, e);
    }
  }

  @Override
  boolean offer(CoreEvent event) {
    MemberLoop l = loop;
    return l != null && l.enqueue(event);
  }
}
