package io.paddock.server.quorum;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The re-dial backoff: jittered, doubling, capped, and back to the minimum after a success. */
class BackoffTest {
  private static final int ATTEMPTS = 200;

  @Test
  void delaysDoubleUpToTheCapWithJitterAndResetAfterSuccess() {
    Backoff backoff =
        new Backoff(QuorumLimits.RECONNECT_BACKOFF_MIN_MS, QuorumLimits.RECONNECT_BACKOFF_MAX_MS);
    long expected = QuorumLimits.RECONNECT_BACKOFF_MIN_MS;
    for (int i = 0; i < ATTEMPTS; i++) {
      long delay = backoff.nextDelayMs();
      assertTrue(
          delay >= expected / 2 && delay <= expected,
          "attempt " + i + ": " + delay + " not in [" + expected / 2 + ", " + expected + "]");
      expected = Math.min(QuorumLimits.RECONNECT_BACKOFF_MAX_MS, expected * 2);
    }
    backoff.reset();
    assertTrue(backoff.nextDelayMs() <= QuorumLimits.RECONNECT_BACKOFF_MIN_MS);
  }
}
