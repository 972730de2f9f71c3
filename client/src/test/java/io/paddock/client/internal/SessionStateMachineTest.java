package io.paddock.client.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.ConnectionState;
import io.paddock.client.internal.SessionStateMachine.Action;
import io.paddock.client.internal.SessionStateMachine.Phase;
import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.Seeded;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The connection state machine under a fake clock: every timer of PROTOCOL.md §3.4. */
class SessionStateMachineTest {
  private static final byte[] PASSWORD = filled(16, (byte) 7);
  private static final long SESSION = 0x1234L;

  /** A fake monotonic clock the test moves by hand. */
  private static final class FakeClock implements Clock {
    long now = 1_000_000;

    @Override
    public long nowMs() {
      return now;
    }

    long advance(long ms) {
      now += ms;
      return now;
    }
  }

  private final FakeClock clock = new FakeClock();

  private SessionStateMachine machine(int timeoutMs, int hosts, long seed) {
    return new SessionStateMachine(timeoutMs, hosts, false, 0, null, new Random(seed), clock.now);
  }

  private static ConnectResponse granted(int timeoutMs) {
    return new ConnectResponse(0, timeoutMs, SESSION, PASSWORD, false);
  }

  /** Drives a fresh machine to an established session with the given negotiated timeout. */
  private SessionStateMachine established(int negotiatedMs) {
    SessionStateMachine m = machine(30_000, 1, 1);
    assertEquals(Action.START_ATTEMPT, m.poll(clock.now));
    m.attemptStarted(clock.now);
    assertEquals(ConnectionState.CONNECTED, m.onConnectResponse(granted(negotiatedMs), clock.now));
    return m;
  }

  @Test
  void firstAttemptIsImmediateAndTimesOutAfterTimeoutOverHosts() {
    SessionStateMachine m = machine(9_000, 3, 1);
    assertEquals(ConnectionState.CONNECTING, m.state());
    assertEquals(Action.START_ATTEMPT, m.poll(clock.now));
    m.attemptStarted(clock.now);
    assertEquals(3_000, m.connectTimeoutMs());
    assertEquals(clock.now + 3_000, m.nextDeadlineMs());
    assertEquals(Action.NONE, m.poll(clock.advance(2_999)));
    assertEquals(Action.DROP_CONNECTION, m.poll(clock.advance(1)));
    m.connectionLost(clock.now, "connect timeout");
    assertEquals(ConnectionState.CONNECTING, m.state(), "no session yet: still connecting");
    assertEquals(Phase.WAITING, m.phase());
  }

  @Test
  void connectRequestAsksForNewSessionThenResumesIt() {
    SessionStateMachine m = machine(5_000, 1, 1);
    m.attemptStarted(clock.now);
    ConnectRequest first = m.connectRequest(0);
    assertEquals(0, first.sessionId());
    assertEquals(5_000, first.timeoutMs());
    assertArrayEquals(new byte[16], first.passwd());
    m.onConnectResponse(granted(4_000), clock.now);
    assertEquals(4_000, m.negotiatedTimeoutMs());
    m.connectionLost(clock.now, "test");
    clock.advance(1_000);
    m.attemptStarted(clock.now);
    ConnectRequest again = m.connectRequest(0x42);
    assertEquals(SESSION, again.sessionId());
    assertArrayEquals(PASSWORD, again.passwd());
    assertEquals(0x42, again.lastZxidSeen());
    assertEquals(5_000, again.timeoutMs(), "ZooKeeper always asks for the requested timeout");
  }

  @Test
  void resumedSessionIsSentFromTheFirstAttempt() {
    SessionStateMachine m =
        new SessionStateMachine(5_000, 1, false, SESSION, PASSWORD, new Random(1), clock.now);
    m.attemptStarted(clock.now);
    ConnectRequest request = m.connectRequest(0);
    assertEquals(SESSION, request.sessionId());
    assertArrayEquals(PASSWORD, request.passwd());
  }

  @Test
  void pingAfterHalfTheReadTimeoutLessOneSecond() {
    SessionStateMachine m = established(4_000); // readTimeout 2666, half 1333
    assertEquals(2_666, m.readTimeoutMs());
    assertEquals(Action.NONE, m.poll(clock.advance(1_000)));
    assertEquals(Action.SEND_PING, m.poll(clock.advance(1)));
    m.onSent(clock.now);
    m.onReceived(clock.now);
    assertEquals(Action.NONE, m.poll(clock.advance(1_000)));
    assertEquals(Action.SEND_PING, m.poll(clock.advance(1)));
  }

  @Test
  void pingAfterTenSecondsOfSilenceWhateverTheTimeout() {
    SessionStateMachine m = established(60_000); // half of readTimeout: 20 s
    assertEquals(Action.NONE, m.poll(clock.advance(10_000)));
    assertEquals(Action.SEND_PING, m.poll(clock.advance(1)));
  }

  @Test
  void pingRuleMatchesZooKeepersLoopForEveryReadTimeout() {
    Seeded.run(
        2_000,
        (random, i) -> {
          int readTimeout = i < 40 ? i + 1 : 1 + random.nextInt(200_000);
          long expected = zooKeeperPingIdle(readTimeout);
          assertEquals(
              expected,
              SessionStateMachine.pingDueIdleSendMs(readTimeout),
              "readTimeout " + readTimeout);
        });
  }

  /** The smallest idle-send at which ZooKeeper 3.9.3's SendThread loop sends a ping. */
  private static long zooKeeperPingIdle(int readTimeout) {
    for (int idle = 0; ; idle++) {
      int timeToNextPing = readTimeout / 2 - idle - (idle > 1000 ? 1000 : 0);
      if (timeToNextPing <= 0 || idle > 10_000) {
        return idle;
      }
    }
  }

  @Test
  void noBytesForTheReadTimeoutDropsTheConnection() {
    SessionStateMachine m = established(3_000); // readTimeout 2000
    for (int i = 0; i < 5; i++) {
      clock.advance(1_500);
      m.onReceived(clock.now);
      m.onSent(clock.now);
      assertEquals(Action.NONE, m.poll(clock.now));
    }
    long lastHeard = clock.now;
    for (int step : new int[] {900, 900, 199}) {
      assertEquals(Action.NONE, m.poll(clock.advance(step)));
      m.onSent(clock.now); // writes do not count: only bytes received do
    }
    assertEquals(lastHeard + 2_000, m.nextDeadlineMs());
    assertEquals(Action.DROP_CONNECTION, m.poll(clock.advance(1)));
    m.connectionLost(clock.now, "read timeout");
    assertEquals(ConnectionState.DISCONNECTED, m.state());
  }

  @Test
  void timeoutZeroOrLessExpiresTheSession() {
    for (int timeout : new int[] {0, -1}) {
      SessionStateMachine m = machine(30_000, 1, 1);
      m.attemptStarted(clock.now);
      ConnectionState state =
          m.onConnectResponse(new ConnectResponse(0, timeout, 0, new byte[16], false), clock.now);
      assertEquals(ConnectionState.EXPIRED, state);
      assertEquals(Phase.DEAD, m.phase());
      assertEquals(Action.NONE, m.poll(clock.advance(100_000)));
      assertEquals(Long.MAX_VALUE, m.nextDeadlineMs());
      m.connectionLost(clock.now, "ignored once dead");
      assertEquals(ConnectionState.EXPIRED, m.state());
    }
  }

  @Test
  void backoffBeforeEveryReconnectIsBelowOneSecond() {
    Seeded.run(
        200,
        (random, i) -> {
          SessionStateMachine m = machine(30_000, 2, random.nextLong());
          assertEquals(Action.START_ATTEMPT, m.poll(clock.now), "the first attempt does not wait");
          m.attemptStarted(clock.now);
          m.connectionLost(clock.now, "refused");
          long wait = m.nextDeadlineMs() - clock.now;
          assertTrue(wait >= 0 && wait < ClientLimits.RECONNECT_BACKOFF_MS_MAX, "wait " + wait);
          if (wait > 0) {
            assertEquals(Action.NONE, m.poll(clock.now + wait - 1));
          }
          assertEquals(Action.START_ATTEMPT, m.poll(clock.advance(wait)));
        });
  }

  @Test
  void backoffIsSpreadOverTheWholeSecond() {
    SessionStateMachine m = machine(30_000, 1, 99);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 500; i++) {
      m.attemptStarted(clock.now);
      m.connectionLost(clock.now, "refused");
      long wait = m.nextDeadlineMs() - clock.now;
      min = Math.min(min, wait);
      max = Math.max(max, wait);
      clock.advance(wait);
    }
    assertTrue(min < 100 && max > 900, "min " + min + " max " + max);
  }

  @Test
  void silenceForFourThirdsOfTheTimeoutExpiresLocally() {
    SessionStateMachine m = established(3_000); // expiration 4000
    long lastHeard = clock.now;
    m.connectionLost(clock.advance(1_000), "server gone");
    assertEquals(ConnectionState.DISCONNECTED, m.state());
    while (m.poll(clock.now) != Action.EXPIRE) {
      Action action = m.poll(clock.now);
      if (action == Action.START_ATTEMPT) {
        m.attemptStarted(clock.now);
      } else if (action == Action.DROP_CONNECTION) {
        m.connectionLost(clock.now, "connect timeout");
      } else {
        clock.now = m.nextDeadlineMs();
      }
      assertTrue(clock.now - lastHeard <= 4_000, "expired too late");
    }
    assertEquals(4_000, clock.now - lastHeard);
    m.expire("test");
    assertEquals(ConnectionState.EXPIRED, m.state());
  }

  @Test
  void withoutASessionTheClientNeverExpiresLocally() {
    SessionStateMachine m = machine(3_000, 1, 5);
    for (int i = 0; i < 100; i++) {
      Action action = m.poll(clock.now);
      assertFalse(action == Action.EXPIRE);
      if (action == Action.START_ATTEMPT) {
        m.attemptStarted(clock.now);
      } else if (action == Action.DROP_CONNECTION) {
        m.connectionLost(clock.now, "connect timeout");
      } else {
        clock.now = m.nextDeadlineMs();
      }
    }
    assertEquals(ConnectionState.CONNECTING, m.state());
  }

  @Test
  void readOnlyServerGivesReadOnlyStateAndNoResumptionUntilReadWriteSeen() {
    SessionStateMachine m =
        new SessionStateMachine(10_000, 1, true, 0, null, new Random(1), clock.now);
    m.attemptStarted(clock.now);
    assertTrue(m.connectRequest(0).readOnly());
    ConnectionState state =
        m.onConnectResponse(new ConnectResponse(0, 10_000, SESSION, PASSWORD, true), clock.now);
    assertEquals(ConnectionState.CONNECTED_READ_ONLY, state);
    m.connectionLost(clock.now, "ro server gone");
    assertEquals(ConnectionState.DISCONNECTED, m.state());
    clock.now = m.nextDeadlineMs();
    m.attemptStarted(clock.now);
    assertEquals(0, m.connectRequest(0).sessionId(), "only read-only servers seen: new session");
  }

  @Test
  void invariantsAreChecked() {
    SessionStateMachine m = machine(10_000, 1, 1);
    assertThrows(IllegalStateException.class, () -> m.connectRequest(0));
    assertThrows(IllegalStateException.class, () -> m.onConnectResponse(granted(1), clock.now));
    assertThrows(IllegalStateException.class, () -> m.connectionLost(clock.now, "none open"));
    m.attemptStarted(clock.now);
    assertThrows(IllegalStateException.class, () -> m.attemptStarted(clock.now));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SessionStateMachine(0, 1, false, 0, null, new Random(), 0));
  }

  @Test
  void terminalStatesAreFinal() {
    SessionStateMachine m = established(4_000);
    m.authFailed("refused");
    assertEquals(ConnectionState.AUTH_FAILED, m.state());
    m.close("later close");
    m.expire("later expiry");
    assertEquals(ConnectionState.AUTH_FAILED, m.state());
    assertEquals("refused", m.reason());
  }

  private static byte[] filled(int n, byte b) {
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, b);
    return bytes;
  }
}
