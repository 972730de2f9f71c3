package io.paddock.bench.compare;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Adds one workload's rows to the table: the medians of its rounds, or why a server has none. */
final class WorkloadRows {
  private final ComparisonTable table;

  WorkloadRows(ComparisonTable table) {
    this.table = table;
  }

  void add(
      String label,
      boolean lock,
      Map<ServerKind, List<LoadResult>> results,
      Map<ServerKind, String> failures) {
    row(
        label,
        lock ? "hand-offs/s" : "ops/s",
        LoadResult::opsPerSecond,
        "%,.0f",
        results,
        failures,
        true);
    row(label, "p50 ms", r -> r.latency().p50Ms(), "%.3f", results, failures, false);
    row(label, "p99 ms", r -> r.latency().p99Ms(), "%.3f", results, failures, false);
    row(label, "p99.9 ms", r -> r.latency().p999Ms(), "%.3f", results, failures, false);
    row(
        label,
        "server CPU ms / 1k ops",
        LoadResult::cpuMsPerThousandOps,
        "%.1f",
        results,
        failures,
        false);
    Map<String, Long> zkErrors = SideBySideRun.errorsOf(results.get(ServerKind.ZOOKEEPER));
    Map<String, Long> paddockErrors = SideBySideRun.errorsOf(results.get(ServerKind.PADDOCK));
    if (!zkErrors.isEmpty() || !paddockErrors.isEmpty()) {
      table.add(
          label,
          "errors (all rounds)",
          errorCell(zkErrors, results.get(ServerKind.ZOOKEEPER)),
          errorCell(paddockErrors, results.get(ServerKind.PADDOCK)));
    }
  }

  private void row(
      String label,
      String figure,
      ToDoubleFunction<LoadResult> value,
      String format,
      Map<ServerKind, List<LoadResult>> results,
      Map<ServerKind, String> failures,
      boolean first) {
    table.add(
        label,
        figure,
        cell(ServerKind.ZOOKEEPER, value, format, results, failures, first),
        cell(ServerKind.PADDOCK, value, format, results, failures, first));
  }

  private static Cell cell(
      ServerKind k,
      ToDoubleFunction<LoadResult> value,
      String format,
      Map<ServerKind, List<LoadResult>> results,
      Map<ServerKind, String> failures,
      boolean first) {
    if (failures.containsKey(k)) {
      return first ? Cell.text(failures.get(k)) : Cell.NONE;
    }
    List<LoadResult> rounds = results.get(k);
    return rounds.isEmpty() ? Cell.NONE : Cell.number(Medians.of(rounds, value), format);
  }

  private static Cell errorCell(Map<String, Long> errors, List<LoadResult> rounds) {
    if (rounds.isEmpty()) {
      return Cell.NONE;
    }
    long total = errors.values().stream().mapToLong(Long::longValue).sum();
    return Cell.text(total == 0 ? "0" : total + " " + errors);
  }
}
