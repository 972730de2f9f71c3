package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.bench.StoreFootprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small parsers and trackers of the harness. */
class SmallPartsTest {

  @Test
  void srvrModeIsReadFromItsLine() {
    String zk =
        "Zookeeper version: 3.9.3\nLatency min/avg/max: 0/0.0/0\nMode: follower\nNode count: 5\n";
    assertEquals(Optional.of("follower"), FourLetterProbe.mode(zk));
    assertEquals(
        Optional.empty(),
        FourLetterProbe.mode("This ZooKeeper instance is not currently serving requests\n"));
  }

  @Test
  void failureCauseIsTheFirstErrorLineElseTheFirstLine() {
    assertEquals(
        "paddock: the configuration describes an ensemble",
        ServerProcess.causeLine(
            List.of(
                "", "12:00 INFO starting", "paddock: the configuration describes an ensemble")));
    assertEquals(
        "2026-11-22 12:00:00,000 [myid:] - ERROR [main:o.a.z.QuorumPeerMain@99] - Invalid config",
        ServerProcess.causeLine(
            List.of(
                "2026-11-22 12:00:00,000 [myid:] - INFO [main:x] - hello",
                "2026-11-22 12:00:00,000 [myid:] - ERROR [main:o.a.z.QuorumPeerMain@99] - Invalid config",
                "java.lang.IllegalArgumentException: bad")));
    assertEquals("first", ServerProcess.causeLine(List.of("  first  ", "second")));
    assertEquals("(no output)", ServerProcess.causeLine(List.of(" ")));
  }

  @Test
  void footprintTsvLinesAreParsedPerStore() {
    Map<ServerKind, StoreFigures.Footprint> m =
        StoreFigures.parse(
            List.of(
                "znodes: 1,000 (wide shape)",
                StoreFootprint.TSV_PREFIX + "\tpaddock\t216.7\t643.0\t2219.0\t187100000",
                StoreFootprint.TSV_PREFIX + "\tzookeeper\t441.2\t1960.0\t3511.0\t193100000"));
    assertEquals(new StoreFigures.Footprint(216.7, 643.0, 2219.0), m.get(ServerKind.PADDOCK));
    assertEquals(new StoreFigures.Footprint(441.2, 1960.0, 3511.0), m.get(ServerKind.ZOOKEEPER));
  }

  @Test
  void writeGapIsTheLongestGapEndingAfterTheKill() {
    long ms = 1_000_000;
    WriteGaps g = new WriteGaps();
    g.success(100 * ms);
    g.success(110 * ms);
    g.arm(115 * ms);
    assertEquals(0, g.steadyForNs(116 * ms));
    g.success(120 * ms); // in flight at the kill: succeeds, but the outage is still to come
    assertEquals(10 * ms, g.longestGapNs());
    assertEquals(5 * ms, g.steadyForNs(125 * ms));
    g.success(900 * ms); // the outage: 780 ms
    g.success(950 * ms);
    g.success(1_800 * ms); // a second, longer gap while the client moves on: 850 ms
    g.success(1_850 * ms);
    assertEquals(850 * ms, g.longestGapNs());
    assertEquals(100 * ms, g.steadyForNs(1_900 * ms));
    assertEquals(0, g.steadyForNs(2_000 * ms), "no success for 150 ms is not steady");
    g.arm(3_000 * ms);
    assertEquals(0, g.longestGapNs());
    assertEquals(0, g.steadyForNs(3_001 * ms));
  }

  @Test
  void heapFlagsGrowWithTheZnodeCountAboveTheMinimum() {
    assertEquals(List.of("-Xms1024m", "-Xmx1024m", "-XX:+UseG1GC"), StoreFigures.heapFlags(1_000));
    assertEquals("-Xmx2861m", StoreFigures.heapFlags(1_000_000).get(1));
  }

  @Test
  void fsyncProbeMeasuresEverySampleBothWaysAndLeavesNoFile(@TempDir Path dir) throws Exception {
    for (FsyncProbe.Mode mode : FsyncProbe.Mode.values()) {
      FsyncProbe.Result r = FsyncProbe.measure(dir, 5, mode);
      assertEquals(5, r.samples());
      assertEquals(mode, r.mode());
      assertTrue(r.p50Ms() > 0 && r.p50Ms() <= r.p99Ms() && r.p99Ms() <= r.maxMs(), r.toString());
      assertTrue(r.toString().startsWith(mode.label()), r.toString());
    }
    try (var files = java.nio.file.Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void machineLineNamesCoresAndMemory() {
    assertEquals("23.5 GiB", MachineInfo.memoryFrom(List.of("MemTotal:       24641536 kB")));
    assertTrue(
        MachineInfo.describe().contains(Runtime.getRuntime().availableProcessors() + " cores"));
  }
}
