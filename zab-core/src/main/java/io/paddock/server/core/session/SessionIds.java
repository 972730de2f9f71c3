package io.paddock.server.core.session;

import java.security.MessageDigest;
import java.util.Random;

/**
 * Session ids and passwords, made exactly as ZooKeeper makes them (PROTOCOL 3.3), so that a client
 * sees values of the same shape.
 */
public final class SessionIds {
  /** The length of a session password. */
  public static final int PASSWORD_BYTES = 16;

  /** ZooKeeper's constant mixed into the password seed ({@code ZooKeeperServer.superSecret}). */
  private static final long PASSWORD_SEED_MIX = 0xB3415C00L;

  private static final int TIME_SHIFT_LEFT = 24;
  private static final int TIME_SHIFT_RIGHT = 8;
  private static final int SERVER_ID_SHIFT = 56;

  private SessionIds() {}

  /**
   * The first session id a server hands out: {@code ((nowMs << 24) >>> 8) | (serverId << 56)}, as
   * ZooKeeper's {@code SessionTrackerImpl.initializeNextSessionId}.
   *
   * @param nowMs the clock reading the ids are derived from
   * @param serverId {@code myid}, 0 for a standalone server
   */
  public static long initialId(long nowMs, long serverId) {
    return ((nowMs << TIME_SHIFT_LEFT) >>> TIME_SHIFT_RIGHT) | (serverId << SERVER_ID_SHIFT);
  }

  /**
   * True for ids a session may never have: 0 (the "new session" marker of a ConnectRequest) and
   * {@code Long.MIN_VALUE} (the stored owner of container nodes).
   */
  public static boolean isReserved(long sessionId) {
    return sessionId == 0 || sessionId == Long.MIN_VALUE;
  }

  /**
   * The password of a session: {@code new Random(sessionId ^ 0xB3415C00L).nextBytes(16 bytes)}.
   * Deterministic, so it survives a restart without being stored (as in ZooKeeper).
   */
  public static byte[] password(long sessionId) {
    byte[] password = new byte[PASSWORD_BYTES];
    new Random(sessionId ^ PASSWORD_SEED_MIX).nextBytes(password);
    return password;
  }

  /** True when {@code given} is the session's password (compared in constant time). */
  public static boolean passwordMatches(long sessionId, byte[] given) {
    return given != null && MessageDigest.isEqual(password(sessionId), given);
  }
}
