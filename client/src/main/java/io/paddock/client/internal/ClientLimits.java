package io.paddock.client.internal;

/** The client's limits and fixed timings, in one place (named as PROTOCOL.md §3.4 names them). */
public final class ClientLimits {
  /** ZooKeeper's default client port, used when a host of the connect string has none. */
  public static final int DEFAULT_PORT = 2181;

  /** The session timeout a builder asks for unless told otherwise. */
  public static final int SESSION_TIMEOUT_MS_DEFAULT = 30_000;

  /** The most hosts a connect string may list. */
  public static final int HOSTS_MAX = 1024;

  /** The length of a session password (ZooKeeper's servers issue 16 bytes). */
  public static final int PASSWORD_BYTES = 16;

  /** Reconnect attempts after the first wait a random 0..this ms first (ZooKeeper's rule). */
  public static final int RECONNECT_BACKOFF_MS_MAX = 1_000;

  /** A ping goes out whenever nothing was sent for longer than this (ZooKeeper's 10 s rule). */
  public static final int PING_IDLE_SEND_MS_MAX = 10_000;

  /**
   * Once idle-send passes this, the ping is due this much earlier than readTimeout/2 (ZooKeeper's
   * margin against missing the second ping).
   */
  public static final int PING_EARLY_MS = 1_000;

  /**
   * The most calls one client may have outstanding (queued or in flight); more fail at once with
   * ThrottledOp. It also bounds the event queue's share of completions.
   */
  public static final int OUTSTANDING_CALLS_MAX = 1 << 16;

  /** Watch events queued for the event thread at which the client stops reading the socket. */
  public static final int EVENT_QUEUE_HIGH_WATER = 1 << 14;

  /** Queued watch events at which reading resumes. */
  public static final int EVENT_QUEUE_LOW_WATER = 1 << 12;

  /**
   * The hard capacity of the event queue: high water, plus every outstanding call's completion,
   * plus the frames Netty may hand over after reading was paused. Passing it is a broken invariant.
   */
  public static final int EVENT_QUEUE_CAPACITY = 1 << 20;

  /** The most credentials ({@code addAuthInfo}) one session may hold. */
  public static final int AUTH_INFOS_MAX = 64;

  /** How long close() waits for the server's closeSession reply. */
  public static final int CLOSE_REPLY_WAIT_MS_MAX = 2_000;

  /** How long close() waits for the client's threads to finish. */
  public static final int CLOSE_THREADS_WAIT_MS_MAX = 5_000;

  /** The most state-machine actions one timer tick may take (each changes the phase). */
  public static final int TICK_ACTIONS_MAX = 8;

  private ClientLimits() {}
}
