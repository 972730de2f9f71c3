package io.paddock.recipes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.CreateMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connection states from server restarts and session expiry, the error policies, and guaranteed
 * delete across an outage.
 */
class ConnectionStatesTest extends RecipeTestBase {

  @Test
  void aShortOutageIsSuspendedThenReconnectedWithTheSameSession() throws Exception {
    PaddockFramework fw = frameworkBuilder().build();
    List<ConnectionState> states = recordStates(fw);
    started(fw);
    long session = fw.client().sessionId();
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.CONNECTED));
    core().stop();
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.SUSPENDED));
    assertFalse(fw.isConnected());
    core().start();
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.RECONNECTED));
    assertEquals(
        List.of(ConnectionState.CONNECTED, ConnectionState.SUSPENDED, ConnectionState.RECONNECTED),
        states);
    assertEquals(session, fw.client().sessionId(), "the session survived");
  }

  @Test
  void sessionExpiryIsLostThenReconnectedWithANewSession() throws Exception {
    PaddockFramework fw = frameworkBuilder().build();
    List<ConnectionState> states = recordStates(fw);
    started(fw);
    fw.create().withMode(CreateMode.EPHEMERAL).forPath("/eph-expiry");
    long session = fw.client().sessionId();
    expireSession(fw);
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.LOST));
    await().atMost(WAIT).until(() -> states.get(states.size() - 1) == ConnectionState.RECONNECTED);
    assertNotEquals(session, fw.client().sessionId(), "a new session");
    assertNull(fw.checkExists().forPath("/eph-expiry"), "the old session's ephemeral is gone");
  }

  @Test
  void anOutageLongerThanTheSessionIsLostWithoutTheServersWord() throws Exception {
    PaddockFramework fw = frameworkBuilder().build();
    List<ConnectionState> states = recordStates(fw);
    started(fw);
    core().stop();
    try {
      await().atMost(WAIT).until(() -> states.contains(ConnectionState.LOST));
    } finally {
      core().start();
    }
    await().atMost(WAIT).until(() -> states.get(states.size() - 1) == ConnectionState.RECONNECTED);
    assertTrue(states.indexOf(ConnectionState.SUSPENDED) < states.indexOf(ConnectionState.LOST));
  }

  @Test
  void errorPoliciesDisagreeOnlyAboutSuspended() {
    ConnectionStateErrorPolicy standard = new StandardConnectionStateErrorPolicy();
    ConnectionStateErrorPolicy session = new SessionConnectionStateErrorPolicy();
    assertTrue(standard.isErrorState(ConnectionState.SUSPENDED));
    assertTrue(standard.isErrorState(ConnectionState.LOST));
    assertFalse(session.isErrorState(ConnectionState.SUSPENDED));
    assertTrue(session.isErrorState(ConnectionState.LOST));
    for (ConnectionState s :
        List.of(
            ConnectionState.CONNECTED, ConnectionState.RECONNECTED, ConnectionState.READ_ONLY)) {
      assertFalse(standard.isErrorState(s));
      assertFalse(session.isErrorState(s));
    }
  }

  @Test
  void aGuaranteedDeleteIssuedDuringAnOutageCompletesAfterReconnect() throws Exception {
    PaddockFramework fw =
        started(
            frameworkBuilder().connectionTimeoutMs(500).retryPolicy(new RetryOneTime(10)).build());
    fw.create().forPath("/gd");
    core().stop();
    try {
      assertThrows(
          PaddockException.ConnectionLossException.class,
          () -> fw.delete().guaranteed().forPath("/gd"));
    } finally {
      core().start();
    }
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/gd") == null);
    await()
        .atMost(WAIT)
        .until(() -> io.paddock.recipes.internal.CoreAccess.of(fw).deletes().pendingCount() == 0);
  }

  @Test
  void blockUntilConnectedTimesOutWithoutAServer() throws Exception {
    PaddockFramework fw =
        closeAfter(PaddockFramework.builder().connectString("127.0.0.1:1").build());
    fw.start();
    assertFalse(fw.blockUntilConnected(java.time.Duration.ofMillis(200)));
    assertThrows(IllegalStateException.class, fw::start, "start once only");
  }
}
