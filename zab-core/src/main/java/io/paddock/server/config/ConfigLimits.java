package io.paddock.server.config;

/**
 * Every default and every bound of the server configuration, in one place. Defaults are those of
 * Apache ZooKeeper 3.9 unless the name of the setting's accessor in {@link ServerConfig} says
 * otherwise in its Javadoc.
 */
public final class ConfigLimits {

  /** The client port when nothing else is said (ZooKeeper's conventional port). */
  public static final int DEFAULT_CLIENT_PORT = 2181;

  /** Lowest client port; 0 binds any free port (for embedded servers and tests). */
  public static final int CLIENT_PORT_MIN = 0;

  /** Lowest quorum or election port: these must be real ports, peers connect to them. */
  public static final int PEER_PORT_MIN = 1;

  /** Highest TCP port. */
  public static final int PORT_MAX = 65535;

  /** ZooKeeper's tickTime when zoo.cfg has none (3000 in code; zoo_sample.cfg says 2000). */
  public static final int DEFAULT_TICK_TIME_MS = 3000;

  /** Smallest tickTime. */
  public static final int TICK_TIME_MIN_MS = 1;

  /** Default minimum session timeout, in ticks. */
  public static final int MIN_SESSION_TIMEOUT_TICKS = 2;

  /** Default maximum session timeout, in ticks. */
  public static final int MAX_SESSION_TIMEOUT_TICKS = 20;

  /** Largest tickTime: the derived maximum session timeout must still fit an int. */
  public static final int TICK_TIME_MAX_MS = Integer.MAX_VALUE / MAX_SESSION_TIMEOUT_TICKS;

  /** Session timeout value meaning "derive from tickTime" (ZooKeeper's -1). */
  public static final int SESSION_TIMEOUT_UNSET = -1;

  /** Smallest explicit session timeout bound. */
  public static final int SESSION_TIMEOUT_MIN_MS = 1;

  /** Connections per client IP; 0 means unlimited. */
  public static final int DEFAULT_MAX_CLIENT_CNXNS = 60;

  /** Default for {@code clientPortListenBacklog}: the OS default. */
  public static final int DEFAULT_LISTEN_BACKLOG = -1;

  /** Smallest {@code clientPortListenBacklog} (-1 = OS default). */
  public static final int LISTEN_BACKLOG_MIN = -1;

  /** Txns between snapshots (on average; the server randomizes around half of it). */
  public static final int DEFAULT_SNAP_COUNT = 100_000;

  /** Smallest snapCount (ZooKeeper silently raises smaller values to 2; Paddock refuses them). */
  public static final int SNAP_COUNT_MIN = 2;

  /** Txn log preallocation in KiB; 0 turns preallocation off. */
  public static final long DEFAULT_PRE_ALLOC_SIZE_KB = 65_536;

  /** Largest preAllocSize in KiB: the byte count must fit a long. */
  public static final long PRE_ALLOC_SIZE_KB_MAX = Long.MAX_VALUE / 1024;

  /** Snapshots kept by autopurge. */
  public static final int DEFAULT_SNAP_RETAIN_COUNT = 3;

  /** Smallest autopurge.snapRetainCount (ZooKeeper silently raises it; Paddock refuses). */
  public static final int SNAP_RETAIN_COUNT_MIN = 3;

  /** Autopurge interval in hours; 0 turns autopurge off. */
  public static final int DEFAULT_PURGE_INTERVAL_HOURS = 0;

  /** Largest frame and znode data size: ZooKeeper's jute.maxbuffer default, 0xfffff. */
  public static final int DEFAULT_JUTE_MAX_BUFFER_BYTES = 0xfffff;

  /** Smallest jute.maxbuffer. */
  public static final int JUTE_MAX_BUFFER_MIN_BYTES = 1;

  /** Requests queued in the pipeline before the server stops reading from clients. */
  public static final int DEFAULT_GLOBAL_OUTSTANDING_LIMIT = 1000;

  /** Smallest globalOutstandingLimit. */
  public static final int GLOBAL_OUTSTANDING_LIMIT_MIN = 1;

  /** How often containers and TTL nodes are checked for deletion. */
  public static final int DEFAULT_CONTAINER_CHECK_INTERVAL_MS = 60_000;

  /** Containers and TTL nodes deleted per minute at most. */
  public static final int DEFAULT_CONTAINER_MAX_PER_MINUTE = 10_000;

  /** Age at which a never-used container is deleted; 0 = never. */
  public static final long DEFAULT_CONTAINER_MAX_NEVER_USED_INTERVAL_MS = 0;

  /** Attempts to bind the election port; 0 = retry forever. */
  public static final int DEFAULT_ELECTION_PORT_BIND_RETRY = 3;

  /** The only election algorithm (fast leader election); ZooKeeper also accepts only 3. */
  public static final int SUPPORTED_ELECTION_ALG = 3;

  /** Smallest server id (the N of server.N and the content of myid). */
  public static final long SERVER_ID_MIN = 0;

  /** Largest server id: it becomes the top byte of session ids (ZooKeeper docs: 1..255). */
  public static final long SERVER_ID_MAX = 255;

  /** Largest server id when extended types (TTL nodes) are on: 255 marks TTL ephemeral owners. */
  public static final long EXTENDED_TYPES_SERVER_ID_MAX = 254;

  /** Size cap for zoo.cfg and for a dynamic config file. */
  public static final int CONFIG_FILE_BYTES_MAX = 1 << 20;

  /** Size cap for the myid file. */
  public static final int MYID_FILE_BYTES_MAX = 64;

  /** Name of the file in dataDir that holds this server's id. */
  public static final String MYID_FILE_NAME = "myid";

  /** Data directory of {@code bin/paddock server} without a zoo.cfg, relative to the cwd. */
  public static final String DEFAULT_DATA_DIR = "data";

  /** Directory under dataDir and dataLogDir that ZooKeeper's conf word names. */
  public static final String VERSION_DIR = "version-2";

  private ConfigLimits() {}
}
