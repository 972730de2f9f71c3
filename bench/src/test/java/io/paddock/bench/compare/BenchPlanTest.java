package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPlanTest {

  @Test
  void quickPlanRunsEverythingStandaloneAndGetSetOnTheEnsembleWithShortTimes() {
    BenchPlan plan = BenchPlan.of(BenchOptions.parse("--quick"));
    List<String> standalone =
        plan.workloads().stream()
            .filter(w -> w.topology() == Topology.STANDALONE)
            .map(Workload::id)
            .toList();
    List<String> ensemble =
        plan.workloads().stream()
            .filter(w -> w.topology() == Topology.ENSEMBLE)
            .map(Workload::id)
            .toList();
    assertEquals(
        List.of("get", "set", "create-delete", "read-write", "values-1k", "sync-write", "lock"),
        standalone);
    assertEquals(List.of("get", "set"), ensemble);
    assertEquals(2, plan.rounds());
    assertEquals(2, plan.failoverKills());
    assertEquals(100_000, plan.storeZnodes());
    assertTrue(plan.workloads().stream().allMatch(w -> w.load().measureMs() == 3_000));
  }

  @Test
  void fullPlanRunsEveryWorkloadOnBothTopologiesAtOneMillionZnodes() {
    BenchPlan plan = BenchPlan.of(BenchOptions.parse());
    assertEquals(14, plan.workloads().size());
    assertEquals(3, plan.rounds());
    assertEquals(5, plan.failoverKills());
    assertEquals(1_000_000, plan.storeZnodes());
    assertTrue(plan.workloads().stream().allMatch(w -> w.load().warmupMs() == 10_000));
    assertTrue(plan.workloads().stream().allMatch(w -> w.load().measureMs() == 20_000));
  }

  @Test
  void optionsSelectWorkloadsAndOverrideRoundsAndTimes() {
    BenchOptions o =
        BenchOptions.parse(
            "--workloads",
            "set,failover",
            "--rounds",
            "3",
            "--duration-s",
            "7",
            "--warmup-s",
            "2",
            "--out",
            "t.md",
            "--server-jvm",
            "-Xmx2g -XX:+UseParallelGC");
    BenchPlan plan = BenchPlan.of(o);
    assertEquals(List.of("set", "set"), plan.workloads().stream().map(Workload::id).toList());
    assertEquals(3, plan.rounds());
    assertEquals(5, plan.failoverKills());
    assertEquals(0, plan.storeZnodes());
    assertEquals(7_000, plan.workloads().get(0).load().measureMs());
    assertEquals(2_000, plan.workloads().get(0).load().warmupMs());
    assertEquals(Path.of("t.md"), o.out().orElseThrow());
    assertEquals(List.of("-Xmx2g", "-XX:+UseParallelGC"), o.serverJvmFlags());
  }

  @Test
  void badOptionsAreRefusedWithTheReason() {
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds", "0"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--frobnicate"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchPlan.of(BenchOptions.parse("--workloads", "nope")));
    assertTrue(e.getMessage().contains("unknown workload 'nope'"), e.getMessage());
  }
}
