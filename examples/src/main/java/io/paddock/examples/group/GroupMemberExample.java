package io.paddock.examples.group;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.group.GroupListener;
import io.paddock.recipes.group.GroupMember;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group membership with {@link GroupMember}: three workers join {@code /examples/group}, each with
 * its address as data; a monitor (itself a member) prints joins, a data change and leaves as they
 * happen. A member's node is ephemeral: it leaves when it closes or when its process dies.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.group.GroupMemberExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class GroupMemberExample {
  /** The group's node. */
  public static final String GROUP_PATH = "/examples/group";

  static final int WORKERS = 3;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private GroupMemberExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Runs the group: workers join, one changes its data, all leave.
   *
   * @throws IllegalStateException if the monitor does not see an expected event in time
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    try (GroupMember monitor =
        new GroupMember(cluster.newFramework(), GROUP_PATH, "monitor", bytes("-"))) {
      monitor.addListener(
          new GroupListener() {
            @Override
            public void memberJoined(String memberId, byte[] data) {
              events.add(memberId + " joined with " + text(data));
            }

            @Override
            public void memberChanged(String memberId, byte[] data) {
              events.add(memberId + " changed its data to " + text(data));
            }

            @Override
            public void memberLeft(String memberId) {
              events.add(memberId + " left");
            }
          });
      monitor.start();
      monitor.awaitJoined(WAIT);
      List<GroupMember> workers = new ArrayList<>();
      for (int i = 1; i <= WORKERS; i++) {
        GroupMember worker =
            new GroupMember(
                cluster.newFramework(), GROUP_PATH, "worker-" + i, bytes("10.0.0." + i + ":9000"));
        workers.add(worker);
        worker.start();
        printUntil(events, "worker-" + i + " joined", out);
      }
      out.println("monitor: the group is " + monitor.currentMembers().keySet());
      workers.get(0).setThisData(bytes("10.0.0.1:9001"));
      printUntil(events, "worker-1 changed", out);
      for (GroupMember worker : workers) {
        worker.close();
        printUntil(events, worker.memberId() + " left", out);
      }
      out.println("monitor: the group is " + monitor.currentMembers().keySet());
    }
  }

  /** Prints the monitor's events up to the expected one. */
  private static void printUntil(BlockingQueue<String> events, String expected, PrintStream out)
      throws InterruptedException {
    while (true) {
      String event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (event == null) {
        throw new IllegalStateException("the monitor did not see '" + expected + "'");
      }
      if (!event.startsWith("monitor ")) {
        out.println("monitor: " + event);
      }
      if (event.startsWith(expected)) {
        return;
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] data) {
    return data == null ? "" : new String(data, StandardCharsets.UTF_8);
  }
}
