package io.paddock.server.core;

import io.paddock.server.config.ConfigLimits;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.core.fourletter.Environment;
import io.paddock.store.db.DatabaseOptions;
import io.paddock.store.db.ZnodeDatabase;
import io.paddock.store.io.StorageDirectory;
import io.paddock.store.log.LogOptions;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone server core: ZooKeeper's ZooKeeperServer, PrepRequestProcessor,
 * FinalRequestProcessor and SessionTracker in one {@link ServerCore}, driven by one state thread.
 *
 * <p><b>Threading.</b> Every {@link ServerCore} method may be called from any transport thread; it
 * queues an event and returns (it waits only while the bounded event queue is full, which pushes
 * back on the network). One state thread owns the database, the tree, the watches, the sessions and
 * the connections' state; it takes the queued events a batch at a time, answers reads at once,
 * preps and logs writes, commits the batch with one fsync, then applies, notifies and replies in
 * arrival order (see {@link GroupCommit}). Four-letter words are computed on that thread too.
 *
 * <p><b>Layout.</b> Snapshots go to {@code dataDir/version-2}, the txn log to {@code
 * dataLogDir/version-2}, as ZooKeeper lays them out; {@code snapCount}, {@code preAllocSize} and
 * {@code forceSync} map onto the database's options.
 *
 * <p>The four-letter whitelist is checked here as well as wherever the transport checks it: a word
 * outside it gets ZooKeeper's "not in the whitelist" text ({@link #isFourLetterWordEnabled}).
 */
public final class StandaloneCore extends QueuedCore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneCore.class);
  private static final String THREAD_NAME = "paddock-state";
  private static final long PAYLOAD_MARGIN_BYTES = 64 * 1024;

  private final long randomSeed;
  private final StorageOpener storage;
  private volatile StateLoop loop;
  private volatile CoreState state;
  private volatile Pipeline pipeline;

  private StandaloneCore(Builder b) {
    super(b.config, b.clock);
    this.randomSeed = b.randomSeed;
    this.storage = b.storage;
  }

  /** A builder for a core running {@code config}; call {@link #start()} on what it builds. */
  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  /** Builds a {@link StandaloneCore}. */
  public static final class Builder {
    private final ServerConfig config;
    private CoreClock clock = CoreClock.system();
    private long randomSeed = System.nanoTime();
    private StorageOpener storage = StorageOpener.nio();

    private Builder(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock (default: the system clocks). */
    public Builder clock(CoreClock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The seed of every random choice (default: from the clock); fix it in tests. */
    public Builder randomSeed(long value) {
      randomSeed = value;
      return this;
    }

    /** How the data directories are opened (default: real directories). */
    public Builder storage(StorageOpener value) {
      storage = Objects.requireNonNull(value, "storage");
      return this;
    }

    /** The core, not started. */
    public StandaloneCore build() {
      return new StandaloneCore(this);
    }
  }

  /**
   * Opens the database (recovering data and sessions from the newest snapshot and the log) and
   * starts the state thread.
   *
   * @throws IOException when the database cannot be opened
   * @throws IllegalStateException when called twice
   */
  public synchronized void start() throws IOException {
    if (loop != null) {
      throw new IllegalStateException("already started");
    }
    StorageDirectory snapshots = storage.open(config.dataDir().resolve(ConfigLimits.VERSION_DIR));
    StorageDirectory logs = storage.open(config.dataLogDir().resolve(ConfigLimits.VERSION_DIR));
    ZnodeDatabase db = ZnodeDatabase.open(snapshots, logs, databaseOptions(config, randomSeed));
    try {
      CoreState s = new CoreState(config, clock, db, stats);
      Pipeline p = new Pipeline(s, Environment.lookUpHostName());
      StateLoop l = new StateLoop(p, db, stats);
      state = s;
      pipeline = p;
      loop = l;
      l.start(THREAD_NAME);
      LOG.info(
          "Server core started at zxid 0x{} with {} sessions",
          Long.toHexString(s.lastProcessedZxid()),
          s.sessions.size());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The database options a server with {@code config} uses. */
  static DatabaseOptions databaseOptions(ServerConfig config, long randomSeed) {
    long entryMax =
        Math.min(
            LogOptions.SIZE_LIMIT_BYTES,
            Math.max(
                LogOptions.DEFAULT_ENTRY_PAYLOAD_BYTES_MAX,
                2L * config.juteMaxBufferBytes() + PAYLOAD_MARGIN_BYTES));
    long pendingMax =
        Math.min(
            LogOptions.PENDING_LIMIT_BYTES,
            Math.max(
                LogOptions.DEFAULT_PENDING_BYTES_MAX,
                2 * entryMax + CoreLimits.BATCH_TXN_BYTES_MAX));
    LogOptions log =
        LogOptions.builder()
            .preAllocBytes(Math.max(1, config.preAllocSizeKb() * 1024))
            .forceSync(config.forceSync())
            .entryPayloadBytesMax((int) entryMax)
            .pendingBytesMax((int) pendingMax)
            .build();
    return DatabaseOptions.defaults(randomSeed)
        .withSnapCount(config.snapCount())
        .withLogOptions(log);
  }

  /**
   * Stops orderly: no new events are accepted, everything already queued is processed and
   * committed, every connection is closed without a message (sessions survive on disk until they
   * expire), and the database is closed. Waits up to {@link CoreLimits#CLOSE_WAIT_MS}.
   */
  @Override
  public void close() {
    StateLoop l = loop;
    if (l == null) {
      return;
    }
    l.stop();
    try {
      l.terminated().get(CoreLimits.CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.error("The server core did not stop within {} ms", CoreLimits.CLOSE_WAIT_MS, e);
    }
  }

  /** True between {@link #start()} and the end of {@link #close()} (or a fatal error). */
  public boolean isRunning() {
    StateLoop l = loop;
    return l != null && l.isAccepting();
  }

  /** The error that stopped the state thread, or null. */
  public Throwable failure() {
    StateLoop l = loop;
    return l == null ? null : l.failure();
  }

  /** The zxid of the last applied txn. */
  public long lastProcessedZxid() {
    CoreState s = state;
    return s == null ? 0 : s.lastProcessedZxid();
  }

  /**
   * Tells the core the port the transport actually bound (for {@code conf} when port 0 was asked).
   */
  public void setBoundClientPort(int port) {
    Pipeline p = pipeline;
    if (p == null) {
      throw new IllegalStateException("not started");
    }
    p.fourLetter().setBoundClientPort(port);
  }

  @Override
  boolean offer(CoreEvent event) {
    StateLoop l = loop;
    return l != null && l.enqueue(event);
  }
}
