package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooCfgParserTest {

  /** conf/zoo_sample.cfg of ZooKeeper 3.9.3, plus two keys ZooKeeper users commonly add. */
  static final String SAMPLE =
      """
      # The number of milliseconds of each tick
      tickTime=2000
      # The number of ticks that the initial
      # synchronization phase can take
      initLimit=10
      # The number of ticks that can pass between
      # sending a request and getting an acknowledgement
      syncLimit=5
      # the directory where the snapshot is stored.
      # do not use /tmp for storage, /tmp here is just
      # example sakes.
      dataDir=/tmp/zookeeper
      # the port at which the clients will connect
      clientPort=2181
      # the maximum number of client connections.
      # increase this if you need to handle more clients
      #maxClientCnxns=60
      #
      # The number of snapshots to retain in dataDir
      #autopurge.snapRetainCount=3
      # Purge task interval in hours
      # Set to "0" to disable auto purge feature
      #autopurge.purgeInterval=1

      ## Metrics Providers
      #metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider
      #metricsProvider.httpPort=7000
      admin.enableServer=false
      metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider
      """;

  @TempDir Path dir;

  static final ZooCfgParser PARSER = new ZooCfgParser(Map.of());

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void zooSampleCfgParsesWithDerivedDefaultsAndReportsIgnoredKeys() throws IOException {
    ParsedConfig parsed = PARSER.parse(write("zoo.cfg", SAMPLE));
    ServerConfig c = parsed.config();
    assertEquals(2000, c.tickTimeMs());
    assertEquals(4000, c.minSessionTimeoutMs());
    assertEquals(40000, c.maxSessionTimeoutMs());
    assertEquals(Path.of("/tmp/zookeeper"), c.dataDir());
    assertEquals(Path.of("/tmp/zookeeper"), c.dataLogDir());
    assertEquals(new InetSocketAddress(2181), c.clientAddress());
    assertEquals(10, c.initLimitTicks());
    assertEquals(5, c.syncLimitTicks());
    assertEquals(60, c.maxClientCnxns());
    assertEquals(100_000, c.snapCount());
    assertEquals(65_536, c.preAllocSizeKb());
    assertTrue(c.forceSync());
    assertEquals(3, c.autopurgeSnapRetainCount());
    assertEquals(0, c.autopurgeIntervalHours());
    assertEquals(0xfffff, c.juteMaxBufferBytes());
    assertEquals(Set.of("srvr", "ruok", "mntr", "isro"), c.fourLetterWordWhitelist());
    assertFalse(c.isQuorum());
    assertEquals(0, c.myid());
    assertEquals(List.of("admin.enableServer", "metricsProvider.className"), parsed.ignoredKeys());
    assertEquals(List.of(), parsed.unknownKeys());
    assertEquals(
        Optional.of(
            "zoo.cfg keys accepted but not used by Paddock: admin.enableServer,"
                + " metricsProvider.className"),
        parsed.ignoredKeysLogLine());
  }

  @Test
  void unknownKeysAreAcceptedAndNamedAsPossibleTypos() throws IOException {
    ParsedConfig parsed = PARSER.parse(write("zoo.cfg", SAMPLE + "tickTme=3000\nsslQuorum=true\n"));
    assertEquals(
        List.of("admin.enableServer", "metricsProvider.className", "sslQuorum", "tickTme"),
        parsed.ignoredKeys());
    assertEquals(List.of("tickTme"), parsed.unknownKeys());
    String line = parsed.ignoredKeysLogLine().orElseThrow();
    assertTrue(line.endsWith("unknown to ZooKeeper 3.9 as well (typo?): tickTme"), line);
    assertTrue(parsed.warnings().stream().anyMatch(w -> w.startsWith("sslQuorum=true")));
  }

  @Test
  void trailingBlanksOfValuesAreTrimmed() throws IOException {
    ServerConfig c =
        PARSER
            .parse(write("zoo.cfg", "tickTime=1000   \ndataDir=/d \t\nclientPort = 2182 \n"))
            .config();
    assertEquals(1000, c.tickTimeMs());
    assertEquals(Path.of("/d"), c.dataDir());
    assertEquals(2182, c.clientPort());
  }

  static final String ENSEMBLE =
      """
      tickTime=2000
      initLimit=10
      syncLimit=5
      dataDir=%s
      server.1=10.0.0.1:2888:3888;2181
      server.2=zk2.example.com:2888:3888:participant;10.0.0.2:2181
      server.3=[fd00::3]:2888:3888;[fd00::3]:2181
      server.4=zk4.example.com:2888:3888:observer
      """;

  @Test
  void ensembleWithObserverAndBothClientForms() throws IOException {
    Files.writeString(dir.resolve("myid"), "2\n");
    ServerConfig c = PARSER.parse(write("zoo.cfg", ENSEMBLE.formatted(dir))).config();
    assertTrue(c.isQuorum());
    assertEquals(2, c.myid());
    assertEquals(4, c.members().size());
    QuorumMember one = c.members().get(0);
    assertEquals(1, one.id());
    assertEquals("10.0.0.1", one.host());
    assertFalse(one.quorumAddress().isUnresolved(), "IP literals are resolved without DNS");
    assertEquals(2888, one.quorumAddress().getPort());
    assertEquals(3888, one.electionAddress().getPort());
    assertEquals(PeerRole.PARTICIPANT, one.role());
    assertEquals(new InetSocketAddress("0.0.0.0", 2181), one.clientAddress().orElseThrow());
    QuorumMember two = c.members().get(1);
    assertTrue(two.quorumAddress().isUnresolved(), "host names are left to the transport");
    assertEquals("zk2.example.com", two.host());
    assertEquals("10.0.0.2", two.clientAddress().orElseThrow().getHostString());
    QuorumMember three = c.members().get(2);
    assertEquals("fd00:0:0:0:0:0:0:3", three.host(), "canonical form, as ZooKeeper prints it");
    assertEquals(
        "[fd00:0:0:0:0:0:0:3]:2888:3888:participant;[fd00:0:0:0:0:0:0:3]:2181",
        three.configValue());
    QuorumMember four = c.members().get(3);
    assertEquals(PeerRole.OBSERVER, four.role());
    assertEquals(Optional.empty(), four.clientAddress());
    // This server's client address comes from its own line, as in ZooKeeper.
    assertEquals(
        two.clientAddress().orElseThrow().getHostString(), c.clientAddress().getHostString());
    assertEquals(2181, c.clientPort());
    assertEquals(PeerRole.PARTICIPANT, c.peerType());
    assertEquals(two, c.self().orElseThrow());
  }

  @Test
  void observerTakesItsRoleFromItsLineAndClientPortFromTheStaticKey() throws IOException {
    Files.writeString(dir.resolve("myid"), " 4 \n");
    ParsedConfig parsed =
        PARSER.parse(
            write("zoo.cfg", ENSEMBLE.formatted(dir) + "clientPort=2191\npeerType=participant\n"));
    ServerConfig c = parsed.config();
    assertEquals(4, c.myid());
    assertEquals(PeerRole.OBSERVER, c.peerType());
    assertEquals(2191, c.clientPort());
    assertTrue(parsed.warnings().stream().anyMatch(w -> w.startsWith("peerType=participant")));
    assertTrue(
        parsed.warnings().stream().anyMatch(w -> w.startsWith("3 participants")) == false,
        "3 participants is the recommended shape");
  }

  @Test
  void dynamicConfigFileHoldsTheServerLines() throws IOException {
    Path dynamic =
        write(
            "zoo.cfg.dynamic.100000000",
            "server.1=127.0.0.1:2888:3888:participant;2181\n"
                + "server.2=127.0.0.1:2889:3889:participant;2182\n"
                + "server.3=127.0.0.1:2890:3890:participant;2183\n"
                + "version=100000000\n");
    Files.writeString(dir.resolve("myid"), "3");
    ServerConfig c =
        PARSER
            .parse(
                write(
                    "zoo.cfg",
                    "dataDir=" + dir + "\ninitLimit=5\nsyncLimit=2\ndynamicConfigFile=" + dynamic))
            .config();
    assertEquals(3, c.members().size());
    assertEquals(2183, c.clientPort());
  }

  @Test
  void singleServerLineRunsStandaloneWithAWarning() throws IOException {
    ParsedConfig parsed =
        PARSER.parse(
            write("zoo.cfg", "dataDir=/d\nclientPort=2181\nserver.1=localhost:2888:3888\n"));
    assertFalse(parsed.config().isQuorum());
    assertEquals(0, parsed.config().myid());
    assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("standalone")));
  }

  @Test
  void zooKeeperSystemPropertiesAreFallbacksAndPureJvmPropertiesWin() throws IOException {
    ZooCfgParser parser =
        new ZooCfgParser(
            Map.of(
                "zookeeper.snapCount", "5000",
                "zookeeper.forceSync", "no",
                "zookeeper.4lw.commands.whitelist", "stat",
                "jute.maxbuffer", "0x400000",
                "zookeeper.extendedTypesEnabled", "true",
                "zookeeper.DigestAuthenticationProvider.superDigest",
                    "super:D/InIHSb7yEEbrWz8b9l71RjZJU="));
    ParsedConfig parsed =
        parser.parse(
            write("zoo.cfg", "dataDir=/d\nclientPort=2181\nsnapCount=7000\njute.maxbuffer=2048\n"));
    ServerConfig c = parsed.config();
    assertEquals(
        List.of(
            "jute.maxbuffer=2048 in zoo.cfg is overridden by the JVM system property"
                + " jute.maxbuffer=0x400000 (the one ZooKeeper reads)"),
        parsed.warnings());
    assertEquals(7000, c.snapCount(), "zoo.cfg wins over zookeeper.snapCount");
    assertFalse(c.forceSync());
    assertEquals(Set.of("stat", "srvr"), c.fourLetterWordWhitelist());
    assertEquals(0x400000, c.juteMaxBufferBytes(), "the JVM flag ZooKeeper honours wins");
    assertTrue(c.extendedTypesEnabled());
    assertEquals(Optional.of("super:D/InIHSb7yEEbrWz8b9l71RjZJU="), c.superDigest());
  }

  @Test
  void pureJvmPropertiesAreAlsoReadFromZooCfg() throws IOException {
    ServerConfig c =
        PARSER
            .parse(
                write(
                    "zoo.cfg",
                    "dataDir=/d\nclientPort=2181\njute.maxbuffer=4194304\n"
                        + "readonlymode.enabled=true\nznode.container.checkIntervalMs=1000\n"
                        + "znode.container.maxPerMinute=50\n"
                        + "znode.container.maxNeverUsedIntervalMs=30000\n"
                        + "4lw.commands.whitelist=ruok\n"))
            .config();
    assertEquals(4194304, c.juteMaxBufferBytes());
    assertTrue(c.readOnlyModeEnabled());
    assertEquals(Set.of("ruok", "srvr", "isro"), c.fourLetterWordWhitelist());
    assertEquals(1000, c.containerCheckIntervalMs());
    assertEquals(50, c.containerMaxPerMinute());
    assertEquals(30000, c.containerMaxNeverUsedIntervalMs());
  }

  @Test
  void badSystemPropertyIsNamedInTheMessage() {
    ZooCfgParser parser = new ZooCfgParser(Map.of("zookeeper.snapCount", "1"));
    ConfigException e = assertThrows(ConfigException.class, () -> parser.defaults(dir));
    assertTrue(e.getMessage().contains("zookeeper.snapCount"), e.getMessage());
    ZooCfgParser junk = new ZooCfgParser(Map.of("jute.maxbuffer", "lots"));
    ConfigException e2 = assertThrows(ConfigException.class, () -> junk.defaults(dir));
    assertTrue(
        e2.getMessage().startsWith("jute.maxbuffer (JVM system property): \"lots\""),
        e2.getMessage());
  }

  @Test
  void defaultsWithoutAFile() {
    ServerConfig c = PARSER.defaults(Path.of("data")).config();
    assertEquals(2181, c.clientPort());
    assertEquals(Path.of("data"), c.dataDir());
    assertEquals(3000, c.tickTimeMs());
    assertEquals(6000, c.minSessionTimeoutMs());
    assertEquals(60000, c.maxSessionTimeoutMs());
    assertEquals(ServerConfig.defaults(Path.of("data")).describe(0, 0), c.describe(0, 0));
  }

  @Test
  void fileErrorsNameTheFile() throws IOException {
    Path cfg = write("zoo.cfg", "dataDir=/d\nclientPort=abc\n");
    ConfigException e = assertThrows(ConfigException.class, () -> PARSER.parse(cfg));
    assertEquals(cfg + ": clientPort: \"abc\" is not a whole number", e.getMessage());
    assertEquals("clientPort", e.key());
    Path badEscape = write("bad.cfg", "dataDir=/d\\uZZZZ\nclientPort=2181\n");
    ConfigException e2 = assertThrows(ConfigException.class, () -> PARSER.parse(badEscape));
    assertTrue(e2.getMessage().contains("is not a properties file"), e2.getMessage());
    Path missing = dir.resolve("nope.cfg");
    assertThrows(ConfigException.class, () -> PARSER.parse(missing));
  }

  @Test
  void hintsForKeysWrittenTheWayZooKeeperWouldIgnoreThem() throws IOException {
    ParsedConfig parsed =
        PARSER.parse(
            write(
                "zoo.cfg",
                "dataDir=/d\nclientPort=2181\nsuperDigest=super:x\nzookeeper.snapCount=10\n"));
    assertEquals(100_000, parsed.config().snapCount());
    assertEquals(Optional.empty(), parsed.config().superDigest());
    assertTrue(
        parsed.warnings().stream()
            .anyMatch(w -> w.contains("DigestAuthenticationProvider.superDigest")));
    assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("in zoo.cfg write snapCount")));
  }
}
