package io.paddock.server.config;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting a Paddock server uses, validated and immutable. Made by {@link ZooCfgParser} from a
 * zoo.cfg, by {@link #defaults(Path)}, or by {@link #builder()} in code (EmbeddedServer: port 0 and
 * a temporary dataDir). Defaults and bounds are in {@link ConfigLimits}.
 *
 * <p>The server runs as a member of an ensemble ({@link #isQuorum()}) when at least two {@code
 * server.N} lines name participants; otherwise it runs standalone, with server id 0, as ZooKeeper
 * does.
 */
public final class ServerConfig {

  private final int tickTimeMs;
  private final int minSessionTimeoutMs;
  private final int maxSessionTimeoutMs;
  private final Path dataDir;
  private final Path dataLogDir;
  private final InetSocketAddress clientAddress;
  private final int clientPortListenBacklog;
  private final int maxClientCnxns;
  private final int snapCount;
  private final long preAllocSizeKb;
  private final boolean forceSync;
  private final int autopurgeSnapRetainCount;
  private final int autopurgeIntervalHours;
  private final Set<String> fourLetterWordWhitelist;
  private final int juteMaxBufferBytes;
  private final boolean extendedTypesEnabled;
  private final boolean readOnlyModeEnabled;
  private final int globalOutstandingLimit;
  private final Optional<String> superDigest;
  private final int containerCheckIntervalMs;
  private final int containerMaxPerMinute;
  private final long containerMaxNeverUsedIntervalMs;
  private final int initLimitTicks;
  private final int syncLimitTicks;
  private final int electionPortBindRetry;
  private final PeerRole peerType;
  private final long myid;
  private final List<QuorumMember> members;
  private final boolean quorum;

  /** Takes the builder's values once {@link ConfigValidator} has checked and derived them. */
  ServerConfig(ServerConfigBuilder b, ConfigValidator.Derived d) {
    tickTimeMs = b.tickTimeMs;
    minSessionTimeoutMs = d.minSessionTimeoutMs();
    maxSessionTimeoutMs = d.maxSessionTimeoutMs();
    dataDir = b.dataDir;
    dataLogDir = b.dataLogDir != null ? b.dataLogDir : b.dataDir;
    clientAddress = d.clientAddress();
    clientPortListenBacklog = b.clientPortListenBacklog;
    maxClientCnxns = b.maxClientCnxns;
    snapCount = b.snapCount;
    preAllocSizeKb = b.preAllocSizeKb;
    forceSync = b.forceSync;
    autopurgeSnapRetainCount = b.autopurgeSnapRetainCount;
    autopurgeIntervalHours = b.autopurgeIntervalHours;
    fourLetterWordWhitelist = ImmutableSortedSet.copyOf(b.fourLetterWordWhitelist);
    juteMaxBufferBytes = b.juteMaxBufferBytes;
    extendedTypesEnabled = b.extendedTypesEnabled;
    readOnlyModeEnabled = b.readOnlyModeEnabled;
    globalOutstandingLimit = b.globalOutstandingLimit;
    superDigest = Optional.ofNullable(b.superDigest);
    containerCheckIntervalMs = b.containerCheckIntervalMs;
    containerMaxPerMinute = b.containerMaxPerMinute;
    containerMaxNeverUsedIntervalMs = b.containerMaxNeverUsedIntervalMs;
    initLimitTicks = b.initLimitTicks;
    syncLimitTicks = b.syncLimitTicks;
    electionPortBindRetry = b.electionPortBindRetry;
    peerType = d.peerType();
    myid = d.myid();
    members =
        b.members.stream()
            .sorted(Comparator.comparingLong(QuorumMember::id))
            .collect(ImmutableList.toImmutableList());
    quorum = d.quorum();
  }

  /** A builder with every default; dataDir and a client port must be set before build. */
  public static ServerConfigBuilder builder() {
    return new ServerConfigBuilder();
  }

  /**
   * The configuration of {@code bin/paddock server} without a zoo.cfg: standalone, client port 2181
   * on all interfaces, every other setting at its default. System properties are not read here;
   * {@link ZooCfgParser#defaults(Path)} reads them.
   */
  public static ServerConfig defaults(Path dataDir) {
    return builder().dataDir(dataDir).clientPort(ConfigLimits.DEFAULT_CLIENT_PORT).build();
  }

  /** A builder holding this configuration's values, to derive a changed copy. */
  public ServerConfigBuilder toBuilder() {
    return ServerConfigBuilder.from(this);
  }

  /** The base time unit in ms (zoo.cfg {@code tickTime}; default 3000). */
  public int tickTimeMs() {
    return tickTimeMs;
  }

  /** The smallest session timeout granted, ms (default 2 × tickTime). */
  public int minSessionTimeoutMs() {
    return minSessionTimeoutMs;
  }

  /** The largest session timeout granted, ms (default 20 × tickTime). */
  public int maxSessionTimeoutMs() {
    return maxSessionTimeoutMs;
  }

  /** Where snapshots (and myid) live. */
  public Path dataDir() {
    return dataDir;
  }

  /** Where the txn log lives (default: dataDir). */
  public Path dataLogDir() {
    return dataLogDir;
  }

  /** The address the client port binds ({@code clientPortAddress}, or all interfaces). */
  public InetSocketAddress clientAddress() {
    return clientAddress;
  }

  /** The client port; 0 means any free port. */
  public int clientPort() {
    return clientAddress.getPort();
  }

  /** The listen backlog of the client port; -1 = the OS default. */
  public int clientPortListenBacklog() {
    return clientPortListenBacklog;
  }

  /** Connections allowed per client IP; 0 = unlimited (default 60). */
  public int maxClientCnxns() {
    return maxClientCnxns;
  }

  /** Txns between snapshots and log rolls (default 100000, at least 2). */
  public int snapCount() {
    return snapCount;
  }

  /** Txn log preallocation in KiB; 0 = none (default 65536). */
  public long preAllocSizeKb() {
    return preAllocSizeKb;
  }

  /** Whether the txn log is fsynced before a write is acknowledged ({@code forceSync=yes}). */
  public boolean forceSync() {
    return forceSync;
  }

  /** Snapshots (and their logs) autopurge keeps; at least 3 (default 3). */
  public int autopurgeSnapRetainCount() {
    return autopurgeSnapRetainCount;
  }

  /** Hours between autopurge runs; 0 = autopurge off (default). */
  public int autopurgeIntervalHours() {
    return autopurgeIntervalHours;
  }

  /** The four-letter words that answer; see {@link FourLetterWords} for syntax and default. */
  public Set<String> fourLetterWordWhitelist() {
    return fourLetterWordWhitelist;
  }

  /** Largest frame and znode payload in bytes (default 0xfffff). */
  public int juteMaxBufferBytes() {
    return juteMaxBufferBytes;
  }

  /** Whether TTL nodes are allowed ({@code zookeeper.extendedTypesEnabled}; default false). */
  public boolean extendedTypesEnabled() {
    return extendedTypesEnabled;
  }

  /** Whether a member cut off from its quorum serves reads ({@code readonlymode.enabled}). */
  public boolean readOnlyModeEnabled() {
    return readOnlyModeEnabled;
  }

  /** Requests in the pipeline before the server stops reading (default 1000). */
  public int globalOutstandingLimit() {
    return globalOutstandingLimit;
  }

  /** {@code super:<base64 sha1>} that authenticates the super user by digest, if set. */
  public Optional<String> superDigest() {
    return superDigest;
  }

  /** Interval between container and TTL node checks, ms (default 60000). */
  public int containerCheckIntervalMs() {
    return containerCheckIntervalMs;
  }

  /** Containers and TTL nodes deleted per minute at most (default 10000). */
  public int containerMaxPerMinute() {
    return containerMaxPerMinute;
  }

  /** Age after which a container that never had children is deleted, ms; 0 = never. */
  public long containerMaxNeverUsedIntervalMs() {
    return containerMaxNeverUsedIntervalMs;
  }

  /** Ticks a follower gets to connect and sync to the leader; 0 when unset (standalone). */
  public int initLimitTicks() {
    return initLimitTicks;
  }

  /** Ticks a follower may lag behind the leader; 0 when unset (standalone). */
  public int syncLimitTicks() {
    return syncLimitTicks;
  }

  /** Attempts to bind the election port; 0 = forever (default 3). */
  public int electionPortBindRetry() {
    return electionPortBindRetry;
  }

  /** This server's role; in an ensemble, the role its own {@code server.N} line gives. */
  public PeerRole peerType() {
    return peerType;
  }

  /** This server's id: the content of {@code <dataDir>/myid} in an ensemble, 0 standalone. */
  public long myid() {
    return myid;
  }

  /** The {@code server.N} lines, sorted by id; empty for a plain standalone server. */
  public List<QuorumMember> members() {
    return members;
  }

  /** True when this server is a member of an ensemble (at least two participants). */
  public boolean isQuorum() {
    return quorum;
  }

  /** This server's own {@code server.N} line, in an ensemble. */
  public Optional<QuorumMember> self() {
    if (!quorum) {
      return Optional.empty();
    }
    return members.stream().filter(m -> m.id() == myid).findFirst();
  }

  /**
   * The text of the {@code conf} four-letter word for this configuration, with the configured
   * client port and membership version 0. See {@link #describe(int, long, long, long)}.
   */
  public String describe(long dataDirSizeBytes, long dataLogSizeBytes) {
    return describe(clientPort(), dataDirSizeBytes, dataLogSizeBytes, 0);
  }

  /**
   * The text of the {@code conf} four-letter word, in ZooKeeper 3.9's order and shape: {@code
   * key=value} lines ending in a newline; a member of an ensemble adds the quorum lines, {@code
   * membership: } and the {@code server.N} lines, and ends with {@code version=<hex>} without a
   * newline (as ZooKeeper prints it).
   *
   * @param boundClientPort the port actually bound (differs from the configured one when it is 0)
   * @param dataDirSizeBytes the size of the snapshot files
   * @param dataLogSizeBytes the size of the txn log files
   * @param configVersion the membership version (the zxid that established it; 0 at first)
   */
  public String describe(
      int boundClientPort, long dataDirSizeBytes, long dataLogSizeBytes, long configVersion) {
    return ConfText.render(
        this, boundClientPort, dataDirSizeBytes, dataLogSizeBytes, configVersion);
  }

  @Override
  public String toString() {
    return describe(0, 0);
  }
}
