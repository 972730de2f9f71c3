package io.paddock.client.internal;

import io.paddock.client.ConnectionState;
import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import java.util.Arrays;
import java.util.Random;

/**
 * The connection and session state machine of the client, pure: no sockets, no threads, no clock.
 * Every input carries the time ({@code nowMs}, monotonic), so it runs the same under a simulator's
 * virtual clock.
 *
 * <p>The driver asks {@link #poll} what is due and does it (start a connection attempt, send a
 * ping, drop the connection, expire), reporting back through {@link #attemptStarted}, {@link
 * #onSent}, {@link #connectionLost} and so on; {@link #nextDeadlineMs} says when to ask again.
 *
 * <p>Timers, ZooKeeper 3.9.3's client (PROTOCOL.md §3.4), with the session timeout being the
 * negotiated one once known and the requested one before:
 *
 * <ul>
 *   <li>readTimeout = timeout × 2/3: nothing received for that long on an established connection →
 *       drop it and try the next host;
 *   <li>ping once idle-send reaches readTimeout/2 (1 s earlier once idle-send passes 1 s), or when
 *       nothing was sent for 10 s;
 *   <li>connectTimeout = timeout / number of hosts for one attempt (socket plus handshake);
 *   <li>a random 0–999 ms wait before every attempt but the first;
 *   <li>expirationTimeout = timeout × 4/3: nothing received from any server for that long while
 *       holding a session → expired locally (ZOOKEEPER-4508). Unlike 3.9.3 this applies only once
 *       there is a session id: a client that never got a session keeps trying;
 *   <li>a ConnectResponse with timeOut ≤ 0 → expired.
 * </ul>
 *
 * <p>Public states: {@link ConnectionState#CONNECTING} until the first session, {@link
 * ConnectionState#DISCONNECTED} after a connection with a session dropped (through every failed
 * attempt, until the next success), and the terminal ones. Not thread-safe.
 */
public final class SessionStateMachine {
  /** What the machine is doing. */
  public enum Phase {
    /** Waiting for the next attempt (the backoff). */
    WAITING,
    /** A connection attempt is open: socket connect and handshake. */
    ATTEMPTING,
    /** A session is established on the current connection. */
    ESTABLISHED,
    /** Terminal: expired, auth failed or closed. */
    DEAD
  }

  /** What {@link #poll} asks the driver to do. */
  public enum Action {
    /** Nothing is due. */
    NONE,
    /** Open a connection to the next host, then call {@link #attemptStarted}. */
    START_ATTEMPT,
    /** Send a ping, then call {@link #onSent}. */
    SEND_PING,
    /** Drop the connection (timed out), then call {@link #connectionLost}. */
    DROP_CONNECTION,
    /** The session expired locally; call {@link #expire}. */
    EXPIRE
  }

  private static final byte[] NO_PASSWORD = new byte[ClientLimits.PASSWORD_BYTES];

  private final int requestedTimeoutMs;
  private final int hostCount;
  private final boolean canBeReadOnly;
  private final Random random;

  private ConnectionState state = ConnectionState.CONNECTING;
  private Phase phase = Phase.WAITING;
  private String reason = "created";
  private long nextAttemptAtMs;
  private long attemptStartedMs;
  private long lastRecvMs;
  private long lastSendMs;
  private int negotiatedTimeoutMs;
  private long sessionId;
  private byte[] password;
  private boolean seenRwServer;

  /**
   * A machine about to make its first attempt.
   *
   * @param requestedTimeoutMs the session timeout to ask for, positive
   * @param hostCount the number of hosts, positive
   * @param canBeReadOnly whether read-only servers are acceptable
   * @param sessionId a session to resume, or 0 for a new one
   * @param password the password of that session (ignored for a new one)
   * @param random the seeded source of the backoff
   * @param nowMs the current time
   */
  public SessionStateMachine(
      int requestedTimeoutMs,
      int hostCount,
      boolean canBeReadOnly,
      long sessionId,
      byte[] password,
      Random random,
      long nowMs) {
    if (requestedTimeoutMs <= 0 || hostCount <= 0) {
      throw new IllegalArgumentException("timeout and host count must be positive");
    }
    this.requestedTimeoutMs = requestedTimeoutMs;
    this.hostCount = hostCount;
    this.canBeReadOnly = canBeReadOnly;
    this.random = random;
    this.sessionId = sessionId;
    this.password = sessionId == 0 ? NO_PASSWORD : password.clone();
    this.seenRwServer = sessionId != 0;
    this.nextAttemptAtMs = nowMs;
    this.lastRecvMs = nowMs;
    this.lastSendMs = nowMs;
  }

  /** What is due now; never changes the machine. */
  public Action poll(long nowMs) {
    return switch (phase) {
      case DEAD -> Action.NONE;
      case WAITING -> {
        if (isLocallyExpired(nowMs)) {
          yield Action.EXPIRE;
        }
        yield nowMs >= nextAttemptAtMs ? Action.START_ATTEMPT : Action.NONE;
      }
      case ATTEMPTING -> {
        if (isLocallyExpired(nowMs)) {
          yield Action.EXPIRE;
        }
        yield nowMs - attemptStartedMs >= connectTimeoutMs() ? Action.DROP_CONNECTION : Action.NONE;
      }
      case ESTABLISHED -> {
        if (nowMs - lastRecvMs >= readTimeoutMs()) {
          yield Action.DROP_CONNECTION;
        }
        yield nowMs - lastSendMs >= pingDueIdleSendMs(readTimeoutMs())
            ? Action.SEND_PING
            : Action.NONE;
      }
    };
  }

  /** The earliest time at which {@link #poll} may answer something other than NONE. */
  public long nextDeadlineMs() {
    return switch (phase) {
      case DEAD -> Long.MAX_VALUE;
      case WAITING -> Math.min(nextAttemptAtMs, expiryAtMs());
      case ATTEMPTING -> Math.min(attemptStartedMs + connectTimeoutMs(), expiryAtMs());
      case ESTABLISHED ->
          Math.min(lastRecvMs + readTimeoutMs(), lastSendMs + pingDueIdleSendMs(readTimeoutMs()));
    };
  }

  /**
   * The idle-send time at which ZooKeeper's client sends a ping, for a read timeout: {@code
   * timeToNextPing = readTimeout/2 − idleSend − (idleSend > 1000 ? 1000 : 0) ≤ 0}, or {@code
   * idleSend > 10000}.
   */
  public static long pingDueIdleSendMs(int readTimeoutMs) {
    int half = readTimeoutMs / 2;
    long byHalf =
        half <= ClientLimits.PING_EARLY_MS
            ? half
            : Math.max(ClientLimits.PING_EARLY_MS + 1L, half - (long) ClientLimits.PING_EARLY_MS);
    return Math.min(byHalf, ClientLimits.PING_IDLE_SEND_MS_MAX + 1L);
  }

  /** A connection attempt has started (socket connect begun). */
  public void attemptStarted(long nowMs) {
    requirePhase(Phase.WAITING, "attemptStarted");
    phase = Phase.ATTEMPTING;
    attemptStartedMs = nowMs;
    lastSendMs = nowMs;
  }

  /**
   * The ConnectRequest for the current attempt: resume the session if a read/write server has seen
   * it (ZooKeeper sends session 0 while it has only met read-only servers), else ask for a new one.
   */
  public ConnectRequest connectRequest(long lastZxidSeen) {
    requirePhase(Phase.ATTEMPTING, "connectRequest");
    boolean resume = seenRwServer && sessionId != 0;
    return new ConnectRequest(
        0,
        lastZxidSeen,
        requestedTimeoutMs,
        resume ? sessionId : 0,
        resume ? password.clone() : NO_PASSWORD.clone(),
        canBeReadOnly);
  }

  /**
   * The server answered the ConnectRequest.
   *
   * @return the new state: CONNECTED, CONNECTED_READ_ONLY, or EXPIRED when the timeout is ≤ 0
   */
  public ConnectionState onConnectResponse(ConnectResponse response, long nowMs) {
    requirePhase(Phase.ATTEMPTING, "onConnectResponse");
    lastRecvMs = nowMs;
    if (response.timeoutMs() <= 0) {
      becomeDead(
          ConnectionState.EXPIRED,
          "server reported session 0x"
              + Long.toHexString(sessionId)
              + " expired (timeOut "
              + response.timeoutMs()
              + ")");
      return state;
    }
    negotiatedTimeoutMs = response.timeoutMs();
    sessionId = response.sessionId();
    password = response.passwd() == null ? NO_PASSWORD : response.passwd().clone();
    if (!response.readOnly()) {
      seenRwServer = true;
    }
    phase = Phase.ESTABLISHED;
    state = response.readOnly() ? ConnectionState.CONNECTED_READ_ONLY : ConnectionState.CONNECTED;
    reason = "session established";
    return state;
  }

  /** Bytes arrived on the current connection. */
  public void onReceived(long nowMs) {
    if (phase == Phase.ATTEMPTING || phase == Phase.ESTABLISHED) {
      lastRecvMs = nowMs;
    }
  }

  /** Bytes were written on the current connection. */
  public void onSent(long nowMs) {
    lastSendMs = nowMs;
  }

  /**
   * The current connection or attempt is gone; the next attempt waits a random 0–999 ms.
   *
   * @param why for the log and {@link #reason()}
   */
  public void connectionLost(long nowMs, String why) {
    if (phase == Phase.DEAD) {
      return;
    }
    if (phase == Phase.WAITING) {
      throw new IllegalStateException("connectionLost without a connection: " + why);
    }
    phase = Phase.WAITING;
    nextAttemptAtMs = nowMs + random.nextInt(ClientLimits.RECONNECT_BACKOFF_MS_MAX);
    if (state.isConnected()) {
      state = ConnectionState.DISCONNECTED;
    }
    reason = why;
  }

  /** The session expired (locally, or as a server said). */
  public void expire(String why) {
    becomeDead(ConnectionState.EXPIRED, why);
  }

  /** A server refused a credential. */
  public void authFailed(String why) {
    becomeDead(ConnectionState.AUTH_FAILED, why);
  }

  /** The owner closed the client. */
  public void close(String why) {
    becomeDead(ConnectionState.CLOSED, why);
  }

  private void becomeDead(ConnectionState terminal, String why) {
    if (phase == Phase.DEAD) {
      return;
    }
    phase = Phase.DEAD;
    state = terminal;
    reason = why;
  }

  private boolean isLocallyExpired(long nowMs) {
    return nowMs >= expiryAtMs();
  }

  private long expiryAtMs() {
    return sessionId == 0 ? Long.MAX_VALUE : lastRecvMs + expirationTimeoutMs();
  }

  private void requirePhase(Phase expected, String what) {
    if (phase != expected) {
      throw new IllegalStateException(what + " in phase " + phase + ", expected " + expected);
    }
  }

  /** The public state. */
  public ConnectionState state() {
    return state;
  }

  /** The internal phase. */
  public Phase phase() {
    return phase;
  }

  /** Why the last transition happened. */
  public String reason() {
    return reason;
  }

  /** The session id, 0 before the first session. */
  public long sessionId() {
    return sessionId;
  }

  /** A copy of the session password. */
  public byte[] password() {
    return password.clone();
  }

  /** True when {@code other} equals the session password. */
  public boolean hasPassword(byte[] other) {
    return Arrays.equals(password, other);
  }

  /** The negotiated timeout, 0 before the first session. */
  public int negotiatedTimeoutMs() {
    return negotiatedTimeoutMs;
  }

  /** The timeout the timers use: the negotiated one once known, else the requested one. */
  public int sessionTimeoutMs() {
    return negotiatedTimeoutMs > 0 ? negotiatedTimeoutMs : requestedTimeoutMs;
  }

  /** timeout × 2/3, at least 1. */
  public int readTimeoutMs() {
    return Math.max(1, sessionTimeoutMs() * 2 / 3);
  }

  /** timeout / hosts, at least 1. */
  public int connectTimeoutMs() {
    return Math.max(1, sessionTimeoutMs() / hostCount);
  }

  /** timeout × 4/3. */
  public long expirationTimeoutMs() {
    return sessionTimeoutMs() * 4L / 3;
  }
}
