package io.paddock.server.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache ZooKeeper's zkCli (org.apache.zookeeper.ZooKeeperMain) run one-shot in a child JVM against
 * every core: create, ls, get -s, set, stat, delete, with their output asserted (PROTOCOL 13).
 */
class ZkCliInteropTest extends CoreTestBase {
  private static final Pattern STAT_BLOCK =
      Pattern.compile(
          "cZxid = 0x[0-9a-f]+\\nctime = .+\\nmZxid = 0x[0-9a-f]+\\nmtime = .+\\n"
              + "pZxid = 0x[0-9a-f]+\\ncversion = 0\\ndataVersion = (\\d+)\\naclVersion = 0\\n"
              + "ephemeralOwner = 0x0\\ndataLength = (\\d+)\\nnumChildren = 0\\n");

  /** What one zkCli run printed and how it ended. */
  record CliRun(int exitCode, String stdout, String stderr) {}

  /** Runs {@code zkCli -server <connectString> args...} in a child JVM with this test classpath. */
  static CliRun zkCli(String connectString, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.apache.zookeeper.ZooKeeperMain");
    command.add("-server");
    command.add(connectString);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("zkCli did not exit: " + List.of(args));
    }
    return new CliRun(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static String withoutConnecting(String text) {
    // ZooKeeperMain prints "Connecting to" first, and its watcher may print the connection event
    // (WATCHER:: and a WatchedEvent line) at any point, depending on thread timing.
    return text.replaceFirst("(?m)^Connecting to .*\\n", "")
        .replaceAll("(?m)^WATCHER::\\n", "")
        .replaceAll("(?m)^WatchedEvent state:SyncConnected type:None path:null zxid: -1\\n", "")
        .replaceAll("(?m)^\\s*\\n", "");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void oneShotCommandsWork(CoreKind kind) throws Exception {
    String cs = start(kind).connectString();
    CliRun create = zkCli(cs, "create", "/x", "data");
    assertEquals(0, create.exitCode(), create.toString());
    assertTrue(create.stderr().contains("Created /x"), create.toString());

    CliRun ls = zkCli(cs, "ls", "/");
    assertEquals("[x, zookeeper]\n", withoutConnecting(ls.stdout()), ls.toString());

    CliRun get = zkCli(cs, "get", "-s", "/x");
    String got = withoutConnecting(get.stdout());
    assertTrue(got.startsWith("data\n"), get.toString());
    var m = STAT_BLOCK.matcher(got.substring("data\n".length()));
    assertTrue(m.matches(), got);
    assertEquals("0", m.group(1));
    assertEquals("4", m.group(2));

    CliRun set = zkCli(cs, "set", "/x", "d2");
    assertEquals(0, set.exitCode(), set.toString());
    assertEquals("", withoutConnecting(set.stdout()), "set is silent without -s");

    CliRun stat = zkCli(cs, "stat", "/x");
    var sm = STAT_BLOCK.matcher(withoutConnecting(stat.stdout()));
    assertTrue(sm.matches(), stat.toString());
    assertEquals("1", sm.group(1));
    assertEquals("2", sm.group(2));

    CliRun delete = zkCli(cs, "delete", "/x");
    assertEquals(0, delete.exitCode(), delete.toString());
    CliRun missing = zkCli(cs, "get", "/x");
    assertEquals(1, missing.exitCode(), "a failed one-shot command exits with 1");
    assertTrue(
        (missing.stdout() + missing.stderr()).contains("Node does not exist: /x"),
        missing.toString());
  }
}
