package io.paddock.server.quorum;

/**
 * The limits and timings of the quorum transport, in one place. {@link QuorumTransportSettings}
 * starts from these and tests may lower some of them.
 */
public final class QuorumLimits {
  /**
   * Largest quorum-channel frame payload, bytes: room for a snapshot chunk (the peer chunks larger
   * snapshots). A frame announcing more closes the connection before anything is allocated.
   */
  public static final int FRAME_BYTES_MAX = 64 * 1024 * 1024;

  /** Largest election-channel frame payload, bytes (a notification is about 50 bytes). */
  public static final int ELECTION_FRAME_BYTES_MAX = 64 * 1024;

  /** Largest handshake frame payload, bytes; the handshake is the first frame of a connection. */
  public static final int HANDSHAKE_FRAME_BYTES_MAX = 64;

  /**
   * Bytes a quorum connection may hold queued (sent by the caller, not yet written to the socket)
   * before it is closed as overloaded: four maximal frames. A caller streaming more than this to
   * one peer (a large snapshot) paces itself with {@link QuorumTransport#queuedBytes(long)}.
   */
  public static final long OUTBOUND_QUEUE_BYTES_MAX = 4L * FRAME_BYTES_MAX;

  /**
   * Outbound bytes above which an election connection drops new notifications (the election channel
   * is lossy; the election resends).
   */
  public static final int ELECTION_WRITE_BUFFER_HIGH_WATER_MARK_BYTES = 256 * 1024;

  /** Outbound bytes below which an election connection that was full takes notifications again. */
  public static final int ELECTION_WRITE_BUFFER_LOW_WATER_MARK_BYTES = 128 * 1024;

  /** Notifications kept for a peer while its election connection is being opened. */
  public static final int ELECTION_PENDING_MESSAGES_MAX = 16;

  /** First delay before re-dialing a peer after a connection ended or an attempt failed, ms. */
  public static final long RECONNECT_BACKOFF_MIN_MS = 20;

  /** Largest delay between two dial attempts to a peer, ms (the delay doubles up to this). */
  public static final long RECONNECT_BACKOFF_MAX_MS = 1_000;

  /** How long a TCP connect may take before the attempt counts as failed, ms. */
  public static final int CONNECT_TIMEOUT_MS = 2_000;

  /** How long a new connection may take to complete its handshake before it is closed, ms. */
  public static final int HANDSHAKE_TIMEOUT_MS = 5_000;

  /** Threads that read and write peer connections by default. */
  public static final int IO_THREADS_DEFAULT = 2;

  /** Threads that accept connections (both listening ports share them). */
  public static final int ACCEPT_THREADS = 1;

  /** Longest wait for the event loops to stop in {@link QuorumTransport#close()}, ms. */
  public static final long SHUTDOWN_TIMEOUT_MS = 5_000;

  private QuorumLimits() {}
}
