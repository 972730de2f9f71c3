package io.paddock.server.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.EmbeddedServer;
import io.paddock.server.config.FourLetterWords;
import io.paddock.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four-letter words on the client port, Apache ZooKeeper 3.9.3 beside Paddock, both with every word
 * whitelisted and the same sessions, ephemerals and watches: the answers have the same shape (the
 * same lines and keys in the same order; values that differ by nature — versions, latencies, ports,
 * ids — are not compared).
 */
class FourLetterWordConformanceTest {
  private static final String WHITELIST_PROPERTY = "zookeeper.4lw.commands.whitelist";
  private static final int READ_TIMEOUT_MS = 10_000;

  @TempDir static Path dataDir;
  private static ApacheZooKeeperCore zookeeper;
  private static EmbeddedServer paddock;
  private static final Map<String, ZooKeeper> clients = new LinkedHashMap<>();

  @BeforeAll
  static void startBoth() throws Exception {
    String previous = System.getProperty(WHITELIST_PROPERTY);
    System.setProperty(WHITELIST_PROPERTY, "*");
    FourLetterCommands.resetWhiteList();
    try {
      zookeeper =
          new ApacheZooKeeperCore(dataDir.resolve("zookeeper"), CoreSettings.DEFAULT, false);
      // ZooKeeper reads the whitelist lazily, at the first four-letter word.
      send(zookeeper.connectString(), "ruok");
    } finally {
      if (previous == null) {
        System.clearProperty(WHITELIST_PROPERTY);
      } else {
        System.setProperty(WHITELIST_PROPERTY, previous);
      }
    }
    ServerConfig config =
        ServerConfig.builder()
            .dataDir(dataDir.resolve("paddock"))
            .clientAddress(new InetSocketAddress("127.0.0.1", 0))
            .tickTimeMs(CoreSettings.DEFAULT.tickTimeMs())
            .minSessionTimeoutMs(CoreSettings.DEFAULT.minSessionTimeoutMs())
            .maxSessionTimeoutMs(CoreSettings.DEFAULT.maxSessionTimeoutMs())
            .fourLetterWordWhitelist(FourLetterWords.ALL)
            .forceSync(false)
            .build();
    paddock = EmbeddedServer.builder().config(config).build().start();
    for (String connect : new String[] {zookeeper.connectString(), paddock.connectString()}) {
      ZooKeeper zk = Clients.connect(connect);
      zk.create("/w", new byte[] {1}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      zk.create("/e", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
      zk.getData("/w", event -> {}, null);
      clients.put(connect, zk);
    }
  }

  @AfterAll
  static void stopBoth() throws Exception {
    clients.values().forEach(Clients::closeQuietly);
    if (paddock != null) {
      paddock.close();
    }
    if (zookeeper != null) {
      zookeeper.close();
    }
    FourLetterCommands.resetWhiteList();
  }

  /** Sends one word the way {@code echo word | nc host port} does and reads until the close. */
  private static String send(String connectString, String word) throws IOException {
    String[] hostPort = connectString.split(":");
    try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(word.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      in.transferTo(text);
      return text.toString(StandardCharsets.UTF_8);
    }
  }

  private static String zk(String word) throws IOException {
    return send(zookeeper.connectString(), word);
  }

  private static String pd(String word) throws IOException {
    return send(paddock.connectString(), word);
  }

  /** The line labels ("Zxid", "Mode" …) or keys ("zk_version" …), in order. */
  private static String labels(String text, String separator) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      int at = line.indexOf(separator);
      out.append(at < 0 ? line.isBlank() ? "" : "<line>" : line.substring(0, at)).append('\n');
    }
    return out.toString();
  }

  private static Set<String> keys(String text) {
    Set<String> keys = new TreeSet<>();
    for (String line : text.split("\n")) {
      keys.add(line.split("\t")[0]);
    }
    return keys;
  }

  @Test
  void ruokAndIsroAnswerExactly() throws IOException {
    assertEquals("imok", zk("ruok"));
    assertEquals("imok", pd("ruok"));
    assertEquals("rw", zk("isro"));
    assertEquals("rw", pd("isro"));
  }

  @Test
  void srvrHasZooKeepersLinesInOrder() throws IOException {
    String zk = zk("srvr");
    String pd = pd("srvr");
    assertEquals(labels(zk, ":"), labels(pd, ":"), "ZooKeeper:\n" + zk + "\nPaddock:\n" + pd);
    assertTrue(pd.startsWith("Zookeeper version: 3.9.3"), pd);
    assertTrue(pd.contains("Mode: standalone\n") && zk.contains("Mode: standalone\n"));
  }

  @Test
  void statListsClientsThenTheSrvrLines() throws IOException {
    String zk = zk("stat");
    String pd = pd("stat");
    assertTrue(zk.contains("Clients:\n") && pd.contains("Clients:\n"), pd);
    String zkTail = zk.substring(zk.indexOf("\n\n") + 2);
    String pdTail = pd.substring(pd.indexOf("\n\n") + 2);
    assertEquals(
        labels(zkTail, ":"), labels(pdTail, ":"), "ZooKeeper:\n" + zk + "\nPaddock:\n" + pd);
  }

  @Test
  void mntrHasZooKeepersMainKeys() throws IOException {
    Set<String> zk = keys(zk("mntr"));
    Set<String> pd = keys(pd("mntr"));
    for (String key :
        new String[] {
          "zk_version",
          "zk_server_state",
          "zk_avg_latency",
          "zk_max_latency",
          "zk_min_latency",
          "zk_packets_received",
          "zk_packets_sent",
          "zk_num_alive_connections",
          "zk_outstanding_requests",
          "zk_znode_count",
          "zk_watch_count",
          "zk_ephemerals_count",
          "zk_approximate_data_size",
          "zk_open_file_descriptor_count",
          "zk_max_file_descriptor_count"
        }) {
      assertTrue(zk.contains(key), "ZooKeeper lacks " + key);
      assertTrue(pd.contains(key), "Paddock lacks " + key + "; has " + pd);
    }
  }

  @Test
  void mntrCountsAgree() throws IOException {
    Map<String, String> zk = values(zk("mntr"));
    Map<String, String> pd = values(pd("mntr"));
    for (String key : new String[] {"zk_server_state", "zk_znode_count", "zk_ephemerals_count"}) {
      assertEquals(zk.get(key), pd.get(key), key);
    }
  }

  private static Map<String, String> values(String mntr) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : mntr.split("\n")) {
      String[] kv = line.split("\t", 2);
      values.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    return values;
  }

  @Test
  void confHasZooKeepersKeys() throws IOException {
    String zk = zk("conf");
    String pd = pd("conf");
    assertEquals(labels(zk, "="), labels(pd, "="), "ZooKeeper:\n" + zk + "\nPaddock:\n" + pd);
  }

  @Test
  void watchWordsDescribeTheSameWatches() throws IOException {
    String zk = zk("wchs");
    String pd = pd("wchs");
    assertEquals(zk.replaceAll("\\d+", "N"), pd.replaceAll("\\d+", "N"));
    assertEquals(
        zk.lines().filter(l -> l.contains("connections watching")).findFirst(),
        pd.lines().filter(l -> l.contains("connections watching")).findFirst());
    assertTrue(zk("wchp").contains("/w") && pd("wchp").contains("/w"), pd("wchp"));
    assertTrue(zk("wchc").contains("\t/w") && pd("wchc").contains("\t/w"), pd("wchc"));
  }

  @Test
  void envAndDumpAndResetsAnswer() throws IOException {
    assertTrue(zk("envi").startsWith("Environment:\n"));
    assertTrue(pd("envi").startsWith("Environment:\n"), pd("envi"));
    assertTrue(pd("dump").contains("/e"), "dump lists the ephemeral: " + pd("dump"));
    assertTrue(zk("dump").contains("/e"));
    assertEquals(zk("srst"), pd("srst"));
    assertEquals(zk("crst"), pd("crst"));
  }
}
