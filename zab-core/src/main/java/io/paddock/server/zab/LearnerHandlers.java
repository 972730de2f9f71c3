package io.paddock.server.zab;

import io.paddock.server.zab.LearnerHandler.Stage;
import io.paddock.server.zab.ZabMessage.Ping;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leader's connected learners by server id, with their liveness: pings out, silent learners
 * dropped (syncTicks once synced, initTicks before), and the figures for {@link PeerStatus}.
 */
final class LearnerHandlers {

  private final Map<Long, LearnerHandler> byId = new LinkedHashMap<>();
  private final ZabTransport transport;
  private final PeerTiming timing;

  LearnerHandlers(ZabTransport transport, PeerTiming timing) {
    this.transport = transport;
    this.timing = timing;
  }

  LearnerHandler get(long id) {
    return byId.get(id);
  }

  void put(LearnerHandler h) {
    byId.put(h.id, h);
  }

  void remove(long id) {
    byId.remove(id);
  }

  Collection<LearnerHandler> all() {
    return byId.values();
  }

  /** Pings every learner past FOLLOWERINFO. */
  void pingAll() {
    Ping ping = new Ping(List.of());
    for (LearnerHandler h : byId.values()) {
      if (h.stage != Stage.INFO_RECEIVED) {
        transport.send(h.id, ping);
      }
    }
  }

  /**
   * A tick passes: drops (and disconnects) learners silent for too long.
   *
   * @return the synced learners still heard from
   */
  Set<Long> expireSilent() {
    Set<Long> alive = new HashSet<>();
    for (LearnerHandler h : List.copyOf(byId.values())) {
      h.silentTicks++;
      int limit = h.synced() ? timing.syncTicks() : timing.initTicks();
      if (h.silentTicks > limit) {
        byId.remove(h.id);
        transport.disconnect(h.id);
      } else if (h.synced()) {
        alive.add(h.id);
      }
    }
    return alive;
  }

  /** Drops every learner and its connection. */
  void dropAll() {
    for (long id : byId.keySet()) {
      transport.disconnect(id);
    }
    byId.clear();
  }

  int count() {
    return byId.size();
  }

  int inBroadcast(boolean observers) {
    return (int)
        byId.values().stream()
            .filter(h -> h.observer == observers && h.stage == Stage.BROADCAST)
            .count();
  }

  int syncing() {
    return (int) byId.values().stream().filter(h -> h.stage != Stage.BROADCAST).count();
  }
}
