package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.PaddockServerMain.StartupFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's command line and configuration handling. */
class PaddockServerMainTest {
  @TempDir Path tmp;

  private Path zooCfg(String... lines) throws Exception {
    Path cfg = tmp.resolve("zoo.cfg");
    Files.write(cfg, List.of(lines));
    return cfg;
  }

  private StartupFailure refusal(Path cfg) {
    return assertThrows(
        StartupFailure.class,
        () ->
            PaddockServerMain.configure(
                new String[] {cfg.toString()}, StubCore.factory(StubCore.journal())));
  }

  @Test
  void aBadValueNamesTheKeyAndExitsTwo() throws Exception {
    Path cfg = zooCfg("dataDir=" + tmp.resolve("data"), "clientPort=2181", "tickTime=soon");
    StartupFailure f = refusal(cfg);
    assertEquals(PaddockServerMain.EXIT_BAD_CONFIG, f.exitCode());
    assertTrue(f.getMessage().contains("tickTime"), f.getMessage());
  }

  @Test
  void aMissingFileExitsTwo() {
    StartupFailure f = refusal(tmp.resolve("absent.cfg"));
    assertEquals(PaddockServerMain.EXIT_BAD_CONFIG, f.exitCode());
    assertTrue(f.getMessage().contains("absent.cfg"), f.getMessage());
  }

  @Test
  void anEnsembleMemberIsConfiguredFromServerLinesAndMyid() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("myid"), "1\n");
    Path cfg =
        zooCfg(
            "dataDir=" + data,
            "clientPort=2181",
            "initLimit=5",
            "syncLimit=2",
            "server.1=127.0.0.1:2888:3888",
            "server.2=127.0.0.1:2889:3889",
            "server.3=127.0.0.1:2890:3890");
    EmbeddedServer server = PaddockServerMain.configure(new String[] {cfg.toString()}, c -> null);
    assertTrue(server.config().isQuorum());
    assertEquals(1, server.config().myid());
    assertEquals(3, server.config().members().size());
    assertEquals(2888, server.config().self().orElseThrow().quorumAddress().getPort());
  }

  @Test
  void aZooKeeperConfigWithKeysPaddockDoesNotUseIsAccepted() throws Exception {
    Path cfg =
        zooCfg(
            "tickTime=2000",
            "dataDir=" + tmp.resolve("data"),
            "clientPort=0",
            "clientPortAddress=127.0.0.1",
            "admin.enableServer=false",
            "metricsProvider.className=org.apache.zookeeper.metrics.impl.DefaultMetricsProvider");
    EmbeddedServer server =
        PaddockServerMain.configure(
            new String[] {cfg.toString()}, StubCore.factory(StubCore.journal()));
    assertEquals(2000, server.config().tickTimeMs());
    assertEquals(tmp.resolve("data"), server.config().dataDir());
    server.close();
  }

  @Test
  void withoutAFileTheDefaultsApply() {
    EmbeddedServer server =
        PaddockServerMain.configure(new String[0], StubCore.factory(StubCore.journal()));
    assertEquals(2181, server.config().clientPort());
    assertEquals(Path.of("data"), server.config().dataDir());
    server.close();
  }

  @Test
  void twoArgumentsAreAUsageError() {
    StartupFailure f =
        assertThrows(
            StartupFailure.class,
            () ->
                PaddockServerMain.configure(
                    new String[] {"a", "b"}, StubCore.factory(StubCore.journal())));
    assertEquals(PaddockServerMain.EXIT_BAD_CONFIG, f.exitCode());
    assertTrue(f.getMessage().contains("Usage"));
  }

  @Test
  void theRealProcessPrintsTheKeyAndExitsTwo() throws Exception {
    Path cfg = zooCfg("dataDir=" + tmp.resolve("data"), "clientPort=2181", "maxClientCnxns=-3");
    Path log = tmp.resolve("out.log");
    Process p = ServerProcess.builder(cfg.toString()).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(PaddockServerMain.EXIT_BAD_CONFIG, p.exitValue(), out);
    assertTrue(out.contains("maxClientCnxns"), out);
    assertFalse(Files.exists(tmp.resolve("data")), "nothing was created");
  }

  @Test
  void theVersionIsNeverEmpty() {
    assertFalse(PaddockServerMain.version().isBlank());
  }
}
