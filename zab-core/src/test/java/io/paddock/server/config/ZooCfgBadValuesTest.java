package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad value stops start-up with a message that names the key. */
class ZooCfgBadValuesTest {

  /**
   * One bad zoo.cfg.
   *
   * @param cfg the file; {@code $DIR} stands for a temporary dataDir
   * @param myid content of {@code <dataDir>/myid}, or null for no file
   * @param key the key the exception must name
   * @param fragment text the message must contain
   */
  record Case(String cfg, String myid, String key, String fragment) {
    @Override
    public String toString() {
      return key + " <- " + cfg.replace('\n', ' ');
    }
  }

  static final String BASE = "dataDir=$DIR\nclientPort=2181\n";
  static final String ENSEMBLE =
      "dataDir=$DIR\ninitLimit=10\nsyncLimit=5\n"
          + "server.1=127.0.0.1:2888:3888;2181\n"
          + "server.2=127.0.0.1:2889:3889;2182\n"
          + "server.3=127.0.0.1:2890:3890;2183\n";

  static Case c(String cfg, String key, String fragment) {
    return new Case(cfg, null, key, fragment);
  }

  static Case q(String cfg, String myid, String key, String fragment) {
    return new Case(cfg, myid, key, fragment);
  }

  static Stream<Case> cases() {
    return Stream.of(valueCases(), addressCases(), serverLineCases(), ensembleCases())
        .flatMap(s -> s);
  }

  static Stream<Case> valueCases() {
    return Stream.of(
        c(BASE + "tickTime=abc", "tickTime", "tickTime: \"abc\" is not a whole number"),
        c(BASE + "tickTime=0", "tickTime", "0 is outside 1.."),
        c(BASE + "tickTime=-2000", "tickTime", "-2000 is outside"),
        c(BASE + "tickTime=200000000", "tickTime", "200000000 is outside"),
        c(
            "dataDir=$DIR\nclientPort=70000",
            "clientPort",
            "clientPort: 70000 is not a port (0..65535)"),
        c("dataDir=$DIR\nclientPort=-1", "clientPort", "-1 is not a port"),
        c("dataDir=$DIR\nclientPort=99999999999", "clientPort", "is too large"),
        c("dataDir=$DIR\nclientPort=", "clientPort", "\"\" is not a whole number"),
        c("dataDir=$DIR", "clientPort", "not set"),
        c("clientPort=2181\ntickTime=2000", "dataDir", "dataDir: not set"),
        c("dataDir=\nclientPort=2181", "dataDir", "is empty"),
        c(
            BASE + "minSessionTimeout=9000\nmaxSessionTimeout=4000",
            "minSessionTimeout",
            "minSessionTimeout 9000 > maxSessionTimeout 4000"),
        c(
            BASE + "tickTime=2000\nminSessionTimeout=50000",
            "minSessionTimeout",
            "50000 > maxSessionTimeout 40000"),
        c(BASE + "minSessionTimeout=0", "minSessionTimeout", "below the minimum 1"),
        c(BASE + "maxSessionTimeout=1e6", "maxSessionTimeout", "is not a whole number"),
        c(BASE + "maxClientCnxns=-1", "maxClientCnxns", "below the minimum 0"),
        c(BASE + "clientPortListenBacklog=-2", "clientPortListenBacklog", "below the minimum -1"),
        c(BASE + "snapCount=1", "snapCount", "snapCount: 1 is below the minimum 2"),
        c(BASE + "snapCount=many", "snapCount", "is not a whole number"),
        c(BASE + "preAllocSize=-1", "preAllocSize", "outside 0.."),
        c(BASE + "preAllocSize=64M", "preAllocSize", "is not a whole number"),
        c(BASE + "forceSync=maybe", "forceSync", "is not yes or no"),
        c(BASE + "forceSync=NO", "forceSync", "is not yes or no"),
        c(BASE + "autopurge.snapRetainCount=2", "autopurge.snapRetainCount", "below the minimum 3"),
        c(BASE + "autopurge.purgeInterval=-1", "autopurge.purgeInterval", "below the minimum 0"),
        c(BASE + "jute.maxbuffer=0", "jute.maxbuffer", "below the minimum 1"),
        c(BASE + "jute.maxbuffer=1MB", "jute.maxbuffer", "is not a whole number"),
        c(BASE + "extendedTypesEnabled=yes", "extendedTypesEnabled", "is not true or false"),
        c(BASE + "readonlymode.enabled=on", "readonlymode.enabled", "is not true or false"),
        c(BASE + "globalOutstandingLimit=0", "globalOutstandingLimit", "below the minimum 1"),
        c(BASE + "electionPortBindRetry=-1", "electionPortBindRetry", "below the minimum 0"),
        c(BASE + "znode.container.maxPerMinute=0", "znode.container.maxPerMinute", "below"),
        c(
            BASE + "znode.container.checkIntervalMs=x",
            "znode.container.checkIntervalMs",
            "not a whole"),
        c(
            BASE + "DigestAuthenticationProvider.superDigest=password",
            "DigestAuthenticationProvider.superDigest",
            "is not user:base64(sha1)"),
        c(BASE + "electionAlg=1", "electionAlg", "only 3"));
  }

  static Stream<Case> addressCases() {
    return Stream.of(
        c(BASE + "peerType=leader", "peerType", "\"leader\" is not participant or observer"),
        c(
            "dataDir=$DIR\nclientPortAddress=127.0.0.1",
            "clientPortAddress",
            "clientPort is not set"),
        c(
            BASE + "clientPortAddress=no-such-host.invalid",
            "clientPortAddress",
            "does not resolve"));
  }

  static Stream<Case> serverLineCases() {
    return Stream.of(
        c(
            BASE + "server.2=zk2:2888",
            "server.2",
            "server.2: expected host:quorumPort:electionPort[:role][;[clientHost:]clientPort],"
                + " got \"zk2:2888\""),
        c(BASE + "server.2=zk2:2888:3888:leader", "server.2", "is not participant or observer"),
        c(BASE + "server.2=zk2:2888:3888;a:b:2181", "server.2", "expected host:quorumPort"),
        c(BASE + "server.2=zk2:2888:3888;x", "server.2", "clientPort \"x\" is not a whole number"),
        c(
            BASE + "server.2=zk2:70000:3888",
            "server.2",
            "quorumPort 70000 is not a port (1..65535)"),
        c(BASE + "server.2=zk2:2888:0", "server.2", "electionPort 0 is not a port"),
        c(BASE + "server.2=zk2:2888:2888", "server.2", "must differ"),
        c(BASE + "server.2=a:2888:3888|b:2888:3888", "server.2", "multiAddress"),
        c(BASE + "server.2=[fd00::2:2888:3888", "server.2", "expected host"),
        c(BASE + "server.two=zk2:2888:3888", "server.two", "\"two\" is not a server id"),
        c(BASE + "server.300=zk:2888:3888", "server.300", "server id 300 is outside 0..255"),
        c(
            BASE + "server.1=zk:2888:3888\nserver.01=zk:2889:3889",
            "server.1",
            "server id 1 is already given by server.01"),
        c(
            BASE + "server.1=zk:2888:3888\nserver.2=ZK:2888:3889",
            "server.2",
            "quorumPort 2888 on ZK is already used as server.1 quorumPort"),
        c(
            BASE + "server.1=zk:2888:3888\nserver.2=zk:3888:3889",
            "server.2",
            "already used as server.1 electionPort"),
        c(BASE + "server.1=zk:2888:3888:observer", "server.1", "observers need"),
        c(BASE + "group.1=1:2:3", "group.1", "hierarchical quorums"),
        c(
            BASE + "dynamicConfigFile=/nonexistent/zoo.cfg.dynamic\nserver.1=zk:2888:3888",
            "server.1",
            "must be in the dynamic config file"),
        c(
            BASE + "dynamicConfigFile=/nonexistent/zoo.cfg.dynamic",
            "dynamicConfigFile",
            "cannot read"));
  }

  static Stream<Case> ensembleCases() {
    return Stream.of(
        q(ENSEMBLE, null, "myid", "myid is missing"),
        q(ENSEMBLE, "two", "myid", "holds \"two\", not a server id"),
        q(ENSEMBLE, "", "myid", "holds \"\", not a server id"),
        q(ENSEMBLE, "-1", "myid", "server id -1 is outside 0..255"),
        q(
            ENSEMBLE.replace("server.1=127.0.0.1:2888:3888;2181", "server.1=127.0.0.1:2888:3888")
                + "clientPort=3888",
            "1",
            "clientPort",
            "client port 3888 is also a quorum or election port of server.1"),
        q(ENSEMBLE, "7", "myid", "this server's id 7 is not among the server ids [1, 2, 3]"),
        q(ENSEMBLE.replace("initLimit=10\n", ""), "1", "initLimit", "initLimit: not set"),
        q(ENSEMBLE.replace("syncLimit=5", "syncLimit=-1"), "1", "syncLimit", "below the minimum 0"),
        q(
            ENSEMBLE.replace(
                    "server.3=127.0.0.1:2890:3890;2183", "server.255=127.0.0.1:2890:3890;2183")
                + "extendedTypesEnabled=true",
            "255",
            "myid",
            "above 254"),
        q(
            ENSEMBLE + "clientPortAddress=127.0.0.2\nclientPort=2181",
            "1",
            "clientPort",
            "differs from the client address"),
        q(ENSEMBLE + "clientPort=2199", "1", "clientPort", "differs from the client address"),
        q(
            ENSEMBLE.replace(";2183", ";2890"),
            "1",
            "server.3",
            "clientPort 2890 on 127.0.0.1 is already used as server.3 quorumPort"));
  }

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("cases")
  void badValueNamesTheKey(Case bad) throws IOException {
    if (bad.myid() != null) {
      Files.writeString(dir.resolve("myid"), bad.myid());
    }
    Path cfg = dir.resolve("zoo.cfg");
    Files.writeString(cfg, bad.cfg().replace("$DIR", dir.toString()) + "\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ZooCfgParser(Map.of()).parse(cfg));
    assertEquals(bad.key(), e.key(), e.getMessage());
    assertTrue(e.getMessage().startsWith(cfg + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(bad.key()), e.getMessage());
    assertTrue(e.getMessage().contains(bad.fragment()), e.getMessage());
  }

  @Test
  void thereAreEnoughCases() {
    assertTrue(cases().count() >= 20);
  }
}
