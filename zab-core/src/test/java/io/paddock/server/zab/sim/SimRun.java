package io.paddock.server.zab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One randomized simulation: a fault phase (crashes and restarts at any tick, symmetric and
 * asymmetric partitions, quorum-connection loss, election-channel loss and duplication, slow disks,
 * log compaction) with clients writing and reading, then a quiet phase (heal everything, restart
 * everyone) in which a leader must commit a write within {@link SimConfig#LIVENESS_TICKS} and every
 * member catch up, then every checker. Everything comes from the seed.
 */
final class SimRun {

  /** What a run found. */
  record Result(
      long seed,
      List<String> violations,
      long committed,
      long ops,
      Map<String, Long> stats,
      String trace) {
    boolean ok() {
      return violations.isEmpty();
    }

    String describe() {
      return "seed="
          + seed
          + " replay with -Dzab.sim.seed="
          + seed
          + "\n"
          + String.join("\n", violations.subList(0, Math.min(20, violations.size())))
          + "\n--- last events ---\n"
          + trace;
    }
  }

  private SimRun() {}

  static Result run(long seed) {
    Random pick = new Random(seed ^ 0x5eedL);
    int voters = new int[] {3, 3, 5, 5, 7}[pick.nextInt(5)];
    int observers = pick.nextInt(3);
    return run(seed, new SimConfig(voters, observers, 4, 25, 300 + pick.nextInt(300), true));
  }

  static Result run(long seed, SimConfig config) {
    Simulator sim = new Simulator(seed, config.voters(), config.observers());
    Random r = sim.random;
    List<String> violations = new ArrayList<>();
    try {
      drive(sim, config, r, violations);
    } catch (RuntimeException e) {
      violations.add("exception at tick " + sim.now + ": " + e);
    }
    if (violations.isEmpty()) {
      violations.addAll(sim.checkAll());
    }
    sim.stats.put(
        "maybe", sim.recorder.ops.stream().filter(o -> o.isWrite() && !o.completed()).count());
    sim.stats.put(
        "acked", sim.recorder.ops.stream().filter(o -> o.isWrite() && o.completed()).count());
    return new Result(
        seed,
        violations,
        sim.committed().size(),
        sim.recorder.ops.size(),
        sim.stats,
        sim.traceText());
  }

  private static void drive(Simulator sim, SimConfig config, Random r, List<String> violations) {
    int n = config.voters() + config.observers();
    for (int i = 0; i < config.clients(); i++) {
      sim.addClient(1 + r.nextInt(n));
    }
    Map<Integer, Integer> opsLeft = new HashMap<>();
    sim.clientBehaviour = c -> clientStep(sim, c, r, opsLeft, config, n);
    if (config.faults()) {
      sim.honourDisconnect = r.nextInt(4) != 0;
      sim.net.quorumLoss = r.nextDouble() * 0.004;
      sim.net.electionLoss = r.nextDouble() * 0.3;
      sim.net.electionDuplication = r.nextDouble() * 0.2;
      sim.net.delayTicksMax = 1 + r.nextInt(3);
      for (Simulator.Member m : sim.members.values()) {
        m.flushEveryTicks = new int[] {1, 1, 1, 2, 4, 9}[r.nextInt(6)];
      }
    }
    sim.startAll();
    Map<Integer, Long> restartAt = new HashMap<>();
    long healAt = -1;
    double crashRate = config.faults() ? 0.004 + r.nextDouble() * 0.01 : 0;
    double partitionRate = config.faults() ? r.nextDouble() * 0.01 : 0;
    double powerFailureRate = config.faults() ? r.nextDouble() * 0.006 : 0;
    for (int t = 0; t < config.faultTicks(); t++) {
      if (r.nextDouble() < crashRate) {
        int id = 1 + r.nextInt(n);
        sim.crash(id);
        restartAt.put(id, sim.now + 1 + r.nextInt(60));
      }
      if (r.nextDouble() < powerFailureRate) {
        // Correlated failure: several members (possibly all) lose power in the same tick.
        for (int id = 1; id <= n; id++) {
          if (r.nextDouble() < 0.7) {
            sim.crash(id);
            restartAt.put(id, sim.now + 1 + r.nextInt(40));
          }
        }
        sim.trace("power failure");
      }
      for (Map.Entry<Integer, Long> e : new ArrayList<>(restartAt.entrySet())) {
        if (e.getValue() <= sim.now) {
          sim.start(e.getKey());
          restartAt.remove(e.getKey());
        }
      }
      if (healAt < 0 && r.nextDouble() < partitionRate) {
        partition(sim, r, n);
        healAt = sim.now + 10 + r.nextInt(80);
      } else if (healAt >= 0 && sim.now >= healAt) {
        sim.net.healAll();
        healAt = -1;
      }
      if (config.faults() && r.nextDouble() < 0.01) {
        Simulator.Member m = sim.member(1 + r.nextInt(n));
        m.store.compact();
      }
      sim.tick();
    }
    // Quiet phase: heal, restart everyone, normal disks; clients stop issuing.
    sim.net.quiet();
    for (Simulator.Member m : sim.members.values()) {
      m.flushEveryTicks = 1;
    }
    sim.startAll();
    opsLeft.replaceAll((k, v) -> 0);
    sim.clientBehaviour = c -> {};
    Simulator.Client probe = sim.addClient(1);
    long start = sim.now;
    boolean live =
        sim.runUntil(
            () -> {
              Simulator.Member l = sim.leader();
              if (l == null) {
                return false;
              }
              if (probe.pending == null && probeDone(sim, probe)) {
                return true;
              }
              if (probe.pending == null) {
                probe.member = l.id;
                sim.write(probe, ClientOp.Kind.SET, "/probe", 1, -1);
              }
              return false;
            },
            SimConfig.LIVENESS_TICKS);
    if (!live) {
      violations.add(
          "liveness: no leader committed a write within "
              + SimConfig.LIVENESS_TICKS
              + " quiet ticks (from tick "
              + start
              + ")");
      return;
    }
    if (!sim.runUntil(sim::allServingAndEqual, SimConfig.CATCH_UP_TICKS)) {
      violations.add(
          "liveness: members did not all catch up within " + SimConfig.CATCH_UP_TICKS + " ticks");
      return;
    }
    sim.runTicks(SimConfig.CLIENT_TIMEOUT_TICKS + 1); // let pending clients time out
  }

  private static boolean probeDone(Simulator sim, Simulator.Client probe) {
    for (ClientOp op : sim.recorder.ops) {
      if (op.client == probe.id && op.completed()) {
        return true;
      }
    }
    return false;
  }

  private static void partition(Simulator sim, Random r, int n) {
    if (r.nextBoolean()) {
      boolean[] side = new boolean[n + 1];
      for (int i = 1; i <= n; i++) {
        side[i] = r.nextBoolean();
      }
      for (int a = 1; a <= n; a++) {
        for (int b = 1; b <= n; b++) {
          if (side[a] != side[b]) {
            sim.net.block(a, b);
          }
        }
      }
      sim.trace("symmetric partition");
    } else {
      int pairs = 1 + r.nextInt(n);
      for (int i = 0; i < pairs; i++) {
        int a = 1 + r.nextInt(n);
        int b = 1 + r.nextInt(n);
        if (a != b) {
          sim.net.block(a, b);
        }
      }
      sim.trace("asymmetric partition");
    }
  }

  private static void clientStep(
      Simulator sim,
      Simulator.Client c,
      Random r,
      Map<Integer, Integer> opsLeft,
      SimConfig config,
      int n) {
    int left = opsLeft.computeIfAbsent(c.id, k -> config.opsPerClient());
    if (left <= 0 || r.nextDouble() > 0.3) {
      return;
    }
    if (!sim.member(c.member).alive() || r.nextDouble() < 0.02) {
      c.member = 1 + r.nextInt(n);
    }
    String key = SimConfig.KEYS[r.nextInt(SimConfig.KEYS.length)];
    int value = c.id * 10_000 + c.nextOp;
    double kind = r.nextDouble();
    ClientOp op;
    if (kind < 0.3) {
      op = sim.read(c, key);
    } else if (kind < 0.5) {
      op = sim.write(c, ClientOp.Kind.CREATE, key, value, -1);
    } else if (kind < 0.75) {
      op = sim.write(c, ClientOp.Kind.SET, key, value, -1);
    } else {
      op = sim.write(c, ClientOp.Kind.CAS, key, value, r.nextInt(4));
    }
    if (op != null) {
      opsLeft.put(c.id, left - 1);
    }
  }
}
