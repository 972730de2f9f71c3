package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerConfigBuilderTest {

  static final Path DATA = Path.of("/var/lib/paddock");

  static QuorumMember member(long id, int base, PeerRole role) {
    return new QuorumMember(
        id,
        ServerLineParser.address("127.0.0.1", 2888 + base),
        ServerLineParser.address("127.0.0.1", 3888 + base),
        role,
        Optional.of(ServerLineParser.address("0.0.0.0", 2181 + base)));
  }

  @Test
  void embeddedStyleConfigOnAFreePort() {
    ServerConfig c = ServerConfig.builder().dataDir(DATA).clientPort(0).tickTimeMs(100).build();
    assertEquals(0, c.clientPort());
    assertTrue(c.clientAddress().getAddress().isAnyLocalAddress());
    assertEquals(200, c.minSessionTimeoutMs());
    assertEquals(2000, c.maxSessionTimeoutMs());
    assertEquals(DATA, c.dataLogDir());
    assertEquals(Optional.empty(), c.self());
    assertEquals(List.of(), c.members());
  }

  @Test
  void defaultsArePort2181AndZooKeepersValues() {
    ServerConfig c = ServerConfig.defaults(Path.of("data"));
    assertEquals(2181, c.clientPort());
    assertEquals(3000, c.tickTimeMs());
    assertEquals(60, c.maxClientCnxns());
    assertEquals(1000, c.globalOutstandingLimit());
    assertEquals(60_000, c.containerCheckIntervalMs());
    assertEquals(10_000, c.containerMaxPerMinute());
    assertEquals(0, c.containerMaxNeverUsedIntervalMs());
    assertEquals(3, c.electionPortBindRetry());
    assertFalse(c.extendedTypesEnabled());
    assertFalse(c.readOnlyModeEnabled());
    assertEquals(Optional.empty(), c.superDigest());
    assertEquals(PeerRole.PARTICIPANT, c.peerType());
  }

  @Test
  void dataDirIsRequired() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.builder().clientPort(1).build());
    assertEquals("dataDir", e.key());
  }

  @Test
  void builderRefusesUnknownFourLetterWords() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServerConfig.builder()
                    .dataDir(DATA)
                    .clientPort(1)
                    .fourLetterWordWhitelist(Set.of("ruok", "RUOK"))
                    .build());
    assertEquals("4lw.commands.whitelist: not four-letter words: [RUOK]", e.getMessage());
  }

  @Test
  void toBuilderRoundTrips() {
    ServerConfig c =
        ServerConfig.builder()
            .dataDir(DATA)
            .clientAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 2222))
            .snapCount(10)
            .forceSync(false)
            .superDigest("super:D/InIHSb7yEEbrWz8b9l71RjZJU=")
            .build();
    ServerConfig copy = c.toBuilder().build();
    assertEquals(c.describe(1, 2), copy.describe(1, 2));
    assertEquals(c.clientAddress(), copy.clientAddress());
    assertEquals(10, copy.snapCount());
    assertFalse(copy.forceSync());
    assertEquals(c.superDigest(), copy.superDigest());
    assertEquals(5000, c.toBuilder().snapCount(5000).build().snapCount());
  }

  @Test
  void standaloneConfText() {
    ServerConfig c = ServerConfig.builder().dataDir(DATA).clientPort(2181).tickTimeMs(2000).build();
    assertEquals(
        """
        clientPort=2181
        secureClientPort=-1
        dataDir=/var/lib/paddock/version-2
        dataDirSize=457
        dataLogDir=/var/lib/paddock/version-2
        dataLogSize=67108880
        tickTime=2000
        maxClientCnxns=60
        minSessionTimeout=4000
        maxSessionTimeout=40000
        clientPortListenBacklog=-1
        serverId=0
        """,
        c.describe(457, 67108880));
  }

  @Test
  void ensembleConfTextForAnObserver() {
    ServerConfig c =
        ServerConfig.builder()
            .dataDir(DATA)
            .dataLogDir(Path.of("/fast/log"))
            .tickTimeMs(2000)
            .initLimitTicks(10)
            .syncLimitTicks(5)
            .myid(4)
            .addMember(member(3, 2, PeerRole.PARTICIPANT))
            .addMember(member(1, 0, PeerRole.PARTICIPANT))
            .addMember(member(2, 1, PeerRole.PARTICIPANT))
            .addMember(member(4, 3, PeerRole.OBSERVER))
            .build();
    assertTrue(c.isQuorum());
    assertEquals(List.of(1L, 2L, 3L, 4L), c.members().stream().map(QuorumMember::id).toList());
    assertEquals(PeerRole.OBSERVER, c.peerType());
    assertEquals(2184, c.clientPort());
    assertEquals(
        """
        clientPort=2184
        secureClientPort=-1
        dataDir=/var/lib/paddock/version-2
        dataDirSize=0
        dataLogDir=/fast/log/version-2
        dataLogSize=0
        tickTime=2000
        maxClientCnxns=60
        minSessionTimeout=4000
        maxSessionTimeout=40000
        clientPortListenBacklog=-1
        serverId=4
        initLimit=10
        syncLimit=5
        electionAlg=3
        electionPort=3891
        quorumPort=2891
        peerType=1
        membership:\s
        server.1=127.0.0.1:2888:3888:participant;0.0.0.0:2181
        server.2=127.0.0.1:2889:3889:participant;0.0.0.0:2182
        server.3=127.0.0.1:2890:3890:participant;0.0.0.0:2183
        server.4=127.0.0.1:2891:3891:observer;0.0.0.0:2184
        version=100000000""",
        c.describe(2184, 0, 0, 0x100000000L));
  }

  @Test
  void describeUsesTheBoundPort() {
    ServerConfig c = ServerConfig.builder().dataDir(DATA).clientPort(0).build();
    assertTrue(c.describe(40123, 0, 0, 0).startsWith("clientPort=40123\n"));
  }
}
