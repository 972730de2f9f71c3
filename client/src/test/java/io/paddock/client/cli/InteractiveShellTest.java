package io.paddock.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.BlockingPaddockClient;
import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell typed into line by line against a real Apache ZooKeeper 3.9 server, while
 * another client changes what it watches: prompts, watch events, history, redo, close, connect.
 */
class InteractiveShellTest {
  @TempDir static Path dir;
  private static ZkTestServer zk;
  private static PaddockClient client;
  private static BlockingPaddockClient sync;

  @BeforeAll
  static void start() throws Exception {
    zk = ZkTestServer.start(dir);
    client = PaddockClient.builder().connectString(zk.connectString()).build();
    sync = client.blocking();
    sync.awaitConnected(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    client.close();
    zk.close();
  }

  private static String prompt(String state, int n) {
    return "[zk: " + zk.connectString() + "(" + state + ") " + n + "] ";
  }

  private static String event(String state, String type, String path, long zxid) {
    return "\nWATCHER::\n\nWatchedEvent state:"
        + state
        + " type:"
        + type
        + " path:"
        + path
        + " zxid: "
        + zxid
        + "\n";
  }

  /** Types a line and waits for the prompt that follows it. */
  private static void type(LiveShell shell, String line, String nextPrompt) throws Exception {
    shell.send(line);
    shell.awaitOut(nextPrompt);
  }

  @Test
  void transcriptWithWatchHistoryAndRedo() throws Exception {
    sync.create("/it", "one".getBytes(UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    try (LiveShell shell = LiveShell.paddock(zk.connectString())) {
      shell.awaitOut(prompt("CONNECTED", 0));
      type(shell, "create /it/kid data", prompt("CONNECTED", 1));
      type(shell, "ls /it", prompt("CONNECTED", 2));
      type(shell, "get -w /it", prompt("CONNECTED", 3));
      long zxid = sync.setData("/it", "two".getBytes(UTF_8), -1).mzxid();
      shell.awaitOut("type:NodeDataChanged");
      String changed = event("SyncConnected", "NodeDataChanged", "/it", zxid);
      type(shell, "   ", changed + prompt("CONNECTED", 3)); // a blank line is not counted
      type(shell, "history", prompt("CONNECTED", 4));
      type(shell, "redo 1", prompt("CONNECTED", 5));
      type(shell, "redo 5", prompt("CONNECTED", 6));
      type(shell, "redo 3", prompt("CONNECTED", 7));
      type(shell, "get /it/none", prompt("CONNECTED", 8));
      shell.send("quit");
      assertEquals(1, shell.awaitExit(), "quit exits with the code of the command before it");

      String expected =
          "Connecting to "
              + zk.connectString()
              + "\n"
              + event("SyncConnected", "None", "null", -1)
              + "Welcome to Paddock!\n"
              + prompt("CONNECTED", 0)
              + prompt("CONNECTED", 1)
              + "[kid]\n"
              + prompt("CONNECTED", 2)
              + "one\n"
              + prompt("CONNECTED", 3)
              + changed
              + prompt("CONNECTED", 3)
              + "0 - create /it/kid data\n"
              + "1 - ls /it\n"
              + "2 - get -w /it\n"
              + "3 - history\n"
              + prompt("CONNECTED", 4)
              + "[kid]\n"
              + prompt("CONNECTED", 5)
              + prompt("CONNECTED", 6)
              + "0 - create /it/kid data\n"
              + "1 - ls /it\n"
              + "2 - get -w /it\n"
              + "3 - history\n"
              + "4 - ls /it\n" // a redo is recorded as the command it ran
              + "5 - redo 5\n"
              + "6 - history\n"
              + prompt("CONNECTED", 7)
              + prompt("CONNECTED", 8)
              + event("Closed", "None", "null", -1);
      assertEquals(expected, shell.out());
      assertEquals(
          "Created /it/kid\nCommand index out of range\nNode does not exist: /it/none\n",
          shell.err());
    }
  }

  @Test
  void closeThenConnectAgain() throws Exception {
    try (LiveShell shell = LiveShell.paddock(zk.connectString())) {
      shell.awaitOut(prompt("CONNECTED", 0));
      type(shell, "create -e /eph", prompt("CONNECTED", 1));
      assertNotNull(sync.exists("/eph"));
      type(shell, "getEphemerals /", prompt("CONNECTED", 2));
      assertTrue(shell.out().contains("[/eph]\n"));
      type(shell, "close", prompt("CLOSED", 3));
      assertTrue(shell.out().contains(event("Closed", "None", "null", -1) + prompt("CLOSED", 3)));
      assertNull(sync.exists("/eph"), "close ends the session and its ephemerals");
      type(shell, "ls /", prompt("CLOSED", 4));
      assertTrue(shell.out().endsWith("Not connected\n" + prompt("CLOSED", 4)));
      type(shell, "history", prompt("CLOSED", 5)); // shell commands need no session
      type(shell, "connect " + zk.connectString(), prompt("CONNECTED", 6));
      assertTrue(
          shell
              .out()
              .endsWith(event("SyncConnected", "None", "null", -1) + prompt("CONNECTED", 6)));
      type(shell, "getEphemerals", prompt("CONNECTED", 7));
      assertTrue(shell.out().endsWith("[]\n" + prompt("CONNECTED", 7)));
      type(shell, "ls /nope", prompt("CONNECTED", 8));
      assertEquals(1, shell.endAndAwaitExit(), "end of input: the last command's code");
      assertFalse(shell.out().endsWith("type:None path:null zxid: -1\n"), "quiet at the end");
    }
  }

  @Test
  void sessionOutlivesAnIdlePrompt() throws Exception {
    try (LiveShell shell = LiveShell.paddock(zk.connectString())) {
      shell.awaitOut(prompt("CONNECTED", 0));
      type(shell, "create -e /idle", prompt("CONNECTED", 1));
      // the server grants at most 20 ticks (4 s): idle longer than that, the session must live on
      await()
          .during(Duration.ofSeconds(6))
          .atMost(Duration.ofSeconds(8))
          .until(
              () ->
                  !shell.out().contains("state:Disconnected")
                      && !shell.out().contains("state:Expired"));
      type(shell, "stat /idle", prompt("CONNECTED", 2));
      assertTrue(shell.out().contains("\nephemeralOwner = 0x"), shell.out());
      assertNotNull(sync.exists("/idle"));
    }
  }

  @Test
  void watchKindsRemovalAndPrintWatches() throws Exception {
    sync.create("/wk", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    try (LiveShell shell = LiveShell.paddock(zk.connectString())) {
      shell.awaitOut(prompt("CONNECTED", 0));
      type(shell, "stat -w /wk/later", prompt("CONNECTED", 1));
      long created =
          sync.create("/wk/later", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).stat().czxid();
      shell.awaitOut(event("SyncConnected", "NodeCreated", "/wk/later", created));
      type(shell, "ls -w /wk", prompt("CONNECTED", 2));
      long kid =
          sync.create("/wk/kid", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).stat().czxid();
      shell.awaitOut(event("SyncConnected", "NodeChildrenChanged", "/wk", kid));
      type(shell, "stat -w /wk", prompt("CONNECTED", 3));
      type(shell, "removewatches /wk -d", prompt("CONNECTED", 4));
      assertTrue(shell.out().contains(event("SyncConnected", "DataWatchRemoved", "/wk", -1)));
      type(shell, "addWatch /wk", prompt("CONNECTED", 5));
      long deep =
          sync.create("/wk/kid/deep", null, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
              .stat()
              .czxid();
      shell.awaitOut(event("SyncConnected", "NodeCreated", "/wk/kid/deep", deep));
      type(shell, "printwatches off", prompt("CONNECTED", 6));
      type(shell, "printwatches", prompt("CONNECTED", 7));
      assertTrue(shell.out().endsWith("printwatches is off\n" + prompt("CONNECTED", 7)));
      sync.setData("/wk/kid", new byte[1], -1);
      type(shell, "sync /", prompt("CONNECTED", 8)); // the event came before this reply
      assertFalse(shell.out().contains("NodeDataChanged"), "not printed while off");
      type(shell, "removewatches /wk -r", prompt("CONNECTED", 9));
      type(shell, "removewatches /wk", prompt("CONNECTED", 10));
      assertTrue(shell.err().endsWith("KeeperErrorCode = No such watcher for /wk\n"));
    }
  }

  @Test
  void addAuthThenAuthAcl() throws Exception {
    try (LiveShell shell = LiveShell.paddock(zk.connectString())) {
      shell.awaitOut(prompt("CONNECTED", 0));
      type(shell, "create /mine x auth::cdrwa", prompt("CONNECTED", 1));
      assertTrue(shell.err().contains("Acl is not valid : /mine\n"), shell.err());
      type(shell, "addauth digest alice:secret", prompt("CONNECTED", 2));
      type(shell, "create /mine x auth::cdrwa", prompt("CONNECTED", 3));
      type(shell, "getAcl /mine", prompt("CONNECTED", 4));
      assertTrue(
          shell
              .out()
              .endsWith(
                  "'digest,'alice:aYXlLOpEooaV1cRAvUL1fp9Qt7E=\n: cdrwa\n"
                      + prompt("CONNECTED", 4)),
          shell.out());
      type(shell, "whoami", prompt("CONNECTED", 5));
      assertTrue(
          shell
              .out()
              .endsWith(
                  "Auth scheme: User\ndigest: alice\nip: 127.0.0.1\n" + prompt("CONNECTED", 5)),
          shell.out());
    }
  }
}
