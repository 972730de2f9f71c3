package io.paddock.server.quorum;

/**
 * The tunable limits of a {@link QuorumTransport}. Production uses {@link #defaults()}; tests lower
 * limits to provoke overflow or slow handshakes quickly.
 *
 * @param ioThreads threads that read and write peer connections; at least 1
 * @param frameBytesMax largest quorum-channel frame payload, bytes; at least 1 KiB
 * @param outboundQueueBytesMax queued outbound bytes above which a quorum connection is closed
 * @param connectTimeoutMs how long a TCP connect may take, ms
 * @param handshakeTimeoutMs how long a connection may take to complete its handshake, ms
 * @param reconnectBackoffMinMs first re-dial delay, ms
 * @param reconnectBackoffMaxMs largest re-dial delay, ms; not below the minimum
 */
public record QuorumTransportSettings(
    int ioThreads,
    int frameBytesMax,
    long outboundQueueBytesMax,
    int connectTimeoutMs,
    int handshakeTimeoutMs,
    long reconnectBackoffMinMs,
    long reconnectBackoffMaxMs) {

  /** Smallest frame limit a transport accepts, bytes. */
  public static final int FRAME_BYTES_MAX_LOWEST = 1024;

  /** Checks every value is usable. */
  public QuorumTransportSettings {
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
    }
    if (frameBytesMax < FRAME_BYTES_MAX_LOWEST) {
      throw new IllegalArgumentException(
          "frameBytesMax must be at least " + FRAME_BYTES_MAX_LOWEST + ": " + frameBytesMax);
    }
    if (outboundQueueBytesMax < 1) {
      throw new IllegalArgumentException(
          "outboundQueueBytesMax must be positive: " + outboundQueueBytesMax);
    }
    if (connectTimeoutMs < 1 || handshakeTimeoutMs < 1) {
      throw new IllegalArgumentException(
          "timeouts must be positive: connect "
              + connectTimeoutMs
              + ", handshake "
              + handshakeTimeoutMs);
    }
    if (reconnectBackoffMinMs < 1 || reconnectBackoffMaxMs < reconnectBackoffMinMs) {
      throw new IllegalArgumentException(
          "reconnect backoff must satisfy 1 <= min <= max: "
              + reconnectBackoffMinMs
              + ", "
              + reconnectBackoffMaxMs);
    }
  }

  /** The production settings, all from {@link QuorumLimits}. */
  public static QuorumTransportSettings defaults() {
    return new QuorumTransportSettings(
        QuorumLimits.IO_THREADS_DEFAULT,
        QuorumLimits.FRAME_BYTES_MAX,
        QuorumLimits.OUTBOUND_QUEUE_BYTES_MAX,
        QuorumLimits.CONNECT_TIMEOUT_MS,
        QuorumLimits.HANDSHAKE_TIMEOUT_MS,
        QuorumLimits.RECONNECT_BACKOFF_MIN_MS,
        QuorumLimits.RECONNECT_BACKOFF_MAX_MS);
  }

  /** These settings with another outbound queue limit. */
  public QuorumTransportSettings withOutboundQueueBytesMax(long bytes) {
    return new QuorumTransportSettings(
        ioThreads,
        frameBytesMax,
        bytes,
        connectTimeoutMs,
        handshakeTimeoutMs,
        reconnectBackoffMinMs,
        reconnectBackoffMaxMs);
  }

  /** These settings with another handshake timeout. */
  public QuorumTransportSettings withHandshakeTimeoutMs(int ms) {
    return new QuorumTransportSettings(
        ioThreads,
        frameBytesMax,
        outboundQueueBytesMax,
        connectTimeoutMs,
        ms,
        reconnectBackoffMinMs,
        reconnectBackoffMaxMs);
  }
}
