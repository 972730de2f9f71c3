package io.paddock.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.BlockingPaddockClient;
import io.paddock.client.PaddockClient;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import io.paddock.store.model.Stat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command run one-shot ({@code paddock cli -server … cmd args}) against a real Apache
 * ZooKeeper 3.9 server: output, error texts and exit codes as zkCli's.
 */
class OneShotCommandsTest {
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

  private static CliResult run(String... words) {
    return Shells.paddock(zk.connectString(), words);
  }

  /** Asserts a successful run that printed exactly {@code out} after the banner, nothing else. */
  private static void assertPrints(String out, CliResult result) {
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(CliResult.banner(zk.connectString()) + out, result.out());
    assertEquals("", result.err());
  }

  /** Asserts a failed run (exit 1) with exactly this stderr and no output of its own. */
  private static void assertFails(String err, CliResult result) {
    assertEquals(err, result.err());
    assertEquals(CliResult.banner(zk.connectString()), result.out());
    assertEquals(1, result.exitCode());
  }

  private static void mk(String path, String data) throws Exception {
    sync.create(
        path,
        data == null ? null : data.getBytes(UTF_8),
        Acl.OPEN_ACL_UNSAFE,
        CreateMode.PERSISTENT);
  }

  private static String statBlock(Stat s) {
    return "cZxid = 0x"
        + Long.toHexString(s.czxid())
        + "\nctime = "
        + new Date(s.ctime())
        + "\nmZxid = 0x"
        + Long.toHexString(s.mzxid())
        + "\nmtime = "
        + new Date(s.mtime())
        + "\npZxid = 0x"
        + Long.toHexString(s.pzxid())
        + "\ncversion = "
        + s.cversion()
        + "\ndataVersion = "
        + s.version()
        + "\naclVersion = "
        + s.aversion()
        + "\nephemeralOwner = 0x"
        + Long.toHexString(s.ephemeralOwner())
        + "\ndataLength = "
        + s.dataLength()
        + "\nnumChildren = "
        + s.numChildren()
        + "\n";
  }

  @Test
  void createThenGetWithStat() throws Exception {
    CliResult created = run("create", "/c1", "hello");
    assertEquals(0, created.exitCode());
    assertEquals("Created /c1\n", created.err()); // zkCli prints it on stderr
    assertEquals(CliResult.banner(zk.connectString()), created.out());
    assertArrayEquals("hello".getBytes(UTF_8), sync.getData("/c1").data());

    Stat stat = sync.exists("/c1");
    assertPrints("hello\n" + statBlock(stat), run("get", "-s", "/c1"));
    assertPrints("hello\n", run("get", "/c1"));
    assertPrints(statBlock(stat), run("stat", "/c1"));
  }

  @Test
  void createModesAndTheirRefusals() throws Exception {
    mk("/modes", null);
    CliResult seq = run("create", "-s", "/modes/s-", "x");
    assertTrue(seq.err().matches("Created /modes/s-\\d{10}\n"), seq.err());
    // an ephemeral dies with the one-shot session, which the shell closes at the end
    assertEquals("Created /modes/e\n", run("create", "-e", "/modes/e").err());
    assertNull(sync.exists("/modes/e"));
    assertEquals("Created /modes/c\n", run("create", "-c", "/modes/c").err());
    assertEquals("Created /modes/t\n", run("create", "-t", "60000", "/modes/t", "x").err());
    assertNotNull(sync.exists("/modes/t"));
    assertPrints("null\n", run("get", "/modes/c"));

    assertFails(
        "-c cannot be combined with -s or -e. Containers cannot be ephemeral or sequential.\n",
        run("create", "-c", "-e", "/modes/x"));
    assertFails("-t argument must be a long value\n", run("create", "-t", "abc", "/modes/x"));
    assertFails(
        "TTLs cannot be used with Ephemeral znodes\n", run("create", "-t", "5", "-e", "/modes/x"));
    assertFails(
        "TTLs cannot be used with Container znodes\n", run("create", "-ct", "5", "/modes/x"));
    assertFails(
        "ttl must be positive and cannot be larger than: 1099511627775\n",
        run("create", "-t", "0", "/modes/x"));
    assertFails("Node already exists: /modes\n", run("create", "/modes"));
    assertFails("Node does not exist: /nope/x\n", run("create", "/nope/x"));
    assertFails("Path must start with / character\n", run("create", "modes"));
    assertFails(
        "Invalid path string \"//m\" caused by empty node name specified @1\n",
        run("create", "//m"));
    assertFails("create [-s] [-e] [-c] [-t ttl] path [data] [acl]\n", run("create"));
    assertFails("Unrecognized option: -q\n", run("create", "-q", "/modes/x"));
  }

  @Test
  void createWithAclThenGetAcl() throws Exception {
    CliResult created =
        run("create", "/acl1", "x", "digest:u:AbC=:r,world:anyone:cdwa,bad,ip:10.0.0.1:rq");
    assertEquals(
        "bad does not have the form scheme:id:perm\nUnknown perm type: q\nCreated /acl1\n",
        created.err());
    assertEquals(
        List.of(
            new Acl(Perms.READ, new Id("digest", "u:AbC=")),
            new Acl(Perms.ALL & ~Perms.READ, Id.ANYONE),
            new Acl(Perms.READ, new Id("ip", "10.0.0.1"))),
        sync.getAcl("/acl1").acl());
    assertPrints(
        "'digest,'u:AbC=\n: r\n'world,'anyone\n: cdwa\n'ip,'10.0.0.1\n: r\n",
        run("getAcl", "/acl1"));

    CliResult invalid = run("create", "/acl2", "x", "nonsense");
    assertEquals(1, invalid.exitCode());
    assertEquals(
        "nonsense does not have the form scheme:id:perm\n"
            + "KeeperErrorCode = InvalidACL for /acl2\n"
            + "Acl is not valid : /acl2\n",
        invalid.err());
  }

  @Test
  void lsPlainWithStatAndRecursive() throws Exception {
    mk("/ls", null);
    mk("/ls/b", null);
    mk("/ls/a", null);
    mk("/ls/a/y", null);
    mk("/ls/a/x", null);
    mk("/ls/b/z", null);
    assertPrints("[a, b]\n", run("ls", "/ls"));
    assertPrints("[]\n", run("ls", "/ls/a/x"));
    assertPrints("[a, b]\n" + statBlock(sync.exists("/ls")), run("ls", "-s", "/ls"));
    // zkCli's walk: a node's children before their own subtrees
    assertPrints("/ls\n/ls/a\n/ls/b\n/ls/a/x\n/ls/a/y\n/ls/b/z\n", run("ls", "-R", "/ls"));
    assertFails("Node does not exist: /ls/none\n", run("ls", "/ls/none"));
    assertFails("Node does not exist: /ls/none\n", run("ls", "-R", "/ls/none"));
    assertFails("ls [-s] [-w] [-R] path\n", run("ls"));
  }

  @Test
  void getFormats() throws Exception {
    mk("/get", "data");
    assertPrints("ZGF0YQ==\n", run("get", "-b", "/get"));
    assertPrints(
        "         +-------------------------------------------------+\n"
            + "         |  0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f |\n"
            + "+--------+-------------------------------------------------+----------------+\n"
            + "|00000000| 64 61 74 61                                     |data            |\n"
            + "+--------+-------------------------------------------------+----------------+\n",
        run("get", "-x", "/get"));
    assertFails("Node does not exist: /get/none\n", run("get", "/get/none"));
    assertFails(ReadCommands.GET_USAGE + "\n", run("get"));
  }

  @Test
  void setWithVersionsAndStat() throws Exception {
    mk("/set", "one");
    assertPrints("", run("set", "/set", "two"));
    assertArrayEquals("two".getBytes(UTF_8), sync.getData("/set").data());
    CliResult withStat = run("set", "-s", "/set", "three", "-v", "1");
    assertPrints(statBlock(sync.exists("/set")), withStat);
    assertTrue(withStat.out().contains("\ndataVersion = 2\n"));
    assertPrints("", run("set", "-b", "/set", "Zm91cg=="));
    assertArrayEquals("four".getBytes(UTF_8), sync.getData("/set").data());
    assertFails("version No is not valid : /set\n", run("set", "-v", "7", "/set", "x"));
    assertFails("-v argument must be an int value\n", run("set", "-v", "abc", "/set", "x"));
    assertFails("Node does not exist: /set/none\n", run("set", "/set/none", "x"));
    assertFails(NodeCommands.SET_USAGE + "\n", run("set", "/set"));
  }

  @Test
  void statAndItsErrors() throws Exception {
    assertFails("Node does not exist: /stat-none\n", run("stat", "/stat-none"));
    assertPrints(statBlock(sync.exists("/")), run("stat", "/"));
    assertFails("stat [-w] path\n", run("stat"));
  }

  @Test
  void deleteWithVersionsAndErrors() throws Exception {
    mk("/del", null);
    mk("/del/a", null);
    mk("/del/b", "x");
    assertPrints("", run("delete", "/del/a"));
    assertNull(sync.exists("/del/a"));
    assertFails("version No is not valid : /del/b\n", run("delete", "-v", "3", "/del/b"));
    assertPrints("", run("delete", "-v", "0", "/del/b"));
    mk("/del/c", null);
    assertFails("Node not empty: /del\n", run("delete", "/del"));
    assertFails("Node does not exist: /del/none\n", run("delete", "/del/none"));
    assertFails("Arguments are not valid : /zookeeper\n", run("delete", "/zookeeper"));
    assertFails("delete [-v version] path\n", run("delete"));
  }

  @Test
  void deleteAllInBatchesAndOneByOne() throws Exception {
    for (String base : List.of("/da1", "/da2", "/da3")) {
      mk(base, null);
      for (int i = 0; i < 5; i++) {
        mk(base + "/c" + i, null);
        mk(base + "/c" + i + "/g", null);
      }
    }
    assertPrints("", run("deleteall", "/da1"));
    assertPrints("", run("deleteall", "/da2", "-b", "3"));
    assertPrints("", run("deleteall", "-b", "0", "/da3"));
    for (String base : List.of("/da1", "/da2", "/da3")) {
      assertNull(sync.exists(base), base);
    }
    assertFails("Node does not exist: /da1\n", run("deleteall", "/da1"));
    assertFails("-b argument must be an int value\n", run("deleteall", "/x", "-b", "many"));
  }

  @Test
  void syncAndCounts() throws Exception {
    mk("/cnt", null);
    mk("/cnt/a", null);
    mk("/cnt/a/b", null);
    assertPrints("Sync is OK\n", run("sync", "/cnt"));
    assertPrints("2\n", run("getAllChildrenNumber", "/cnt"));
    assertFails("Node does not exist: /cnt/none\n", run("getAllChildrenNumber", "/cnt/none"));
    assertPrints("[]\n", run("getEphemerals", "/"));
    assertPrints("[]\n", run("getEphemerals"));
  }

  @Test
  void setAclPlainVersionedWithStatAndRecursive() throws Exception {
    mk("/sa", null);
    mk("/sa/k", null);
    assertPrints("", run("setAcl", "/sa/k", "world:anyone:ra"));
    assertEquals(List.of(new Acl(Perms.READ | Perms.ADMIN, Id.ANYONE)), sync.getAcl("/sa/k").acl());
    assertFails(
        "version No is not valid : /sa/k\n", run("setAcl", "-v", "5", "/sa/k", "world:anyone:rwa"));
    CliResult withStat = run("setAcl", "-s", "-v", "1", "/sa/k", "world:anyone:rwa");
    assertPrints(statBlock(sync.exists("/sa/k")), withStat);
    assertTrue(withStat.out().contains("\naclVersion = 2\n"));
    assertPrints("", run("setAcl", "-R", "/sa", "world:anyone:cdrw"));
    assertEquals(Perms.ALL & ~Perms.ADMIN, sync.getAcl("/sa").acl().get(0).perms());
    assertEquals(Perms.ALL & ~Perms.ADMIN, sync.getAcl("/sa/k").acl().get(0).perms());
    assertPrints(
        "'world,'anyone\n: cdrw\n" + statBlock(sync.exists("/sa")), run("getAcl", "-s", "/sa"));
    assertFails("setAcl [-s] [-v version] [-R] path acl\n", run("setAcl", "/sa"));
    // without ADMIN the node's ACL cannot be changed
    assertFails("Insufficient permission : /sa\n", run("setAcl", "/sa", "world:anyone:cdrwa"));
  }

  @Test
  void whoAmIAndAddAuth() {
    assertPrints("Auth scheme: User\nip: 127.0.0.1\n", run("whoami"));
    assertPrints("", run("addauth", "digest", "u:p"));
    assertFails("addauth scheme auth\n", run("addauth"));
  }

  @Test
  void watchCommandsWithoutWatches() throws Exception {
    mk("/w", null);
    assertPrints("", run("addWatch", "/w"));
    assertPrints("", run("addWatch", "-m", "persistent", "/w"));
    assertFails("KeeperErrorCode = No such watcher for /w\n", run("removewatches", "/w"));
    assertFails("KeeperErrorCode = No such watcher for /w\n", run("removewatches", "/w", "-d"));
    assertFails(
        "addWatch " + WatchCommands.ADD_WATCH_SYNTAX + "\n", run("addWatch", "-m", "x", "/w"));
    assertFails("removewatches path [-c|-d|-a] [-l]\n", run("removewatches"));
  }

  @Test
  void chrootIsTheRootOfEveryPath() throws Exception {
    mk("/chroot", null);
    mk("/chroot/inside", "in");
    CliResult ls = Shells.paddock(zk.connectString() + "/chroot", "ls", "/");
    assertEquals(0, ls.exitCode());
    assertTrue(ls.out().endsWith("\n[inside]\n"), ls.out());
    CliResult created = Shells.paddock(zk.connectString() + "/chroot", "create", "/made");
    assertEquals("Created /made\n", created.err());
    assertNotNull(sync.exists("/chroot/made"));
  }

  @Test
  void shellLevelErrorsAndHelp() {
    CliResult unknown = run("bogus", "x");
    assertEquals(CliException.EXIT_NOT_FOUND, unknown.exitCode());
    assertTrue(unknown.err().startsWith("paddock cli -server "), unknown.err());
    assertTrue(unknown.err().endsWith("\nCommand not found: bogus\n"), unknown.err());

    CliResult help = run("help");
    assertEquals(0, help.exitCode());
    for (String line :
        List.of(
            "\tls [-s] [-w] [-R] path",
            "\tget [-s] [-w] [-b] [-x] path",
            "\tcreate [-s] [-e] [-c] [-t ttl] path [data] [acl]",
            "\tset path data [-s] [-v version] [-b]",
            "\tdeleteall path [-b batch size]",
            "\tremovewatches path [-c|-d|-a] [-l]",
            "\tredo cmdno",
            "\tquit ")) {
      assertTrue(help.out().contains(line + "\n"), line);
    }
    // zkCli's order: sorted by name, upper case first
    assertTrue(help.out().indexOf("\taddWatch ") < help.out().indexOf("\taddauth "));
  }

  @Test
  void launchOptionErrorsExitWithTwo() {
    CliResult noValue = Shells.paddock(zk.connectString(), "-timeout");
    assertEquals(2, noValue.exitCode());
    assertTrue(noValue.err().startsWith("Error: no argument found for option -timeout\n"));
    CliResult badHost = Shells.paddock("127.0.0.1:notaport", "ls", "/");
    assertEquals(2, badHost.exitCode());
  }

  @Test
  void waitForConnectionFailsFastOnADeadServer() {
    CliResult result =
        Shells.paddock("127.0.0.1:1", "-timeout", "1500", "-waitforconnection", "ls", "/");
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("ConnectionLoss"), result.err());
    assertEquals("Connecting to 127.0.0.1:1\n", result.out());
  }
}
