package io.paddock.server.net;

import com.google.common.collect.ImmutableSet;
import io.paddock.server.config.ServerConfig;
import java.util.Set;

/**
 * What every connection of a client port needs from the configuration.
 *
 * @param juteMaxBufferBytes the largest acceptable frame length (PROTOCOL.md §1)
 * @param fourLetterWordWhitelist the four-letter words that answer (PROTOCOL.md §11)
 * @param outboundPendingBytesMax outbound bytes above which a connection is closed
 * @param handshakeTimeoutMs time a new connection gets to send its first frame or word
 */
record ConnectionSettings(
    int juteMaxBufferBytes,
    Set<String> fourLetterWordWhitelist,
    long outboundPendingBytesMax,
    long handshakeTimeoutMs) {

  /** Checks the bounds and copies the whitelist. */
  ConnectionSettings {
    if (juteMaxBufferBytes < 1) {
      throw new IllegalArgumentException("jute.maxbuffer must be positive: " + juteMaxBufferBytes);
    }
    if (outboundPendingBytesMax < juteMaxBufferBytes) {
      throw new IllegalArgumentException(
          "outbound limit " + outboundPendingBytesMax + " is below one frame");
    }
    if (handshakeTimeoutMs < 1) {
      throw new IllegalArgumentException(
          "handshake timeout must be positive: " + handshakeTimeoutMs);
    }
    fourLetterWordWhitelist = ImmutableSet.copyOf(fourLetterWordWhitelist);
  }

  /** The settings a configuration implies. */
  static ConnectionSettings of(ServerConfig config) {
    return new ConnectionSettings(
        config.juteMaxBufferBytes(),
        config.fourLetterWordWhitelist(),
        ClientPortLimits.outboundPendingBytesMax(config.juteMaxBufferBytes()),
        ClientPortLimits.HANDSHAKE_TIMEOUT_MS);
  }
}
