package io.paddock.bench.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@code bin/paddock bench} run does: the load and lock workloads per topology, the
 * rounds, the leader kills, and the znode count of the store figures (0 skips them).
 *
 * @param workloads load and lock workloads, in run order
 * @param rounds rounds of every workload on each server
 * @param failoverKills leader kills of the failover figure (0 skips it)
 * @param storeZnodes znodes of the heap, snapshot and cold restart figures (0 skips them)
 * @param fsyncSamples write + fsync pairs of the disk probe
 */
public record BenchPlan(
    List<Workload> workloads, int rounds, int failoverKills, int storeZnodes, int fsyncSamples) {
  /** Workload ids, as {@code --workloads} takes them. */
  public static final List<String> IDS =
      List.of(
          "get",
          "set",
          "create-delete",
          "read-write",
          "values-1k",
          "sync-write",
          "lock",
          "failover",
          "store");

  static final int SESSIONS = 8;
  static final int OUTSTANDING = 16;
  static final int VALUE_BYTES = 100;
  static final int LARGE_VALUE_BYTES = 1_024;
  static final int KEY_COUNT = 10_000;

  /** Checks bounds. */
  public BenchPlan {
    if (rounds < 1 || failoverKills < 0 || storeZnodes < 0 || fsyncSamples < 1) {
      throw new IllegalArgumentException(
          "bad plan: rounds "
              + rounds
              + ", kills "
              + failoverKills
              + ", znodes "
              + storeZnodes
              + ", fsync samples "
              + fsyncSamples);
    }
    workloads = List.copyOf(workloads);
  }

  /**
   * The plan for the options: quick or full sizes, the selected ids (all when empty), and the
   * rounds and times the options override (0 keeps the default).
   */
  public static BenchPlan of(BenchOptions o) {
    boolean quick = o.quick();
    long warmupMs = o.warmupSeconds() > 0 ? o.warmupSeconds() * 1000L : quick ? 1_000 : 10_000;
    long measureMs = o.durationSeconds() > 0 ? o.durationSeconds() * 1000L : quick ? 3_000 : 20_000;
    int rounds = o.rounds() > 0 ? o.rounds() : quick ? 2 : 3;
    Set<String> chosen = new LinkedHashSet<>(o.workloads().isEmpty() ? IDS : o.workloads());
    for (String id : chosen) {
      if (!IDS.contains(id)) {
        throw new IllegalArgumentException("unknown workload '" + id + "'; known: " + IDS);
      }
    }
    List<Workload> list = new ArrayList<>();
    for (Topology t : Topology.values()) {
      for (Workload w : catalog(t, warmupMs, measureMs)) {
        boolean inQuickEnsemble = w.id().equals("get") || w.id().equals("set");
        if (chosen.contains(w.id()) && (!quick || t == Topology.STANDALONE || inQuickEnsemble)) {
          list.add(w);
        }
      }
    }
    int kills = chosen.contains("failover") ? (quick ? 2 : 5) : 0;
    int znodes = chosen.contains("store") ? (quick ? 100_000 : 1_000_000) : 0;
    return new BenchPlan(list, rounds, kills, znodes, FsyncProbe.DEFAULT_SAMPLES);
  }

  /** Every load and lock workload on topology {@code t}. */
  static List<Workload> catalog(Topology t, long warmupMs, long measureMs) {
    OpMix readWrite = OpMix.parse("getData=90,setData=10");
    return List.of(
        load(
            "get",
            "getData 100 %",
            t,
            OpMix.only(OpKind.GET_DATA),
            VALUE_BYTES,
            warmupMs,
            measureMs),
        load(
            "set",
            "setData 100 %",
            t,
            OpMix.only(OpKind.SET_DATA),
            VALUE_BYTES,
            warmupMs,
            measureMs),
        load(
            "create-delete",
            "create + delete",
            t,
            OpMix.parse("create=50,delete=50"),
            VALUE_BYTES,
            warmupMs,
            measureMs),
        load(
            "read-write",
            "getData 90 % / setData 10 %",
            t,
            readWrite,
            VALUE_BYTES,
            warmupMs,
            measureMs),
        load(
            "values-1k",
            "1 KB values, getData 90 % / setData 10 %",
            t,
            readWrite,
            LARGE_VALUE_BYTES,
            warmupMs,
            measureMs),
        new Workload(
            "sync-write",
            "sync setData, 1 client, 1 in flight",
            t,
            Workload.Kind.LOAD,
            new LoadSpec(
                1, 1, OpMix.only(OpKind.SET_DATA), VALUE_BYTES, KEY_COUNT, warmupMs, measureMs)),
        new Workload(
            "lock",
            "lock hand-offs, " + LockHandoffs.DEFAULT_CONTENDERS + " contenders",
            t,
            Workload.Kind.LOCK,
            new LoadSpec(
                LockHandoffs.DEFAULT_CONTENDERS,
                1,
                OpMix.only(OpKind.CREATE),
                0,
                KEY_COUNT,
                warmupMs,
                measureMs)));
  }

  private static Workload load(
      String id,
      String title,
      Topology t,
      OpMix mix,
      int valueBytes,
      long warmupMs,
      long measureMs) {
    return new Workload(
        id,
        title,
        t,
        Workload.Kind.LOAD,
        new LoadSpec(SESSIONS, OUTSTANDING, mix, valueBytes, KEY_COUNT, warmupMs, measureMs));
  }
}
