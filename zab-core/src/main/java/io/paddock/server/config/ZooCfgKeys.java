package io.paddock.server.config;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The zoo.cfg keys: those Paddock reads, and the catalog of keys Apache ZooKeeper 3.9 knows (from
 * {@code QuorumPeerConfig.parseProperties} and the 3.9 administrator's guide), so that a key
 * Paddock does not use can be reported as "known to ZooKeeper, not used here" or as unknown.
 */
public final class ZooCfgKeys {

  /** Base time unit, ms. */
  public static final String TICK_TIME = "tickTime";

  /** Snapshot directory. */
  public static final String DATA_DIR = "dataDir";

  /** Txn log directory. */
  public static final String DATA_LOG_DIR = "dataLogDir";

  /** Client port. */
  public static final String CLIENT_PORT = "clientPort";

  /** Client port interface. */
  public static final String CLIENT_PORT_ADDRESS = "clientPortAddress";

  /** Client port listen backlog. */
  public static final String CLIENT_PORT_LISTEN_BACKLOG = "clientPortListenBacklog";

  /** Connections per client IP. */
  public static final String MAX_CLIENT_CNXNS = "maxClientCnxns";

  /** Smallest session timeout. */
  public static final String MIN_SESSION_TIMEOUT = "minSessionTimeout";

  /** Largest session timeout. */
  public static final String MAX_SESSION_TIMEOUT = "maxSessionTimeout";

  /** Ticks to connect and sync. */
  public static final String INIT_LIMIT = "initLimit";

  /** Ticks a follower may lag. */
  public static final String SYNC_LIMIT = "syncLimit";

  /** participant or observer. */
  public static final String PEER_TYPE = "peerType";

  /** Election algorithm; only 3. */
  public static final String ELECTION_ALG = "electionAlg";

  /** Snapshots autopurge keeps. */
  public static final String SNAP_RETAIN_COUNT = "autopurge.snapRetainCount";

  /** Autopurge interval, hours. */
  public static final String PURGE_INTERVAL = "autopurge.purgeInterval";

  /** File holding the server.N lines instead of zoo.cfg. */
  public static final String DYNAMIC_CONFIG_FILE = "dynamicConfigFile";

  /** Prefix of the ensemble lines. */
  public static final String SERVER_PREFIX = "server.";

  /** The id file in dataDir (named in messages like a key). */
  public static final String MYID = "myid";

  // Keys ZooKeeper reads as the system property "zookeeper." + key.
  /** Txns between snapshots. */
  public static final String SNAP_COUNT = "snapCount";

  /** Txn log preallocation, KiB. */
  public static final String PRE_ALLOC_SIZE = "preAllocSize";

  /** yes or no. */
  public static final String FORCE_SYNC = "forceSync";

  /** Pipeline bound. */
  public static final String GLOBAL_OUTSTANDING_LIMIT = "globalOutstandingLimit";

  /** Four-letter words that answer. */
  public static final String FOUR_LETTER_WORD_WHITELIST = "4lw.commands.whitelist";

  /** TTL nodes. */
  public static final String EXTENDED_TYPES_ENABLED = "extendedTypesEnabled";

  /** Super user digest. */
  public static final String SUPER_DIGEST = "DigestAuthenticationProvider.superDigest";

  /** Election port bind attempts. */
  public static final String ELECTION_PORT_BIND_RETRY = "electionPortBindRetry";

  // Keys ZooKeeper reads only as JVM system properties of the same name; Paddock also takes them
  // from zoo.cfg.
  /** Largest frame. */
  public static final String JUTE_MAX_BUFFER = "jute.maxbuffer";

  /** Read-only mode. */
  public static final String READ_ONLY_MODE_ENABLED = "readonlymode.enabled";

  /** Container check interval. */
  public static final String CONTAINER_CHECK_INTERVAL = "znode.container.checkIntervalMs";

  /** Container deletions per minute. */
  public static final String CONTAINER_MAX_PER_MINUTE = "znode.container.maxPerMinute";

  /** Unused container age. */
  public static final String CONTAINER_MAX_NEVER_USED = "znode.container.maxNeverUsedIntervalMs";

  /** Prefix ZooKeeper puts in front of a zoo.cfg key to make its system property. */
  public static final String SYSTEM_PROPERTY_PREFIX = "zookeeper.";

  /** Exact keys ZooKeeper 3.9 knows that Paddock accepts and does not use. */
  static final Set<String> ZOOKEEPER_ONLY_KEYS =
      ImmutableSet.of(
          "secureClientPort",
          "secureClientPortAddress",
          "observerMasterPort",
          "localSessionsEnabled",
          "localSessionsUpgradingEnabled",
          "connectToLearnerMasterLimit",
          "quorumListenOnAllIPs",
          "syncEnabled",
          "standaloneEnabled",
          "reconfigEnabled",
          "sslQuorum",
          "portUnification",
          "sslQuorumReloadCertFiles",
          "quorum.cnxn.threads.size",
          "oraclePath",
          "version",
          "commitLogCount",
          "snapSizeLimitInKb",
          "txnLogSizeLimitInKb",
          "maxCnxns",
          "fsync.warningthresholdms",
          "maxResponseCacheSize",
          "maxGetChildrenResponseCacheSize",
          "emulate353TTLNodes",
          "watchManagerName",
          "watcherCleanThreadsNum",
          "watcherCleanThreshold",
          "watcherCleanIntervalInSeconds",
          "maxInProcessingDeadWatchers",
          "bitHashCacheSize",
          "connectionMaxTokens",
          "connectionTokenFillTime",
          "connectionTokenFillCount",
          "connectionFreezeTime",
          "connectionDropIncrease",
          "connectionDropDecrease",
          "connectionDecreaseRatio",
          "connection_throttle_weight_enabled",
          "connection_throttle_global_session_weight",
          "connection_throttle_local_session_weight",
          "connection_throttle_renew_session_weight",
          "serverCnxnFactory",
          "flushDelay",
          "maxWriteQueuePollTime",
          "maxBatchSize",
          "enforceQuota",
          "requestThrottleLimit",
          "requestThrottleStallTime",
          "requestThrottleDropStale",
          "requestStaleLatencyCheck",
          "requestStaleConnectionCheck",
          "advancedFlowControlEnabled",
          "enableEagerACLCheck",
          "maxConcurrentSnapSyncs",
          "maxConcurrentDiffSyncs",
          "digest.enabled",
          "snapshot.trust.empty",
          "audit.enable",
          "audit.impl.class",
          "largeRequestMaxBytes",
          "largeRequestThreshold",
          "outstandingHandshake.limit",
          "netty.server.earlyDropSecureConnectionHandshakes",
          "throttledOpWaitTime",
          "learner.closeSocketAsync",
          "leader.closeSocketAsync",
          "learner.asyncSending",
          "forward_learner_requests_to_commit_processor_disabled",
          "serializeLastProcessedZxid.enabled",
          "maxTimeToWaitForEpoch",
          "leaderServes",
          "cnxTimeout",
          "quorumCnxnTimeoutMs",
          "tcpKeepAlive",
          "clientTcpKeepAlive",
          "observer.reconnectDelayMs",
          "observer.election.DelayMs",
          "DigestAuthenticationProvider.enabled",
          "DigestAuthenticationProvider.digestAlg",
          "IPAuthenticationProvider.usexforwardedfor",
          "X509AuthenticationProvider.superUser",
          "superUser",
          "ensembleAuthName",
          "sessionRequireClientSASLAuth",
          "authProvider",
          "kerberos.removeHostFromPrincipal",
          "kerberos.removeRealmFromPrincipal",
          "kerberos.canonicalizeHostNames",
          "fips-mode",
          "skipACL",
          "jute.maxbuffer.extrasize",
          "follower.skipLearnerRequestToNextProcessor",
          "messageTracker.BufferSize",
          "messageTracker.Enabled",
          "multiAddress.enabled",
          "multiAddress.reachabilityCheckTimeoutMs",
          "multiAddress.reachabilityCheckEnabled",
          "request_throttler.shutdownTimeout",
          "snapshot.compression.method",
          "closeSessionTxn.enabled",
          "client.certReload",
          "client.portUnification",
          "enforce.auth.enabled",
          "enforce.auth.schemes",
          "jvm.pause.monitor",
          "jvm.pause.info-threshold.ms",
          "jvm.pause.warn-threshold.ms",
          "jvm.pause.sleep.time.ms");

  /** Key prefixes ZooKeeper 3.9 knows that Paddock accepts and does not use. */
  static final Set<String> ZOOKEEPER_ONLY_PREFIXES =
      ImmutableSet.of(
          "admin.",
          "metricsProvider.",
          "ssl.",
          "authProvider.",
          "quorum.auth.",
          "fastleader.",
          "nio.",
          "commitProcessor.",
          "netty.",
          "learner.",
          "leader.",
          "observer.",
          "kerberos.");

  private ZooCfgKeys() {}

  /** True when ZooKeeper 3.9 knows the key (whether or not Paddock uses it). */
  static boolean knownToZooKeeper(String key) {
    if (ZOOKEEPER_ONLY_KEYS.contains(key)) {
      return true;
    }
    return ZOOKEEPER_ONLY_PREFIXES.stream().anyMatch(key::startsWith);
  }
}
