package io.paddock.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.ConnectionState;
import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The testing server: a free port, restart with the same port and data, temp dir cleanup. */
class TestingServerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  static PaddockClient connect(String connectString) throws Exception {
    PaddockClient client =
        PaddockClient.builder().connectString(connectString).sessionTimeoutMs(8_000).build();
    client.blocking().awaitConnected(WAIT);
    return client;
  }

  @Test
  void servesOnAFreeLoopbackPortAndRestartKeepsPortDataAndSessions() throws Exception {
    Path dir;
    try (TestingServer server = new TestingServer()) {
      assertTrue(server.isRunning());
      assertTrue(server.connectString().startsWith("127.0.0.1:"), server.connectString());
      assertTrue(server.port() > 0);
      dir = server.tempDirectory();
      assertTrue(Files.isDirectory(dir));
      try (PaddockClient client = connect(server.connectString())) {
        client
            .blocking()
            .create("/kept", new byte[] {7}, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        client.blocking().create("/mine", null, Acl.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        long session = client.sessionId();
        int port = server.port();
        server.stop();
        assertFalse(server.isRunning());
        await()
            .atMost(WAIT)
            .until(
                () ->
                    client.state() == ConnectionState.CONNECTING
                        || client.state() == ConnectionState.DISCONNECTED);
        server.start();
        assertEquals(port, server.port(), "the same port");
        await().atMost(WAIT).until(() -> client.state() == ConnectionState.CONNECTED);
        assertEquals(session, client.sessionId(), "the session survived the restart");
        assertArrayEquals(new byte[] {7}, client.blocking().getData("/kept").data());
        assertNotNull(client.blocking().exists("/mine"), "its ephemeral too");
        server.restart();
        await()
            .atMost(WAIT)
            .ignoreExceptions()
            .until(() -> client.blocking().exists("/kept") != null);
      }
    }
    assertFalse(Files.exists(dir), "close deletes the temporary directory");
  }

  @Test
  void aChosenDirectoryIsKeptAndAStoppedServerStartsFromIt() throws Exception {
    Path dir = Files.createTempDirectory("testing-server-test-");
    try {
      try (TestingServer server = TestingServer.builder().tempDirectory(dir).build()) {
        assertFalse(server.isRunning(), "built, not started");
        server.start();
        try (PaddockClient client = connect(server.connectString())) {
          client.blocking().create("/durable", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
      }
      assertTrue(Files.isDirectory(dir), "a chosen directory is kept");
      try (TestingServer again = TestingServer.builder().tempDirectory(dir).build().start();
          PaddockClient client = connect(again.connectString())) {
        assertNotNull(client.blocking().exists("/durable"), "the data was recovered");
      }
    } finally {
      Directories.deleteTree(dir);
    }
  }

  @Test
  void aClosedServerCannotStartAndBadSettingsAreRefused() {
    TestingServer server = new TestingServer();
    server.close();
    server.close();
    assertThrows(IllegalStateException.class, server::start);
    assertThrows(IllegalArgumentException.class, () -> TestingServer.builder().port(-1));
    assertThrows(IllegalArgumentException.class, () -> TestingServer.builder().tickTimeMs(0));
  }

  @Test
  void everyFourLetterWordAnswersAndWchcListsASessionsWatches() throws Exception {
    try (TestingServer server = new TestingServer();
        PaddockClient client = connect(server.connectString())) {
      assertEquals("imok", FourLetterWord.send(server.connectString(), "ruok"));
      client.blocking().create("/watched", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      client.blocking().getData("/watched", e -> {});
      client.blocking().exists("/absent", e -> {});
      await()
          .atMost(WAIT)
          .until(
              () ->
                  FourLetterWord.watchesOf(server.connectString(), client.sessionId())
                      .containsAll(java.util.List.of("/watched", "/absent")));
      assertTrue(FourLetterWord.send(server.connectString(), "wchs").contains("Total watches:"));
    }
  }
}
