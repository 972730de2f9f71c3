package io.paddock.server.zab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The full checker set over a simulator's recorded run and its members' final state. */
final class SimChecks {

  private SimChecks() {}

  static List<String> run(Simulator sim) {
    List<String> out = new ArrayList<>(sim.recorder.violations);
    out.addAll(ZabSafetyChecker.check(sim.recorder));
    out.addAll(LeadershipChecker.check(sim.recorder));
    TreeMap<Long, byte[]> committed = sim.committed();
    Map<Integer, Long> finalApplied = new LinkedHashMap<>();
    Map<Integer, DigestChecker.Replica> replicas = new LinkedHashMap<>();
    Map<Integer, List<Long>> logs = new LinkedHashMap<>();
    Map<Integer, Long> bases = new LinkedHashMap<>();
    for (Simulator.Member m : sim.members.values()) {
      finalApplied.put(m.id, m.store.lastAppliedZxid());
      logs.put(m.id, m.store.loggedZxids());
      bases.put(m.id, m.store.baseZxid());
      replicas.put(
          m.id, new DigestChecker.Replica(m.store.lastAppliedZxid(), m.store.tree().digest()));
    }
    out.addAll(DurabilityChecker.check(sim.recorder.ops, committed, finalApplied));
    out.addAll(ClientHistoryChecker.check(sim.recorder.ops, committed));
    out.addAll(DigestChecker.check(replicas));
    out.addAll(LogOrderChecker.check(logs, bases));
    return out;
  }
}
