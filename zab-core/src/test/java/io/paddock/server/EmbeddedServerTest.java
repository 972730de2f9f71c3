package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.server.config.ServerConfig;
import io.paddock.store.codec.JuteWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EmbeddedServer's lifecycle with a stand-in core. */
class EmbeddedServerTest {
  @TempDir Path tmp;

  private static String ruok(String connectString) throws IOException {
    String[] hostPort = connectString.split(":");
    try (Socket s = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("ruok".getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void defaultsToAFreeLoopbackPortAndATemporaryDirectoryDeletedOnClose() throws Exception {
    List<String> journal = StubCore.journal();
    EmbeddedServer server = EmbeddedServer.builder().coreFactory(StubCore.factory(journal)).build();
    Path dir = server.dataDir();
    assertTrue(Files.isDirectory(dir));
    Files.writeString(dir.resolve("some-file"), "x");
    try (server) {
      assertEquals(server, server.start());
      assertTrue(server.port() > 0);
      assertEquals("127.0.0.1:" + server.port(), server.connectString());
      assertEquals("imok", ruok(server.connectString()));
      assertEquals(List.of("start"), journal);
    }
    assertEquals(List.of("start", "close"), journal);
    assertFalse(Files.exists(dir));
    assertFalse(server.isRunning());
    assertThrows(IllegalStateException.class, server::start);
  }

  @Test
  void restartKeepsPortAndDataAndClosesConnectionsBeforeTheCore() throws Exception {
    List<String> journal = StubCore.journal();
    try (EmbeddedServer server =
        EmbeddedServer.builder().dataDir(tmp).coreFactory(StubCore.factory(journal)).build()) {
      server.start();
      int port = server.port();
      try (Socket client = new Socket("127.0.0.1", port)) {
        client.setSoTimeout(10_000);
        client.getOutputStream().write(connectFrame());
        DataInputStream in = new DataInputStream(client.getInputStream());
        in.readFully(new byte[4 + 37]);
        server.restart();
        assertEquals(-1, in.read()); // the connection went down with the old port
      }
      assertEquals(port, server.port());
      assertEquals(tmp, server.config().dataDir());
      assertEquals(List.of("start", "disconnect", "close", "start"), journal);
      assertEquals("imok", ruok(server.connectString()));
    }
    assertTrue(Files.isDirectory(tmp)); // a directory the caller chose is kept
  }

  @Test
  void aPortInUseFailsTheStartAndClosesTheCore() {
    List<String> journal = StubCore.journal();
    try (EmbeddedServer first =
        EmbeddedServer.builder().dataDir(tmp).coreFactory(StubCore.factory(journal)).build()) {
      first.start();
      ServerConfig clash = first.config().toBuilder().dataDir(tmp.resolve("other")).build();
      List<String> second = StubCore.journal();
      EmbeddedServer loser =
          EmbeddedServer.builder().config(clash).coreFactory(StubCore.factory(second)).build();
      UncheckedIOException e = assertThrows(UncheckedIOException.class, loser::start);
      assertTrue(e.getMessage().contains(String.valueOf(first.port())), e.getMessage());
      assertEquals(List.of("start", "close"), second);
      assertFalse(loser.isRunning());
    }
  }

  @Test
  void tickTimeDerivesTheSessionBoundsAndDataDirCarriesTheLog() {
    ServerConfig given =
        ServerConfig.builder()
            .dataDir(tmp.resolve("a"))
            .clientAddress(new InetSocketAddress("127.0.0.1", 0))
            .tickTimeMs(2000)
            .build();
    EmbeddedServer server =
        EmbeddedServer.builder()
            .config(given)
            .dataDir(tmp.resolve("b"))
            .tickTimeMs(100)
            .coreFactory(StubCore.factory(StubCore.journal()))
            .build();
    ServerConfig config = server.config();
    assertEquals(100, config.tickTimeMs());
    assertEquals(200, config.minSessionTimeoutMs());
    assertEquals(2000, config.maxSessionTimeoutMs());
    assertEquals(tmp.resolve("b"), config.dataDir());
    assertEquals(tmp.resolve("b"), config.dataLogDir());
    server.close();
  }

  @Test
  void addressesAreUnknownBeforeTheFirstStart() {
    EmbeddedServer server =
        EmbeddedServer.builder()
            .dataDir(tmp)
            .coreFactory(StubCore.factory(StubCore.journal()))
            .build();
    assertThrows(IllegalStateException.class, server::connectString);
    assertThrows(IllegalStateException.class, server::port);
    server.close();
  }

  /** A ConnectRequest frame for a new session (45-byte payload). */
  static byte[] connectFrame() {
    JuteWriter w = new JuteWriter();
    w.writeInt(45);
    new ConnectRequest(0, 0, 30_000, 0, new byte[16], false).write(w);
    return w.toByteArray();
  }
}
