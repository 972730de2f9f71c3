package io.paddock.server.zab.sim;

import io.paddock.server.zab.ZabMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * The simulated network: per pair of members one FIFO quorum connection (a lost message breaks it,
 * both sides are told, and whatever was in flight is gone), and a lossy election channel that
 * drops, duplicates and reorders notifications. Partitions block ordered pairs, so they can be
 * asymmetric. Delays come from the run's one seeded random source.
 */
final class SimNetwork {

  /** Something the network hands to a member at a tick. */
  sealed interface Event permits Delivery, Disconnect {}

  /** Message {@code message} from {@code from} arrives at {@code to}. */
  record Delivery(int to, int from, ZabMessage message, long connection) implements Event {}

  /** Member {@code at} learns its connection to {@code peer} is gone. */
  record Disconnect(int at, int peer) implements Event {}

  private record Timed(long tick, long seq, Event event) {}

  private final Random random;
  private final PriorityQueue<Timed> queue =
      new PriorityQueue<>(
          (a, b) -> a.tick != b.tick ? Long.compare(a.tick, b.tick) : Long.compare(a.seq, b.seq));
  private final Map<Long, Long> connection = new HashMap<>();
  private final Map<Long, Long> lastArrival = new HashMap<>();
  private final Set<Long> blocked = new HashSet<>();
  private long seq;
  private long now;
  int delayTicksMax = 2;
  double quorumLoss;
  double electionLoss;
  double electionDuplication;

  SimNetwork(Random random) {
    this.random = random;
  }

  void setNow(long tick) {
    now = tick;
  }

  private static long pair(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  private static long ordered(int from, int to) {
    return ((long) from << 32) | to;
  }

  void block(int from, int to) {
    blocked.add(ordered(from, to));
  }

  void healAll() {
    blocked.clear();
  }

  boolean isBlocked(int from, int to) {
    return blocked.contains(ordered(from, to));
  }

  void quiet() {
    healAll();
    quorumLoss = 0;
    electionLoss = 0;
    electionDuplication = 0;
  }

  private int delay() {
    return 1 + random.nextInt(delayTicksMax);
  }

  void send(int from, int to, ZabMessage m) {
    if (m instanceof ZabMessage.Notification) {
      if (isBlocked(from, to) || random.nextDouble() < electionLoss) {
        return;
      }
      schedule(now + delay(), new Delivery(to, from, m, -1));
      if (random.nextDouble() < electionDuplication) {
        schedule(now + delay(), new Delivery(to, from, m, -1));
      }
      return;
    }
    if (isBlocked(from, to) || random.nextDouble() < quorumLoss) {
      breakConnection(from, to, true);
      return;
    }
    long key = ordered(from, to);
    long at = Math.max(now + delay(), lastArrival.getOrDefault(key, 0L));
    lastArrival.put(key, at);
    schedule(at, new Delivery(to, from, m, connection.getOrDefault(pair(from, to), 0L)));
  }

  /** Breaks the connection between a and b; b is told, and a too if {@code tellBoth}. */
  void breakConnection(int a, int b, boolean tellBoth) {
    connection.merge(pair(a, b), 1L, Long::sum);
    schedule(now + 1, new Disconnect(b, a));
    if (tellBoth) {
      schedule(now + 1, new Disconnect(a, b));
    }
  }

  /** True if a delivery still belongs to the live connection. */
  boolean current(Delivery d) {
    return d.connection() < 0
        || d.connection() == connection.getOrDefault(pair(d.to(), d.from()), 0L);
  }

  private void schedule(long tick, Event e) {
    queue.add(new Timed(tick, seq++, e));
  }

  /** The next event due at or before {@code tick}, or null. */
  Event poll(long tick) {
    Timed t = queue.peek();
    if (t == null || t.tick > tick) {
      return null;
    }
    return queue.poll().event;
  }
}
