package io.paddock.server.net;

/**
 * The limits of the client port, in one place. The frame limit itself is {@code jute.maxbuffer}
 * from the configuration ({@link io.paddock.server.config.ServerConfig#juteMaxBufferBytes()}).
 */
public final class ClientPortLimits {
  /**
   * Outbound bytes queued in Netty above which a connection stops being read (Netty's write buffer
   * high-water mark): a client that does not read its replies stops being served new requests.
   */
  public static final int WRITE_BUFFER_HIGH_WATER_MARK_BYTES = 1024 * 1024;

  /** Outbound bytes below which a connection that was over the high-water mark is read again. */
  public static final int WRITE_BUFFER_LOW_WATER_MARK_BYTES = 512 * 1024;

  /**
   * Outbound bytes (queued by the core and pending in Netty) above which the connection is closed:
   * a client that stopped reading while notifications keep coming must not exhaust the heap. The
   * session survives; the client reconnects and re-registers its watches. Raised to {@link
   * #OUTBOUND_PENDING_FRAMES_OF_MAX_BUFFER} × jute.maxbuffer when that is larger.
   */
  public static final long OUTBOUND_PENDING_BYTES_MAX = 64L * 1024 * 1024;

  /** See {@link #OUTBOUND_PENDING_BYTES_MAX}: room for this many maximal frames at least. */
  public static final int OUTBOUND_PENDING_FRAMES_OF_MAX_BUFFER = 8;

  /**
   * How long a connection the core closed may take to deliver what was queued before it is closed
   * regardless (a client that never reads must not keep it open).
   */
  public static final long CLOSE_LINGER_MS = 5_000;

  /**
   * A thread's reusable reply encoder is dropped after encoding a reply larger than this, so one
   * large reply does not pin its buffer for the life of the thread.
   */
  public static final int ENCODER_RETAINED_BYTES_MAX = 64 * 1024;

  /**
   * How long a new connection may take to send its ConnectRequest (or a four-letter word) before it
   * is closed: ZooKeeper's {@code zookeeper.nio.sessionlessCnxnTimeout} default.
   */
  public static final long HANDSHAKE_TIMEOUT_MS = 10_000;

  /**
   * How often a connection paused by the core's overload signal (ZooKeeper's global outstanding
   * request throttle) checks whether it may read again, ms.
   */
  public static final long THROTTLE_RECHECK_MS = 5;

  /** Threads that accept connections. */
  public static final int ACCEPT_THREADS = 1;

  /** Upper bound of I/O threads a port uses by default (fewer on small machines). */
  public static final int IO_THREADS_DEFAULT_MAX = 8;

  /** Quiet period of the event loops' graceful shutdown, ms (no new tasks are expected). */
  public static final long SHUTDOWN_QUIET_MS = 0;

  /** Longest wait for the event loops to stop, ms. */
  public static final long SHUTDOWN_TIMEOUT_MS = 5_000;

  private ClientPortLimits() {}

  /** The outbound byte limit of one connection for a given jute.maxbuffer. */
  public static long outboundPendingBytesMax(int juteMaxBufferBytes) {
    return Math.max(
        OUTBOUND_PENDING_BYTES_MAX,
        (long) OUTBOUND_PENDING_FRAMES_OF_MAX_BUFFER * juteMaxBufferBytes);
  }
}
