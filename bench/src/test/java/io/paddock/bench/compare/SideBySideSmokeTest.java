package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as small as it gets: a standalone Apache ZooKeeper and a standalone Paddock, each its
 * own JVM, one round of the setData workload for about a second each; both rows must show ops and
 * no errors, and every server the run started must be gone afterwards.
 */
class SideBySideSmokeTest {

  @Test
  void bothStandaloneServersServeTheSetDataWorkloadWithoutErrors(@TempDir Path dir)
      throws Exception {
    Workload set =
        BenchPlan.catalog(Topology.STANDALONE, 500, 1_500).stream()
            .filter(w -> w.id().equals("set"))
            .findFirst()
            .orElseThrow();
    BenchPlan plan = new BenchPlan(List.of(set), 1, 0, 0, 20);
    ServerSettings settings =
        ServerSettings.defaults().withJvmFlags(List.of("-Xmx256m", "-XX:+UseSerialGC"));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    long before = ProcessHandle.current().descendants().count();

    Report report =
        new SideBySideRun(
                plan,
                settings,
                JvmLauncher.current(),
                dir,
                SideBySideRun.curatorOnBoth(),
                new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run("smoke");

    String log = progress.toString(StandardCharsets.UTF_8);
    List<String> opsRow = report.table().rows().get(0);
    assertEquals("ops/s", opsRow.get(1), log);
    assertTrue(opsPerSecond(opsRow.get(2)) > 0, "ZooKeeper: " + opsRow + "\n" + log);
    assertTrue(opsPerSecond(opsRow.get(3)) > 0, "Paddock: " + opsRow + "\n" + log);
    assertFalse(
        report.table().rows().stream().anyMatch(r -> r.get(1).startsWith("errors")),
        report.table().toText() + "\n" + log);
    assertEquals(2, report.raw().stream().filter(l -> l.endsWith("errors none")).count(), log);
    assertTrue(report.toMarkdown().contains("| ratio P/ZK |"));
    assertEquals(
        before,
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
        "a server process outlived the run");
  }

  private static double opsPerSecond(String cell) {
    return Double.parseDouble(cell.replace(",", ""));
  }
}
