package io.paddock.server.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Session ids, passwords and tick-bucketed expiry (PROTOCOL 3.3, 9.11). */
class SessionTrackerTest {
  static final int TICK = 2000;

  @Test
  void idsFollowZooKeepersFormulaAndSkipReservedOnes() {
    long now = 1_700_000_000_000L;
    SessionTracker t = new SessionTracker(TICK, 0, now);
    long first = t.nextSessionId(id -> false);
    assertEquals((now << 24) >>> 8, first);
    assertEquals(first + 1, t.nextSessionId(id -> false));
    assertEquals(
        first + 3,
        t.nextSessionId(id -> id == first + 2),
        "an id held by a restored session is skipped");
    SessionTracker withServerId = new SessionTracker(TICK, 5, now);
    assertEquals(5, withServerId.nextSessionId(id -> false) >>> 56);
    SessionTracker atZero = new SessionTracker(TICK, 0, 0);
    assertEquals(1, atZero.nextSessionId(id -> false), "0 is never handed out");
  }

  @Test
  void passwordsAreZooKeepers() {
    byte[] expected = new byte[16];
    new Random(0x1234L ^ 0xB3415C00L).nextBytes(expected);
    assertArrayEquals(expected, SessionIds.password(0x1234L));
    assertTrue(SessionIds.passwordMatches(0x1234L, expected));
    assertFalse(SessionIds.passwordMatches(0x1235L, expected));
    assertFalse(SessionIds.passwordMatches(0x1234L, null));
  }

  @Test
  void expiryFallsOnTheTickAfterTheTimeout() {
    SessionTracker t = new SessionTracker(TICK, 0, 0);
    t.add(7, 4000, 100);
    assertEquals(6000, t.expiryOf(7), "((100 + 4000) / 2000 + 1) × 2000");
    assertTrue(t.takeExpired(5999).isEmpty());
    assertEquals(List.of(7L), t.takeExpired(6000));
    assertFalse(t.isActive(7), "an expired session is closing");
    assertTrue(t.isKnown(7));
    assertTrue(t.takeExpired(100_000).isEmpty(), "reported once");
  }

  @Test
  void touchMovesExpiryClosingStopsIt() {
    SessionTracker t = new SessionTracker(TICK, 0, 0);
    t.add(1, 4000, 0);
    t.add(2, 4000, 0);
    assertTrue(t.touch(1, 3000));
    assertEquals(List.of(2L), t.takeExpired(6000));
    assertFalse(t.touch(2, 6000), "a closing session is not touched");
    t.setClosing(1);
    assertTrue(t.takeExpired(1_000_000).isEmpty());
    t.remove(1);
    assertFalse(t.isKnown(1));
    assertEquals(Long.MAX_VALUE, t.nextExpiryMs());
  }

  @Test
  void addingTwiceIsABug() {
    SessionTracker t = new SessionTracker(TICK, 0, 0);
    t.add(1, 4000, 0);
    assertThrows(IllegalStateException.class, () -> t.add(1, 4000, 0));
  }

  @Test
  void bucketsForDump() {
    SessionTracker t = new SessionTracker(TICK, 0, 0);
    t.add(1, 4000, 0);
    t.add(2, 4000, 1000);
    t.add(3, 10_000, 0);
    assertEquals(2, t.expiryBuckets().size());
    assertEquals(List.of(1L, 2L), t.expiryBuckets().get(6000L));
  }
}
