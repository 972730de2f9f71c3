package io.paddock.server.config;

import static io.paddock.server.config.ConfigLimits.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link ServerConfig} in code. Setters only record values; {@link #build()} checks every
 * bound and every rule between settings, exactly as for a zoo.cfg, and throws {@link
 * ConfigException} naming the zoo.cfg key at fault. Only dataDir and a client port (or, in an
 * ensemble, a client port in this server's {@code server.N} line) are required.
 */
public final class ServerConfigBuilder {

  Path dataDir;
  Path dataLogDir;
  Integer clientPort;
  InetAddress clientPortAddress;
  int tickTimeMs = DEFAULT_TICK_TIME_MS;
  int minSessionTimeoutMs = SESSION_TIMEOUT_UNSET;
  int maxSessionTimeoutMs = SESSION_TIMEOUT_UNSET;
  int clientPortListenBacklog = DEFAULT_LISTEN_BACKLOG;
  int maxClientCnxns = DEFAULT_MAX_CLIENT_CNXNS;
  int snapCount = DEFAULT_SNAP_COUNT;
  long preAllocSizeKb = DEFAULT_PRE_ALLOC_SIZE_KB;
  boolean forceSync = true;
  int autopurgeSnapRetainCount = DEFAULT_SNAP_RETAIN_COUNT;
  int autopurgeIntervalHours = DEFAULT_PURGE_INTERVAL_HOURS;
  Set<String> fourLetterWordWhitelist = FourLetterWords.PADDOCK_DEFAULT;
  int juteMaxBufferBytes = DEFAULT_JUTE_MAX_BUFFER_BYTES;
  boolean extendedTypesEnabled;
  boolean readOnlyModeEnabled;
  int globalOutstandingLimit = DEFAULT_GLOBAL_OUTSTANDING_LIMIT;
  String superDigest;
  int containerCheckIntervalMs = DEFAULT_CONTAINER_CHECK_INTERVAL_MS;
  int containerMaxPerMinute = DEFAULT_CONTAINER_MAX_PER_MINUTE;
  long containerMaxNeverUsedIntervalMs = DEFAULT_CONTAINER_MAX_NEVER_USED_INTERVAL_MS;
  int initLimitTicks;
  int syncLimitTicks;
  int electionPortBindRetry = DEFAULT_ELECTION_PORT_BIND_RETRY;
  PeerRole peerType = PeerRole.PARTICIPANT;
  Long myid;
  List<QuorumMember> members = new ArrayList<>();

  ServerConfigBuilder() {}

  static ServerConfigBuilder from(ServerConfig c) {
    ServerConfigBuilder b = new ServerConfigBuilder();
    b.dataDir = c.dataDir();
    b.dataLogDir = c.dataLogDir();
    b.clientAddress(c.clientAddress());
    b.tickTimeMs = c.tickTimeMs();
    b.minSessionTimeoutMs = c.minSessionTimeoutMs();
    b.maxSessionTimeoutMs = c.maxSessionTimeoutMs();
    b.clientPortListenBacklog = c.clientPortListenBacklog();
    b.maxClientCnxns = c.maxClientCnxns();
    b.snapCount = c.snapCount();
    b.preAllocSizeKb = c.preAllocSizeKb();
    b.forceSync = c.forceSync();
    b.autopurgeSnapRetainCount = c.autopurgeSnapRetainCount();
    b.autopurgeIntervalHours = c.autopurgeIntervalHours();
    b.fourLetterWordWhitelist = c.fourLetterWordWhitelist();
    b.juteMaxBufferBytes = c.juteMaxBufferBytes();
    b.extendedTypesEnabled = c.extendedTypesEnabled();
    b.readOnlyModeEnabled = c.readOnlyModeEnabled();
    b.globalOutstandingLimit = c.globalOutstandingLimit();
    b.superDigest = c.superDigest().orElse(null);
    b.containerCheckIntervalMs = c.containerCheckIntervalMs();
    b.containerMaxPerMinute = c.containerMaxPerMinute();
    b.containerMaxNeverUsedIntervalMs = c.containerMaxNeverUsedIntervalMs();
    b.initLimitTicks = c.initLimitTicks();
    b.syncLimitTicks = c.syncLimitTicks();
    b.electionPortBindRetry = c.electionPortBindRetry();
    b.peerType = c.peerType();
    b.myid = c.isQuorum() ? Long.valueOf(c.myid()) : null;
    b.members = new ArrayList<>(c.members());
    return b;
  }

  /** Directory for snapshots and myid (required). */
  public ServerConfigBuilder dataDir(Path dir) {
    this.dataDir = Objects.requireNonNull(dir, "dataDir");
    return this;
  }

  /** Directory for the txn log; null means dataDir. */
  public ServerConfigBuilder dataLogDir(Path dir) {
    this.dataLogDir = dir;
    return this;
  }

  /** The client port; 0 binds any free port. */
  public ServerConfigBuilder clientPort(int port) {
    this.clientPort = port;
    return this;
  }

  /** The interface the client port binds; null means all interfaces. */
  public ServerConfigBuilder clientPortAddress(InetAddress address) {
    this.clientPortAddress = address;
    return this;
  }

  /** Client port and interface at once (a wildcard address means all interfaces). */
  public ServerConfigBuilder clientAddress(InetSocketAddress address) {
    this.clientPort = address.getPort();
    InetAddress a = address.getAddress();
    this.clientPortAddress = a == null || a.isAnyLocalAddress() ? null : a;
    return this;
  }

  /** The tick in ms. */
  public ServerConfigBuilder tickTimeMs(int ms) {
    this.tickTimeMs = ms;
    return this;
  }

  /** Smallest session timeout in ms; -1 derives 2 × tickTime. */
  public ServerConfigBuilder minSessionTimeoutMs(int ms) {
    this.minSessionTimeoutMs = ms;
    return this;
  }

  /** Largest session timeout in ms; -1 derives 20 × tickTime. */
  public ServerConfigBuilder maxSessionTimeoutMs(int ms) {
    this.maxSessionTimeoutMs = ms;
    return this;
  }

  /** Listen backlog of the client port; -1 = the OS default. */
  public ServerConfigBuilder clientPortListenBacklog(int backlog) {
    this.clientPortListenBacklog = backlog;
    return this;
  }

  /** Connections per client IP; 0 = unlimited. */
  public ServerConfigBuilder maxClientCnxns(int count) {
    this.maxClientCnxns = count;
    return this;
  }

  /** Txns between snapshots (at least 2). */
  public ServerConfigBuilder snapCount(int count) {
    this.snapCount = count;
    return this;
  }

  /** Txn log preallocation in KiB; 0 = none. */
  public ServerConfigBuilder preAllocSizeKb(long kb) {
    this.preAllocSizeKb = kb;
    return this;
  }

  /** Whether the txn log is fsynced before acknowledging writes. */
  public ServerConfigBuilder forceSync(boolean sync) {
    this.forceSync = sync;
    return this;
  }

  /** Snapshots autopurge keeps (at least 3). */
  public ServerConfigBuilder autopurgeSnapRetainCount(int count) {
    this.autopurgeSnapRetainCount = count;
    return this;
  }

  /** Hours between autopurge runs; 0 = off. */
  public ServerConfigBuilder autopurgeIntervalHours(int hours) {
    this.autopurgeIntervalHours = hours;
    return this;
  }

  /** The words that answer, taken literally (names from {@link FourLetterWords#ALL}). */
  public ServerConfigBuilder fourLetterWordWhitelist(Collection<String> words) {
    this.fourLetterWordWhitelist = Set.copyOf(words);
    return this;
  }

  /** Largest frame and znode payload in bytes. */
  public ServerConfigBuilder juteMaxBufferBytes(int bytes) {
    this.juteMaxBufferBytes = bytes;
    return this;
  }

  /** Whether TTL nodes are allowed. */
  public ServerConfigBuilder extendedTypesEnabled(boolean enabled) {
    this.extendedTypesEnabled = enabled;
    return this;
  }

  /** Whether a member cut off from its quorum serves reads. */
  public ServerConfigBuilder readOnlyModeEnabled(boolean enabled) {
    this.readOnlyModeEnabled = enabled;
    return this;
  }

  /** Requests in the pipeline before the server stops reading. */
  public ServerConfigBuilder globalOutstandingLimit(int limit) {
    this.globalOutstandingLimit = limit;
    return this;
  }

  /** {@code super:<base64 sha1>} of the super user; null = no super user. */
  public ServerConfigBuilder superDigest(String digest) {
    this.superDigest = digest;
    return this;
  }

  /** Interval between container and TTL node checks, ms. */
  public ServerConfigBuilder containerCheckIntervalMs(int ms) {
    this.containerCheckIntervalMs = ms;
    return this;
  }

  /** Containers and TTL nodes deleted per minute at most. */
  public ServerConfigBuilder containerMaxPerMinute(int count) {
    this.containerMaxPerMinute = count;
    return this;
  }

  /** Age after which an unused container is deleted, ms; 0 = never. */
  public ServerConfigBuilder containerMaxNeverUsedIntervalMs(long ms) {
    this.containerMaxNeverUsedIntervalMs = ms;
    return this;
  }

  /** Ticks a follower gets to connect and sync (required in an ensemble). */
  public ServerConfigBuilder initLimitTicks(int ticks) {
    this.initLimitTicks = ticks;
    return this;
  }

  /** Ticks a follower may lag (required in an ensemble). */
  public ServerConfigBuilder syncLimitTicks(int ticks) {
    this.syncLimitTicks = ticks;
    return this;
  }

  /** Attempts to bind the election port; 0 = forever. */
  public ServerConfigBuilder electionPortBindRetry(int attempts) {
    this.electionPortBindRetry = attempts;
    return this;
  }

  /** The role stated by {@code peerType}; in an ensemble the server.N line decides. */
  public ServerConfigBuilder peerType(PeerRole role) {
    this.peerType = Objects.requireNonNull(role, "peerType");
    return this;
  }

  /** This server's id, one of the member ids (required in an ensemble). */
  public ServerConfigBuilder myid(long id) {
    this.myid = id;
    return this;
  }

  /** Adds a member of the ensemble. */
  public ServerConfigBuilder addMember(QuorumMember member) {
    this.members.add(Objects.requireNonNull(member, "member"));
    return this;
  }

  /** Replaces the members of the ensemble. */
  public ServerConfigBuilder members(Collection<QuorumMember> newMembers) {
    this.members = new ArrayList<>(newMembers);
    return this;
  }

  /**
   * Checks every setting and returns the configuration.
   *
   * @throws ConfigException naming the key of the first setting that is wrong
   */
  public ServerConfig build() {
    return new ServerConfig(this, ConfigValidator.validate(this));
  }
}
