package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parses the same files with Apache ZooKeeper 3.9.3's QuorumPeerConfig and with Paddock and
 * compares what must agree. ZooKeeper's parser writes unknown keys into system properties; they are
 * restored after each test.
 */
class ZooKeeperCrossCheckTest {

  @TempDir Path dir;
  private Properties savedProperties;

  @BeforeEach
  void saveSystemProperties() {
    savedProperties = (Properties) System.getProperties().clone();
  }

  @AfterEach
  void restoreSystemProperties() {
    System.setProperties(savedProperties);
    FourLetterCommands.resetWhiteList();
  }

  private Path write(String text) throws IOException {
    Path cfg = dir.resolve("zoo.cfg");
    Files.writeString(cfg, text.replace("$DIR", dir.toString()));
    return cfg;
  }

  private static QuorumPeerConfig zk(Path cfg) throws Exception {
    QuorumPeerConfig c = new QuorumPeerConfig();
    c.parse(cfg.toString());
    return c;
  }

  private static ServerConfig paddock(Path cfg) {
    return new ZooCfgParser(Map.of()).parse(cfg).config();
  }

  private static void assertAgree(QuorumPeerConfig z, ServerConfig p) {
    assertEquals(z.getTickTime(), p.tickTimeMs(), "tickTime");
    assertEquals(z.getMinSessionTimeout(), p.minSessionTimeoutMs(), "minSessionTimeout");
    assertEquals(z.getMaxSessionTimeout(), p.maxSessionTimeoutMs(), "maxSessionTimeout");
    assertEquals(z.getClientPortAddress(), p.clientAddress(), "client address");
    assertEquals(z.getDataDir().toPath(), p.dataDir(), "dataDir");
    assertEquals(z.getDataLogDir().toPath(), p.dataLogDir(), "dataLogDir");
    assertEquals(z.getMaxClientCnxns(), p.maxClientCnxns(), "maxClientCnxns");
    assertEquals(z.getClientPortListenBacklog(), p.clientPortListenBacklog(), "backlog");
    assertEquals(z.getSnapRetainCount(), p.autopurgeSnapRetainCount(), "snapRetainCount");
    assertEquals(z.getPurgeInterval(), p.autopurgeIntervalHours(), "purgeInterval");
    assertEquals(z.getInitLimit(), p.initLimitTicks(), "initLimit");
    assertEquals(z.getSyncLimit(), p.syncLimitTicks(), "syncLimit");
    assertEquals(z.isDistributed(), p.isQuorum(), "quorum mode");
    if (z.isDistributed()) {
      assertEquals(z.getServerId(), p.myid(), "myid");
      assertEquals(z.getPeerType().ordinal(), p.peerType().ordinal(), "peerType");
    }
  }

  private static void assertSameServers(QuorumPeerConfig z, ServerConfig p) {
    Map<Long, QuorumPeer.QuorumServer> servers = z.getServers();
    assertEquals(
        servers.keySet(), p.members().stream().map(QuorumMember::id).collect(Collectors.toSet()));
    for (QuorumMember m : p.members()) {
      QuorumPeer.QuorumServer s = servers.get(m.id());
      assertEquals(s.addr.getOne().getHostString(), m.host(), "host of " + m.id());
      assertEquals(s.addr.getOne().getPort(), m.quorumAddress().getPort(), "quorumPort");
      assertEquals(
          s.electionAddr.getOne().getPort(), m.electionAddress().getPort(), "electionPort");
      assertEquals(s.type.ordinal(), m.role().ordinal(), "role of " + m.id());
      if (!s.isClientAddrFromStatic) {
        assertEquals(s.clientAddr, m.clientAddress().orElse(null), "client address of " + m.id());
      }
    }
    // The membership lines of the conf word are ZooKeeper's QuorumVerifier text.
    String conf = p.describe(0, 0);
    String membership = conf.substring(conf.indexOf("membership: \n") + "membership: \n".length());
    assertEquals(z.getQuorumVerifier().toString(), membership);
  }

  static final String SAMPLE =
      "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=$DIR\nclientPort=2181\n"
          + "#autopurge.snapRetainCount=3\n#autopurge.purgeInterval=1\n"
          + "admin.enableServer=false\n"
          + "metricsProvider.className=org.apache.zookeeper.metrics.impl.NullMetricsProvider\n";

  @Test
  void zooSampleCfg() throws Exception {
    Path cfg = write(SAMPLE);
    assertAgree(zk(cfg), paddock(cfg));
    org.apache.zookeeper.server.ServerConfig standalone =
        new org.apache.zookeeper.server.ServerConfig();
    standalone.parse(cfg.toString());
    ServerConfig p = paddock(cfg);
    assertEquals(standalone.getClientPortAddress(), p.clientAddress());
    assertEquals(standalone.getMinSessionTimeout(), p.minSessionTimeoutMs());
    assertEquals(standalone.getMaxSessionTimeout(), p.maxSessionTimeoutMs());
  }

  @Test
  void explicitTimeoutsLogDirLimitsAndAddress() throws Exception {
    Path cfg =
        write(
            "tickTime=500\ndataDir=$DIR\ndataLogDir=$DIR/log\nclientPort=2300\n"
                + "clientPortAddress=127.0.0.1\nminSessionTimeout=-1\nmaxSessionTimeout=90000\n"
                + "maxClientCnxns=0\nclientPortListenBacklog=128\n"
                + "autopurge.snapRetainCount=5\nautopurge.purgeInterval=24\n");
    assertAgree(zk(cfg), paddock(cfg));
  }

  static final String ENSEMBLE =
      "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=$DIR\n"
          + "server.1=127.0.0.1:2888:3888;2181\n"
          + "server.2=localhost:2889:3889:participant;127.0.0.2:2182\n"
          + "server.3=[::1]:2890:3890:Participant;[::1]:2183\n"
          + "server.4=127.0.0.1:2891:3891:observer\n";

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", "3", "4"})
  void ensembleSeenFromEachMember(String myid) throws Exception {
    Files.writeString(dir.resolve("myid"), myid + "\n");
    String extra = myid.equals("4") ? "clientPort=2184\n" : "";
    Path cfg = write(ENSEMBLE + extra);
    QuorumPeerConfig z = zk(cfg);
    ServerConfig p = paddock(cfg);
    assertAgree(z, p);
    assertSameServers(z, p);
  }

  @Test
  void ensembleWhoseOwnLineHasNoClientPart() throws Exception {
    Files.writeString(dir.resolve("myid"), "3");
    Path cfg =
        write(
            "initLimit=5\nsyncLimit=2\ndataDir=$DIR\nclientPort=2181\n"
                + "server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\n"
                + "server.3=127.0.0.1:2890:3890\n");
    QuorumPeerConfig z = zk(cfg);
    ServerConfig p = paddock(cfg);
    assertAgree(z, p);
    assertSameServers(z, p);
  }

  /** Both refuse these; the messages differ (Paddock's name the key). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "clientPort=2181\n",
        "dataDir=$DIR\nclientPort=2181\nminSessionTimeout=9000\nmaxSessionTimeout=4000\n",
        "dataDir=$DIR\nclientPort=2181\nelectionAlg=1\n",
        "dataDir=$DIR\nclientPort=2181\npeerType=leader\n",
        "dataDir=$DIR\nclientPort=abc\n",
        "dataDir=$DIR\nclientPortAddress=127.0.0.1\n",
        "dataDir=$DIR\nclientPort=2181\nlocalSessionsEnabled=maybe\nserver.1=h:1:1\n",
        "dataDir=$DIR\nclientPort=2181\nserver.1=h:2888:2888\n",
        "dataDir=$DIR\nclientPort=2181\nserver.1=h:2888\n",
        "dataDir=$DIR\nclientPort=2181\nserver.1=h:2888:3888:leader\n",
        "dataDir=$DIR\nclientPort=2181\nserver.1=a:1:2|b:1:2\n",
        "dataDir=$DIR\nclientPort=2181\nserver.1=127.0.0.1:2888:3888:observer\n",
        "dataDir=$DIR\ninitLimit=1\nsyncLimit=1\nserver.1=127.0.0.1:1:2;2181\n"
            + "server.2=127.0.0.1:3:4;2182\n",
      })
  void bothRefuse(String text) throws Exception {
    Path cfg = write(text);
    assertThrows(Exception.class, () -> zk(cfg), "ZooKeeper accepts " + text);
    assertThrows(ConfigException.class, () -> paddock(cfg), "Paddock accepts " + text);
  }

  /** Documented departures: ZooKeeper silently replaces these values; Paddock refuses them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "autopurge.snapRetainCount=2\n",
        "autopurge.purgeInterval=-1\n",
        "maxClientCnxns=-5\n",
        "snapCount=1\n",
        "forceSync=NO\n",
        "jute.maxbuffer=lots\n",
        "extendedTypesEnabled=yes\n",
        "initLimit=1\nsyncLimit=1\nserver.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2888:3889\n",
      })
  void paddockIsStricter(String extra) throws Exception {
    Files.writeString(dir.resolve("myid"), "1");
    Path cfg = write("dataDir=$DIR\nclientPort=2181\n" + extra);
    zk(cfg);
    assertThrows(ConfigException.class, () -> paddock(cfg));
  }

  private static Set<String> zooKeeperEnabledWords() {
    FourLetterCommands.resetWhiteList();
    Set<String> enabled = new TreeSet<>();
    for (String word : FourLetterWords.ALL) {
      if (FourLetterCommands.isEnabled(word)) {
        enabled.add(word);
      }
    }
    return enabled;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"*", "stat, ruok", " stat ,, conf ,", "", "cons,*", "ruok,bogus,STAT", "wchc"})
  void whitelistAgreesWithZooKeeper(String value) {
    System.setProperty("zookeeper.4lw.commands.whitelist", value);
    assertEquals(zooKeeperEnabledWords(), FourLetterWords.parse(value, false).enabled());
    System.setProperty("readonlymode.enabled", "true");
    assertEquals(zooKeeperEnabledWords(), FourLetterWords.parse(value, true).enabled());
  }

  @Test
  void whitelistDefaultIsTheDocumentedDeparture() {
    System.clearProperty("zookeeper.4lw.commands.whitelist");
    assertEquals(Set.of("srvr"), zooKeeperEnabledWords());
    assertEquals(
        Set.of("srvr", "ruok", "mntr", "isro"), FourLetterWords.parse(null, false).enabled());
  }

  @Test
  void whitelistFromZooCfgReachesBoth() throws Exception {
    Path cfg = write("dataDir=$DIR\nclientPort=2181\n4lw.commands.whitelist=conf, wchp\n");
    zk(cfg); // copies the key to zookeeper.4lw.commands.whitelist
    assertEquals(zooKeeperEnabledWords(), paddock(cfg).fourLetterWordWhitelist());
  }
}
