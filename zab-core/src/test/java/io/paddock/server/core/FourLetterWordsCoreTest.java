package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four-letter words as the core answers them, in ZooKeeper's shapes (PROTOCOL 11). */
class FourLetterWordsCoreTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient c;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir);
    c = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private String word(String cmd) {
    try {
      return h.core.fourLetterWord(cmd).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(cmd, e);
    }
  }

  @Test
  void ruokAndIsro() {
    assertEquals("imok", word("ruok"));
    assertEquals("rw", word("isro"));
  }

  @Test
  void srvrHasZooKeepersLinesInOrder() {
    c.call(OpCode.CREATE, create("/a", ""));
    String text = word("srvr");
    String[] lines = text.split("\n", -1);
    assertTrue(lines[0].matches("Zookeeper version: 3\\.9\\.3-paddock-.*, built on .*"), lines[0]);
    assertTrue(lines[1].matches("Latency min/avg/max: \\d+/\\d+\\.\\d+/\\d+"), lines[1]);
    assertTrue(lines[2].matches("Received: \\d+"), lines[2]);
    assertTrue(lines[3].matches("Sent: \\d+"), lines[3]);
    assertEquals("Connections: 1", lines[4]);
    assertEquals("Outstanding: 0", lines[5]);
    assertEquals("Zxid: 0x" + Long.toHexString(h.core.lastProcessedZxid()), lines[6]);
    assertEquals("Mode: standalone", lines[7]);
    assertEquals(
        "Node count: 6", lines[8], "5 on an empty server (the root counts twice), plus /a");
    assertEquals("", lines[9], "the text ends with a newline");
    assertEquals(10, lines.length);
  }

  @Test
  void statAddsTheClientsSection() {
    String text = word("stat");
    assertTrue(
        Pattern.compile(
                "\\AZookeeper version: [^\n]+\nClients:\n /127\\.0\\.0\\.1:40000\\[1\\]\\(queued=0,recved=\\d+,sent=\\d+\\)\n\nLatency min/avg/max: ")
            .matcher(text)
            .find(),
        text);
    assertTrue(text.endsWith("Mode: standalone\nNode count: 5\n"), text);
  }

  @Test
  void consShowsTheSessionFields() {
    c.call(OpCode.CREATE, create("/x", ""));
    String text = word("cons"); // recved counts the ConnectRequest, as in ZooKeeper
    assertTrue(
        text.matches(
            " /127\\.0\\.0\\.1:40000\\[1\\]\\(queued=0,recved=2,sent=2,sid=0x"
                + Long.toHexString(c.sessionId)
                + ",lop=CREA,est=\\d+,to=10000,lcxid=0x1,lzxid=0x"
                + Long.toHexString(h.core.lastProcessedZxid())
                + ",lresp=\\d+,llat=\\d+,minlat=\\d+,avglat=\\d+,maxlat=\\d+\\)\n\n"),
        text);
    assertEquals("Connection stats reset.\n", word("crst"));
    assertTrue(word("cons").contains("recved=0,sent=0,sid=0x"), "counters reset");
  }

  @Test
  void srstResetsServerCounters() {
    c.call(OpCode.CREATE, create("/x", ""));
    assertEquals("Server stats reset.\n", word("srst"));
    assertTrue(word("srvr").contains("\nReceived: 0\nSent: 0\n"));
  }

  @Test
  void confIsTheConfigurationDescription() {
    String text = word("conf");
    assertTrue(text.startsWith("clientPort=0\nsecureClientPort=-1\ndataDir="), text);
    assertTrue(text.contains("\ntickTime=2000\n"), text);
    assertTrue(text.contains("\nminSessionTimeout=4000\nmaxSessionTimeout=40000\n"), text);
    assertTrue(
        Pattern.compile("\ndataDirSize=[1-9]\\d*\n").matcher(text).find(),
        "snapshot.0 has a size: " + text);
    h.core.setBoundClientPort(21810);
    assertTrue(word("conf").startsWith("clientPort=21810\n"));
  }

  @Test
  void mntrStartsWithVersionAndStateAndHasTheZooKeeperKeys() {
    c.call(OpCode.CREATE, create("/e", "12345", CreateMode.EPHEMERAL));
    c.call(OpCode.EXISTS, Requests.exists("/w", true));
    String text = word("mntr");
    List<String> keys = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] kv = line.split("\t");
      assertEquals(2, kv.length, "key<TAB>value: " + line);
      assertTrue(kv[0].startsWith("zk_"), line);
      keys.add(kv[0]);
    }
    assertEquals("zk_version", keys.get(0));
    assertEquals("zk_server_state", keys.get(1));
    assertTrue(
        keys.containsAll(
            List.of(
                "zk_avg_latency",
                "zk_max_latency",
                "zk_min_latency",
                "zk_packets_received",
                "zk_packets_sent",
                "zk_num_alive_connections",
                "zk_outstanding_requests",
                "zk_uptime",
                "zk_znode_count",
                "zk_watch_count",
                "zk_ephemerals_count",
                "zk_approximate_data_size",
                "zk_global_sessions",
                "zk_local_sessions")),
        keys.toString());
    assertTrue(text.contains("zk_server_state\tstandalone\n"));
    assertTrue(text.contains("zk_znode_count\t6\n"));
    assertTrue(text.contains("zk_ephemerals_count\t1\n"));
    assertTrue(text.contains("zk_watch_count\t1\n"));
  }

  @Test
  void approximateDataSizeFollowsWrites() {
    long base = metric("zk_approximate_data_size");
    c.call(OpCode.CREATE, create("/abc", "12345"));
    assertEquals(base + 4 + 5, metric("zk_approximate_data_size"));
    c.call(OpCode.SET_DATA, Requests.setData("/abc", "1"));
    assertEquals(base + 4 + 1, metric("zk_approximate_data_size"));
    c.call(OpCode.DELETE, Requests.delete("/abc"));
    assertEquals(base, metric("zk_approximate_data_size"));
  }

  private long metric(String key) {
    for (String line : word("mntr").split("\n")) {
      if (line.startsWith(key + "\t")) {
        return Long.parseLong(line.substring(key.length() + 1));
      }
    }
    throw new AssertionError("no " + key);
  }

  @Test
  void watchWords() {
    TestClient other = h.connect();
    c.call(OpCode.GET_DATA, Requests.getData("/", true));
    c.call(OpCode.EXISTS, Requests.exists("/zookeeper", true));
    other.call(OpCode.EXISTS, Requests.exists("/zookeeper", true));
    other.call(OpCode.GET_CHILDREN, Requests.getChildren("/", true)); // child table: not shown
    assertEquals("2 connections watching 2 paths\nTotal watches:3\n", word("wchs"));
    String sc = Long.toHexString(c.sessionId);
    String so = Long.toHexString(other.sessionId);
    assertEquals("0x" + sc + "\n\t/\n\t/zookeeper\n0x" + so + "\n\t/zookeeper\n\n", word("wchc"));
    assertEquals("/\n\t0x" + sc + "\n/zookeeper\n\t0x" + sc + "\n\t0x" + so + "\n\n", word("wchp"));
  }

  @Test
  void dumpListsSessionsAndEphemerals() {
    c.call(OpCode.CREATE, create("/eph", "", CreateMode.EPHEMERAL));
    String text = word("dump");
    String sid = Long.toHexString(c.sessionId);
    assertTrue(
        Pattern.compile(
                "\\ASessionTracker dump:\nSession Sets \\(1\\)/\\(1\\):\n1 expire at [^\n]+:\n\t0x"
                    + sid
                    + "\n")
            .matcher(text)
            .find(),
        text);
    assertTrue(
        text.endsWith(
            "ephemeral nodes dump:\nSessions with Ephemerals (1):\n0x"
                + sid
                + ":\n\t/eph\nConnections dump:\n"),
        text);
  }

  @Test
  void enviListsTheEnvironment() {
    String[] lines = word("envi").split("\n");
    assertEquals("Environment:", lines[0]);
    assertTrue(lines[1].startsWith("zookeeper.version=3.9.3-paddock-"), lines[1]);
    assertTrue(lines[2].startsWith("host.name="), lines[2]);
    assertTrue(lines[3].startsWith("java.version="), lines[3]);
    assertTrue(
        lines[lines.length - 1].matches("os\\.memory\\.total=\\d+MB"), lines[lines.length - 1]);
  }

  @Test
  void wordsOutsideTheWhitelistAreRefused(@TempDir Path other) throws Exception {
    try (CoreHarness plain =
        CoreHarness.start(other, b -> b.fourLetterWordWhitelist(List.of("srvr")))) {
      assertEquals(
          "cons is not executed because it is not in the whitelist.\n",
          plain.core.fourLetterWord("cons").get());
      assertTrue(plain.core.isFourLetterWordEnabled("srvr"));
      assertTrue(plain.core.fourLetterWord("srvr").get().startsWith("Zookeeper version: "));
    }
  }

  @Test
  void afterCloseWordsSayTheServerIsNotServing() throws Exception {
    h.close();
    assertEquals(
        "This ZooKeeper instance is not currently serving requests\n",
        h.core.fourLetterWord("srvr").get());
    assertEquals("imok", h.core.fourLetterWord("ruok").get());
  }
}
