package io.paddock.testing;

import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import java.time.Duration;
import java.util.Objects;

/**
 * Expires a live session from outside, as a server would after a long partition: a second client
 * joins the session with its id and password, then closes it, so the server ends the session and
 * deletes its ephemeral nodes. Works on Paddock and on Apache ZooKeeper alike (it is ZooKeeper's
 * own classic test trick). The victim learns it from the server: its connection drops and its next
 * reconnect is told the session expired.
 *
 * <pre>{@code
 * KillSession.kill(client, server.connectString());
 * }</pre>
 */
public final class KillSession {
  /** How long {@link #kill(PaddockClient, String)} waits to join the session. */
  public static final Duration CONNECT_TIMEOUT_DEFAULT = Duration.ofSeconds(15);

  private KillSession() {}

  /**
   * Expires the client's current session.
   *
   * @param client a client with a session (connected now or recently)
   * @param connectString where the session lives (any member of the ensemble)
   * @throws IllegalStateException if the client has no session yet
   * @throws PaddockException if the session cannot be joined in time (for example it expired
   *     already)
   */
  public static void kill(PaddockClient client, String connectString)
      throws PaddockException, InterruptedException {
    kill(client, connectString, CONNECT_TIMEOUT_DEFAULT);
  }

  /**
   * Expires the client's current session, waiting at most {@code timeout} to join it.
   *
   * @throws IllegalStateException if the client has no session yet
   * @throws PaddockException if the session cannot be joined in time
   */
  public static void kill(PaddockClient client, String connectString, Duration timeout)
      throws PaddockException, InterruptedException {
    Objects.requireNonNull(client, "client");
    long sessionId = client.sessionId();
    if (sessionId == 0) {
      throw new IllegalStateException("the client has no session yet");
    }
    kill(sessionId, client.sessionPassword(), connectString, timeout);
  }

  /**
   * Expires a session given by id and password.
   *
   * @param timeout how long to wait to join the session
   * @throws PaddockException if the session cannot be joined in time
   */
  public static void kill(long sessionId, byte[] password, String connectString, Duration timeout)
      throws PaddockException, InterruptedException {
    int sessionTimeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try (PaddockClient intruder =
        PaddockClient.builder()
            .connectString(connectString)
            .sessionTimeoutMs(sessionTimeoutMs)
            .connectionTimeoutMs(sessionTimeoutMs)
            .session(sessionId, password)
            .build()) {
      intruder.blocking().awaitConnected(timeout);
    } // close() sends closeSession: the server ends the session for both clients
  }
}
