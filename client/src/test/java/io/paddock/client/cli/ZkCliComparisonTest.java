package io.paddock.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paddock.client.BlockingPaddockClient;
import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paddock's shell beside Apache ZooKeeper's own zkCli 3.9.3 (a child JVM) on the same server and
 * the same state: the same script through both must print the same lines, on the same streams.
 *
 * <p>Skipped (not failed) only when the commons-cli jar zkCli needs is missing from the local Maven
 * repository.
 */
class ZkCliComparisonTest {
  @TempDir static Path dir;
  private static ZkTestServer zk;
  private static PaddockClient client;
  private static BlockingPaddockClient sync;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Shells.commonsCliJar().isPresent(),
        "commons-cli (needed by zkCli, 'provided' in ZooKeeper's pom) not in the Maven repository");
    zk = ZkTestServer.start(dir);
    client = PaddockClient.builder().connectString(zk.connectString()).build();
    sync = client.blocking();
    sync.awaitConnected(Duration.ofSeconds(20));
    mk("/cmp", "hello");
    mk("/cmp/b", null);
    mk("/cmp/a", "é and ünïcode");
    mk("/cmp/a/deep", "x");
    sync.create(
        "/cmp/acl",
        "secret".getBytes(UTF_8),
        List.of(
            new Acl(Perms.READ | Perms.ADMIN, new Id("digest", "u:AbC=")),
            new Acl(Perms.READ, new Id("ip", "127.0.0.1")),
            new Acl(Perms.CREATE | Perms.DELETE, Id.ANYONE)),
        CreateMode.PERSISTENT);
    mk("/cmpw", null);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
      zk.close();
    }
  }

  private static void mk(String path, String data) throws Exception {
    sync.create(
        path,
        data == null ? null : data.getBytes(UTF_8),
        Acl.OPEN_ACL_UNSAFE,
        CreateMode.PERSISTENT);
  }

  /**
   * The lines a script printed, with what legitimately differs taken out: the banner, the
   * connection event (zkCli's event thread prints it at any point), our prompt (zkCli without jline
   * prints none) and log lines.
   */
  private static String transcript(CliResult result) {
    String out =
        result
            .commandOut()
            .replaceFirst("^Welcome to ZooKeeper!\nJLine support is disabled\n", "")
            .replaceFirst("^Welcome to Paddock!\n", "")
            .replaceAll("\\[zk: [^\\]]*\\((CONNECTED|CLOSED)\\) \\d+\\] ", "");
    return "exit "
        + result.exitCode()
        + "\n--- out\n"
        + withEventsApart(out)
        + "--- err\n"
        + result.commandErr();
  }

  /**
   * The command output with the watcher blocks moved to the end, sorted: both shells print a watch
   * event from their event thread, so where it lands between two commands' lines is a race in zkCli
   * and in ours alike. Every other line keeps its place.
   */
  private static String withEventsApart(String out) {
    StringBuilder lines = new StringBuilder();
    java.util.List<String> events = new java.util.ArrayList<>();
    for (String line : out.split("\n", -1)) {
      if (line.startsWith("WatchedEvent ")) {
        events.add(line);
      } else if (!line.equals("WATCHER::") && !line.isEmpty()) {
        lines.append(line).append('\n');
      }
    }
    java.util.Collections.sort(events);
    return lines + "--- events\n" + String.join("\n", events) + "\n";
  }

  @Test
  void readsAndRefusedWritesPrintTheSameLines() throws Exception {
    String script =
        String.join(
                "\n",
                "ls /cmp",
                "ls -s /cmp",
                "ls -R /cmp",
                "ls /cmp extra",
                "get /cmp",
                "get -s /cmp",
                "get /cmp/a",
                "get -b /cmp/a",
                "get -x /cmp/a",
                "get /cmp/b",
                "stat /cmp/a",
                "getAcl /cmp/acl",
                "getAcl -s /cmp",
                "getAllChildrenNumber /cmp",
                "getEphemerals /",
                "sync /cmp",
                "whoami",
                "history",
                "redo 4",
                "redo 99",
                "get /cmp/none",
                "ls /cmp/none",
                "ls -R /cmp/none",
                "stat /cmp/none",
                "set -v 9 /cmp x",
                "delete /cmp",
                "delete /cmp/none",
                "delete -v 9 /cmp/b",
                "deleteall /cmp/none",
                "create /cmp",
                "create /none/x",
                "create x",
                "ls //x",
                "get /cmp/",
                "create -c -e /x",
                "create -t abc /x",
                "create -t 0 /x",
                "create -t 5 -e /x",
                "delete /zookeeper",
                "set /cmp/acl x",
                "removewatches /cmp",
                "addWatch -m bogus /cmp",
                "ls",
                "stat",
                "delete",
                "set /cmp",
                "get",
                "getAcl",
                "setAcl /cmp",
                "printwatches",
                "get /cmp/none")
            + "\n";
    CliResult theirs = Shells.zkCliScript(zk.connectString(), script);
    CliResult ours = Shells.paddockScript(zk.connectString(), script);
    assertEquals(transcript(theirs), transcript(ours));
    assertEquals(1, ours.exitCode()); // the last command failed: both exit with its code
  }

  /** Hides what two runs of the same writes legitimately differ in: zxids, times, sequence. */
  private static String masked(String transcript, String name) {
    return transcript
        .replace(name, "NAME")
        .replaceAll("(cZxid|mZxid|pZxid) = 0x[0-9a-f]+", "$1 = 0x?")
        .replaceAll("(ctime|mtime) = .*", "$1 = ?")
        .replaceAll("\\d{10}", "SEQ");
  }

  @Test
  void writesPrintTheSameLines() throws Exception {
    String script =
        String.join(
                "\n",
                "create /cmpw/NAME data",
                "get -s /cmpw/NAME",
                "set /cmpw/NAME v1",
                "set -s /cmpw/NAME v2",
                "set -s -v 2 /cmpw/NAME v3",
                "stat /cmpw/NAME",
                "create -s /cmpw/NAME/seq- x",
                "create /cmpw/NAME/child",
                "ls -s /cmpw/NAME",
                "delete -v 5 /cmpw/NAME/child",
                "delete /cmpw/NAME/child",
                "setAcl -s /cmpw/NAME world:anyone:cdrwa,ip:127.0.0.1:r",
                "setAcl /cmpw/NAME world:anyone:cdrwa,bad,ip:1.2.3.4:rz",
                "getAcl -s /cmpw/NAME",
                "create -e /cmpw/NAME/eph",
                "create -e /cmpw/NAME/eph/kid",
                "getEphemerals /cmpw/NAME",
                "addauth digest u:p",
                "create /cmpw/NAME/mine x auth::cdrwa",
                "getAcl /cmpw/NAME/mine",
                "setAcl -R /cmpw/NAME world:anyone:cdrwa",
                "deleteall /cmpw/NAME -b 2",
                "stat /cmpw/NAME")
            + "\n";
    CliResult theirs = Shells.zkCliScript(zk.connectString(), script.replace("NAME", "zkmade"));
    CliResult ours = Shells.paddockScript(zk.connectString(), script.replace("NAME", "pdmade"));
    assertEquals(masked(transcript(theirs), "zkmade"), masked(transcript(ours), "pdmade"));
    assertNull(sync.exists("/cmpw/pdmade"));
    assertTrue(transcript(ours).contains("Created /cmpw/pdmade/seq-"));
  }

  /** Types a line into both shells. */
  private static void sendBoth(List<LiveShell> shells, String line) throws Exception {
    for (LiveShell shell : shells) {
      shell.send(line);
    }
  }

  /** Waits until both shells have printed {@code text} {@code times} times. */
  private static void awaitBoth(List<LiveShell> shells, String text, int times) {
    for (LiveShell shell : shells) {
      shell.awaitOut(text, times);
    }
  }

  @Test
  void watchEventsPrintTheSame() throws Exception {
    mk("/cmpwatch", "v0");
    try (LiveShell theirs = LiveShell.zkCli(zk.connectString());
        LiveShell ours = LiveShell.paddock(zk.connectString())) {
      List<LiveShell> both = List.of(theirs, ours);
      awaitBoth(both, CliResult.CONNECTED_EVENT, 1);
      for (String line :
          List.of(
              "get -w /cmpwatch",
              "ls -w /cmpwatch",
              "stat -w /cmpwatch/later",
              "addWatch -m PERSISTENT_RECURSIVE /cmpwatch/r",
              "sync /cmpwatch")) {
        sendBoth(both, line);
      }
      awaitBoth(both, "Sync is OK", 1); // zkCli shows no prompt: this line marks "all done"
      sync.setData("/cmpwatch", "v1".getBytes(UTF_8), -1);
      mk("/cmpwatch/later", null);
      mk("/cmpwatch/r", null);
      mk("/cmpwatch/r/x", null);
      awaitBoth(both, "WatchedEvent state:SyncConnected type:Node", 5);
      sendBoth(both, "removewatches /cmpwatch/r");
      awaitBoth(both, "type:PersistentWatchRemoved", 1);
      sendBoth(both, "removewatches /cmpwatch/r");
      sendBoth(both, "sync /");
      awaitBoth(both, "Sync is OK", 2);
      int theirExit = theirs.endAndAwaitExit();
      int ourExit = ours.endAndAwaitExit();
      assertEquals(
          transcript(new CliResult(theirExit, theirs.out(), theirs.err())),
          transcript(new CliResult(ourExit, ours.out(), ours.err())));
      assertTrue(ours.out().contains("type:NodeChildrenChanged path:/cmpwatch zxid: "));
    }
  }

  @Test
  void oneShotRunsPrintTheSameAndExitTheSame() throws Exception {
    for (String[] words :
        List.of(
            new String[] {"get", "-s", "/cmp"},
            new String[] {"ls", "/"},
            new String[] {"get", "/cmp/none"},
            new String[] {"set", "-v", "9", "/cmp", "x"},
            new String[] {"create", "-t", "0", "/x"})) {
      CliResult theirs = Shells.zkCli(zk.connectString(), words);
      CliResult ours = Shells.paddock(zk.connectString(), words);
      assertEquals(theirs.comparable(), ours.comparable(), String.join(" ", words));
      // our banner and connection event always come first; zkCli's event usually does too
      assertTrue(ours.out().startsWith(CliResult.banner(zk.connectString())), ours.out());
    }
  }
}
