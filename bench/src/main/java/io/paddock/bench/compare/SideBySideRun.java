package io.paddock.bench.compare;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.zookeeper.ZooKeeper;

/**
 * One side-by-side run: the disk probe, then per topology both clusters started on fresh data dirs
 * and every workload run in alternation (ZooKeeper, Paddock, ZooKeeper, Paddock … for the rounds),
 * the leader failover on the ensembles, and the store figures. A server that fails to start or a
 * workload that fails on one server is reported in its cells; the run goes on with the rest.
 */
public final class SideBySideRun {
  /** Seed of the first round; round r uses {@code BASE_SEED + r}. */
  public static final long BASE_SEED = 20_261_122L;

  private static final List<ServerKind> ORDER = List.of(ServerKind.ZOOKEEPER, ServerKind.PADDOCK);

  private final BenchPlan plan;
  private final ServerSettings settings;
  private final JvmLauncher jvm;
  private final Path baseDir;
  private final Map<ServerKind, LockImplementation> locks;
  private final PrintStream progress;
  private final ComparisonTable table = new ComparisonTable();
  private final List<String> notes = new ArrayList<>();
  private final List<String> raw = new ArrayList<>();
  private final Map<String, KeySpace> keySpaces = new HashMap<>();
  private final Map<ServerKind, Double> syncWriteP50Ms = new EnumMap<>(ServerKind.class);
  private final Map<FsyncProbe.Mode, List<Double>> syncRoundFsyncP50Ms =
      new EnumMap<>(FsyncProbe.Mode.class);

  /**
   * A run of {@code plan} with data under {@code baseDir}; {@code locks} is the mutex each server
   * kind is driven with; progress lines go to {@code progress}.
   */
  public SideBySideRun(
      BenchPlan plan,
      ServerSettings settings,
      JvmLauncher jvm,
      Path baseDir,
      Map<ServerKind, LockImplementation> locks,
      PrintStream progress) {
    this.plan = plan;
    this.settings = settings;
    this.jvm = jvm;
    this.baseDir = baseDir;
    this.locks = new EnumMap<>(locks);
    this.progress = progress;
    for (ServerKind k : ORDER) {
      if (!this.locks.containsKey(k)) {
        throw new IllegalArgumentException("no lock implementation for " + k);
      }
    }
  }

  /**
   * The pairing: Curator's InterProcessMutex on ZooKeeper, Paddock's own herd-free mutex
   * (recipes module) on Paddock.
   */
  public static Map<ServerKind, LockImplementation> eachItsOwn() {
    Map<ServerKind, LockImplementation> m = new EnumMap<>(ServerKind.class);
    m.put(ServerKind.ZOOKEEPER, new CuratorLock(CuratorLock.LABEL));
    m.put(ServerKind.PADDOCK, new PaddockLock());
    return m;
  }

  /** Curator's mutex on both servers (the wire-compatibility check of the lock workload). */
  public static Map<ServerKind, LockImplementation> curatorOnBoth() {
    Map<ServerKind, LockImplementation> m = new EnumMap<>(ServerKind.class);
    m.put(ServerKind.ZOOKEEPER, new CuratorLock(CuratorLock.LABEL));
    m.put(ServerKind.PADDOCK, new CuratorLock(CuratorLock.LABEL));
    return m;
  }

  /** Runs everything in the plan and returns the report; {@code command} is quoted in it. */
  public Report run(String command) throws Exception {
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<String> disk = new ArrayList<>(probeDisk("before the workloads"));
    for (Topology t : Topology.values()) {
      runTopology(t);
    }
    disk.addAll(probeDisk("after the workloads"));
    if (!syncWriteP50Ms.isEmpty()) {
      notes.add(syncFloorNote());
    }
    if (plan.storeZnodes() > 0) {
      new StoreRows(plan.storeZnodes(), baseDir.resolve("store"), settings, jvm, table, this::log)
          .run();
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "Each figure is the median of %d rounds; servers: %s, same java, fsync on, fresh data"
                + " dirs on one filesystem; load: ZooKeeper %s Java client, async; seeds from %d.",
            plan.rounds(),
            String.join(" ", settings.jvmFlags()),
            org.apache.zookeeper.Version.getFullVersion().split("[ -]")[0],
            BASE_SEED));
    return new Report(table, disk, notes, raw, MachineInfo.describe(), date, command);
  }

  private void runTopology(Topology t) throws Exception {
    List<Workload> workloads = plan.workloads().stream().filter(w -> w.topology() == t).toList();
    boolean failover = t == Topology.ENSEMBLE && plan.failoverKills() > 0;
    if (workloads.isEmpty() && !failover) {
      return;
    }
    Map<ServerKind, Target> targets = new EnumMap<>(ServerKind.class);
    try {
      for (ServerKind k : ORDER) {
        Path dir =
            baseDir
                .resolve(t.name().toLowerCase(Locale.ROOT))
                .resolve(k.name().toLowerCase(Locale.ROOT));
        targets.put(k, Target.launch(k, t, dir, settings, jvm));
      }
      for (Target target : targets.values()) {
        target.awaitReady();
        String who = target.kind().displayName() + " " + t.label();
        log(who + ": " + target.startFailure().map(f -> "failed to start: " + f).orElse("serving"));
        target.startFailure().ifPresent(f -> notes.add(who + " failed to start: " + f));
      }
      for (Workload w : workloads) {
        runWorkload(w, targets);
      }
      if (failover) {
        runFailover(targets);
      }
    } finally {
      for (Target target : targets.values()) {
        target.close();
      }
    }
  }

  private void runWorkload(Workload w, Map<ServerKind, Target> targets) {
    Map<ServerKind, List<LoadResult>> results = new EnumMap<>(ServerKind.class);
    Map<ServerKind, String> failures = new EnumMap<>(ServerKind.class);
    for (ServerKind k : ORDER) {
      results.put(k, new ArrayList<>());
      targets.get(k).startFailure().ifPresent(f -> failures.put(k, "failed to start: " + f));
    }
    boolean floorRun = isSyncWriteFloor(w);
    for (int round = 1; round <= plan.rounds(); round++) {
      if (floorRun) {
        probeDiskBeforeRound(round);
      }
      for (ServerKind k : ORDER) {
        if (failures.containsKey(k)) {
          continue;
        }
        String name =
            String.format(Locale.ROOT, "%s, round %d, %s", w.label(), round, k.displayName());
        try {
          LoadResult r = runOnce(w, targets.get(k), round);
          results.get(k).add(r);
          log(name + ": " + r.describe());
        } catch (Exception e) {
          failures.put(k, "failed: " + firstLine(e));
          log(name + ": failed: " + firstLine(e));
        }
      }
    }
    new WorkloadRows(table).add(title(w), w.kind() == Workload.Kind.LOCK, results, failures);
    if (floorRun) {
      for (ServerKind k : ORDER) {
        if (!results.get(k).isEmpty()) {
          syncWriteP50Ms.put(k, Medians.of(results.get(k), r -> r.latency().p50Ms()));
        }
      }
    }
  }

  private static boolean isSyncWriteFloor(Workload w) {
    return w.id().equals("sync-write") && w.topology() == Topology.STANDALONE;
  }

  private void probeDiskBeforeRound(int round) {
    for (FsyncProbe.Mode mode : FsyncProbe.Mode.values()) {
      try {
        FsyncProbe.Result r =
            FsyncProbe.measure(baseDir.resolve("fsync"), plan.fsyncSamples(), mode);
        syncRoundFsyncP50Ms.computeIfAbsent(mode, m -> new ArrayList<>()).add(r.p50Ms());
        log("disk just before sync write round " + round + ": " + r);
      } catch (java.io.IOException e) {
        log("disk probe before sync write round " + round + " failed: " + firstLine(e));
      }
    }
  }

  /** Both probes at one point of the run, as report lines; a failed probe is a line too. */
  private List<String> probeDisk(String when) {
    List<String> lines = new ArrayList<>();
    for (FsyncProbe.Mode mode : FsyncProbe.Mode.values()) {
      String line;
      try {
        line =
            when + ": " + FsyncProbe.measure(baseDir.resolve("fsync"), plan.fsyncSamples(), mode);
      } catch (java.io.IOException e) {
        line = when + ": " + mode.label() + " failed: " + firstLine(e);
      }
      log("disk " + line);
      lines.add(line);
    }
    return lines;
  }

  /**
   * The sync write p50s against the probes taken just before their rounds: the disk is shared and
   * its latency swings with others' load, so probes minutes away would not be comparable.
   */
  private String syncFloorNote() {
    StringBuilder s =
        new StringBuilder("sync setData p50 minus the fsync p50 probed just before its rounds");
    for (FsyncProbe.Mode mode : FsyncProbe.Mode.values()) {
      double fsyncMs = Medians.of(syncRoundFsyncP50Ms.getOrDefault(mode, List.of()));
      s.append(
          String.format(Locale.ROOT, "; against %s (median p50 %.3f ms):", mode.label(), fsyncMs));
      syncWriteP50Ms.forEach(
          (k, p50) ->
              s.append(String.format(Locale.ROOT, " %s %+.3f ms", k.displayName(), p50 - fsyncMs)));
    }
    return s.toString();
  }

  private String title(Workload w) {
    if (w.kind() != Workload.Kind.LOCK) {
      return w.label();
    }
    String zk = locks.get(ServerKind.ZOOKEEPER).label();
    String paddock = locks.get(ServerKind.PADDOCK).label();
    String impl = zk.equals(paddock) ? zk + " on both" : zk + " vs " + paddock;
    return w.title() + ", " + impl + " (" + w.topology().label() + ")";
  }

  private LoadResult runOnce(Workload w, Target target, int round) throws Exception {
    Cluster cluster = target.cluster();
    LoadSpec spec = w.load();
    String runName = w.id() + "-" + w.topology().name().toLowerCase(Locale.ROOT) + "-r" + round;
    if (w.kind() == Workload.Kind.LOCK) {
      return new LockHandoffs(cluster.connectString(), cluster::cpuMs)
          .run(
              locks.get(target.kind()),
              "/bench-locks/" + runName,
              spec.sessions(),
              spec.warmupMs(),
              spec.measureMs());
    }
    KeySpace keys =
        keySpaces.computeIfAbsent(
            spec.keyCount() + "/" + spec.valueBytes(),
            key -> new KeySpace(spec.keyCount(), spec.valueBytes()));
    if (spec.mix().usesKeySpace() && target.firstUseOf(keys.root())) {
      ZooKeeper zk = Sessions.open(cluster.connectString());
      try {
        keys.populate(zk);
      } finally {
        Sessions.closeQuietly(zk);
      }
    }
    return new LoadGenerator(cluster.connectString(), cluster::cpuMs)
        .run(spec, keys, "/bench-own/" + runName, BASE_SEED + round);
  }

  private void runFailover(Map<ServerKind, Target> targets) {
    String label =
        "write unavailability after SIGKILL of the leader (" + Topology.ENSEMBLE.label() + ")";
    Map<ServerKind, Cell> median = new EnumMap<>(ServerKind.class);
    Map<ServerKind, Cell> max = new EnumMap<>(ServerKind.class);
    for (ServerKind k : ORDER) {
      Target target = targets.get(k);
      Optional<String> startFailure = target.startFailure();
      if (startFailure.isPresent()) {
        median.put(k, Cell.text("failed to start: " + startFailure.get()));
        max.put(k, Cell.NONE);
        continue;
      }
      try {
        List<Double> gaps = LeaderFailover.run(target.cluster(), plan.failoverKills());
        median.put(k, Cell.number(Medians.of(gaps), "%,.0f"));
        max.put(
            k,
            Cell.number(
                gaps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), "%,.0f"));
        log(label + ", " + k.displayName() + ": gaps ms " + format(gaps));
      } catch (Exception e) {
        median.put(k, Cell.text("failed: " + firstLine(e)));
        max.put(k, Cell.NONE);
        log(label + ", " + k.displayName() + ": failed: " + firstLine(e));
      }
    }
    String kills = plan.failoverKills() + " kills";
    table.add(
        label,
        "median longest write gap, ms (" + kills + ")",
        median.get(ServerKind.ZOOKEEPER),
        median.get(ServerKind.PADDOCK));
    table.add(
        label,
        "max longest write gap, ms",
        max.get(ServerKind.ZOOKEEPER),
        max.get(ServerKind.PADDOCK));
  }

  private static String format(List<Double> gaps) {
    List<String> s = new ArrayList<>();
    gaps.forEach(g -> s.add(String.format(Locale.ROOT, "%.0f", g)));
    return String.join(", ", s);
  }

  static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private void log(String line) {
    raw.add(line);
    progress.println("bench: " + line);
    progress.flush();
  }

  /** Errors summed over rounds, by code, for the errors row. */
  static Map<String, Long> errorsOf(List<LoadResult> rounds) {
    Map<String, Long> sum = new TreeMap<>();
    rounds.forEach(r -> r.errors().forEach((code, n) -> sum.merge(code, n, Long::sum)));
    return sum;
  }
}
