package io.paddock.server.quorum;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before the next dial attempt to one peer: starts at the minimum, doubles after each
 * failed attempt up to the maximum, and goes back to the minimum once a connection is established.
 * Each delay is jittered into [delay/2, delay] so members restarting together do not dial in step.
 * Not thread-safe; its owner guards it.
 */
final class Backoff {
  private final long minMs;
  private final long maxMs;
  private long currentMs;

  Backoff(long minMs, long maxMs) {
    if (minMs < 1 || maxMs < minMs) {
      throw new IllegalArgumentException("need 1 <= min <= max: " + minMs + ", " + maxMs);
    }
    this.minMs = minMs;
    this.maxMs = maxMs;
    this.currentMs = minMs;
  }

  /** The jittered delay for the next attempt; the one after it will be twice as long (capped). */
  long nextDelayMs() {
    long delay = currentMs;
    currentMs = Math.min(maxMs, currentMs * 2);
    long half = delay / 2;
    return half + ThreadLocalRandom.current().nextLong(delay - half + 1);
  }

  /** A connection was established: the next attempt waits the minimum again. */
  void reset() {
    currentMs = minMs;
  }
}
