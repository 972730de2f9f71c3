package io.paddock.server.core;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code mntr} metrics: ZooKeeper's keys first (PROTOCOL 11), then Paddock's own ({@code
 * zk_paddock_*}). File descriptor counts appear only where the JVM reports them (Unix), as in
 * ZooKeeper.
 */
final class Metrics {
  private final CoreState state;

  Metrics(CoreState state) {
    this.state = state;
  }

  List<Map.Entry<String, Object>> list(String serverState) {
    List<Map.Entry<String, Object>> out = new ArrayList<>();
    ServerStats s = state.stats;
    add(out, "version", ServerVersion.full());
    add(out, "server_state", serverState);
    add(out, "avg_latency", s.avgLatencyMs());
    add(out, "max_latency", s.maxLatencyMs());
    add(out, "min_latency", s.minLatencyMs());
    add(out, "packets_received", s.packetsReceived());
    add(out, "packets_sent", s.packetsSent());
    add(out, "num_alive_connections", state.connections().size());
    add(out, "outstanding_requests", s.outstanding.get());
    add(out, "znode_count", state.tree.nodeCount() + 1);
    add(out, "watch_count", state.watches.watchCount());
    add(out, "ephemerals_count", ephemeralsCount());
    add(out, "approximate_data_size", state.approximateDataSize());
    addFileDescriptors(out);
    add(out, "uptime", state.clock.monotonicMs() - state.startedMonotonicMs);
    add(out, "global_sessions", state.sessions.size());
    add(out, "local_sessions", 0);
    add(out, "paddock_last_processed_zxid", state.lastProcessedZxid());
    add(out, "paddock_group_commits", s.commits());
    add(out, "paddock_committed_txns", s.committedTxns());
    if (state.peerStatus != null) {
      addEnsemble(out, state.peerStatus.get());
    }
    return out;
  }

  /** The keys ZooKeeper adds for a quorum member (its leader adds the learner counts). */
  private static void addEnsemble(
      List<Map.Entry<String, Object>> out, io.paddock.server.zab.PeerStatus p) {
    add(
        out,
        "peer_state",
        p.state().name().toLowerCase(java.util.Locale.ROOT)
            + " - "
            + p.phase().name().toLowerCase(java.util.Locale.ROOT));
    add(out, "paddock_current_epoch", p.currentEpoch());
    add(out, "paddock_leader_id", p.leaderId());
    if (p.state() == io.paddock.server.zab.ServerState.LEADING) {
      add(out, "learners", p.learners());
      add(out, "synced_followers", p.syncedFollowers());
      add(out, "synced_non_voting_followers", 0);
      add(out, "synced_observers", p.syncedObservers());
      add(out, "pending_syncs", p.pendingSyncs());
      add(out, "paddock_outstanding_proposals", p.outstandingProposals());
    }
  }

  private int ephemeralsCount() {
    int count = 0;
    for (long sid : state.tree.sessions().keySet()) {
      count += state.tree.getEphemerals(sid, null).size();
    }
    return count;
  }

  private static void addFileDescriptors(List<Map.Entry<String, Object>> out) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      add(out, "open_file_descriptor_count", unix.getOpenFileDescriptorCount());
      add(out, "max_file_descriptor_count", unix.getMaxFileDescriptorCount());
    }
  }

  private static void add(List<Map.Entry<String, Object>> out, String key, Object value) {
    out.add(new SimpleImmutableEntry<>(key, value));
  }
}
