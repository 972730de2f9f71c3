package io.paddock.server.zab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.zab.ZabMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Helpers for scripted (non-random) scenarios over a {@link Simulator}: wait for a leader, write
 * through a member, isolate and heal, crash at a message, and finish with healing and the full
 * checker set.
 */
final class Script {

  /** Generous bounds: a scenario that needs more is a liveness failure. */
  static final int WAIT_TICKS = 800;

  final Simulator sim;

  Script(long seed, int voters, int observers) {
    this.sim = new Simulator(seed, voters, observers);
  }

  Simulator.Member awaitLeader() {
    assertTrue(
        sim.runUntil(() -> sim.leader() != null, WAIT_TICKS),
        () -> "no leader\n" + sim.traceText());
    return sim.leader();
  }

  /** Waits until every member serves and has applied what the leader has. */
  void awaitConverged() {
    assertTrue(
        sim.runUntil(sim::allServingAndEqual, WAIT_TICKS),
        () -> "not converged\n" + sim.traceText());
  }

  /** A SET through {@code member} (which must serve); does not wait for the reply. */
  ClientOp writeAt(int member, String key, int value) {
    Simulator.Client c = sim.addClient(member);
    ClientOp op = sim.write(c, ClientOp.Kind.SET, key, value, -1);
    assertNotNull(op, () -> "member " + member + " did not take the write\n" + sim.traceText());
    return op;
  }

  /** A create through {@code member}, waiting for its reply. */
  ClientOp createAndWait(int member, String key, int value) {
    Simulator.Client c = sim.addClient(member);
    ClientOp op = sim.write(c, ClientOp.Kind.CREATE, key, value, -1);
    assertNotNull(op, () -> "member " + member + " did not take the write\n" + sim.traceText());
    assertTrue(
        sim.runUntil(op::completed, WAIT_TICKS),
        () -> "no reply for " + op + "\n" + sim.traceText());
    return op;
  }

  /** Some acknowledged writes through the current leader. */
  List<ClientOp> commitSome(int count, String prefix) {
    List<ClientOp> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(createAndWait(awaitLeader().id, prefix + i, i));
    }
    return out;
  }

  void isolate(int id) {
    for (int other : sim.members.keySet()) {
      if (other != id) {
        sim.net.block(id, other);
        sim.net.block(other, id);
      }
    }
  }

  void crashAll() {
    for (int id : sim.members.keySet()) {
      sim.crash(id, false);
    }
  }

  /** Crash member {@code id} when a message matching {@code match} arrives, before handling it. */
  void crashBefore(int id, Predicate<ZabMessage> match) {
    sim.beforeDelivery =
        d -> {
          if (d.to() == id && match.test(d.message())) {
            sim.crash(id, false);
            sim.beforeDelivery = x -> {};
          }
        };
  }

  /** Crash member {@code id} right after it handled a message matching {@code match}. */
  void crashAfter(int id, Predicate<ZabMessage> match) {
    sim.afterDelivery =
        d -> {
          if (d.to() == id && match.test(d.message())) {
            sim.crash(id, false);
            sim.afterDelivery = x -> {};
          }
        };
  }

  /** Heal, restart everyone, converge, commit one more write, and run every checker. */
  void finishAndCheck() {
    sim.beforeDelivery = d -> {};
    sim.afterDelivery = d -> {};
    sim.net.quiet();
    sim.startAll();
    for (Simulator.Member m : sim.members.values()) {
      m.autoFlush = true;
      m.flushEveryTicks = 1;
    }
    awaitLeader();
    createAndWait(awaitLeader().id, "/final", 1);
    awaitConverged();
    sim.runTicks(SimConfig.CLIENT_TIMEOUT_TICKS + 1);
    List<String> violations = sim.checkAll();
    assertEquals(List.of(), violations, () -> "seed=" + sim.seed + "\n" + sim.traceText());
  }

  boolean committed(long zxid) {
    return sim.committed().containsKey(zxid);
  }

  /** The syncs learners reported, as "member:KIND", in order. */
  List<String> syncs() {
    return sim.syncLog;
  }
}
