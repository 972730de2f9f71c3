package io.paddock.server.quorum;

import static org.awaitility.Awaitility.await;

import io.paddock.server.quorum.QuorumTransport.PeerAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Several {@link QuorumTransport}s on 127.0.0.1 with free ports, each with a {@link
 * RecordingInbound}; members can be closed and restarted on the same ports. Extra member ids can be
 * configured for raw peers that play a member by hand.
 */
final class TransportCluster implements AutoCloseable {
  /** Generous: the machine is shared and the CPU may be loaded. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private static final String LOOPBACK = "127.0.0.1";

  private final QuorumTransportSettings settings;
  private final Map<Long, PeerAddress> addresses = new TreeMap<>();
  private final Map<Long, QuorumTransport> transports = new TreeMap<>();
  private final Map<Long, RecordingInbound> inbounds = new HashMap<>();

  TransportCluster(QuorumTransportSettings settings) {
    this.settings = settings;
  }

  /** Binds a transport for each id (not yet connected). */
  static TransportCluster bind(QuorumTransportSettings settings, long... ids) {
    TransportCluster cluster = new TransportCluster(settings);
    for (long id : ids) {
      cluster.start(id, new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, 0));
    }
    return cluster;
  }

  /** Configures an extra member that no transport here plays (a raw peer, or a dead member). */
  void addMember(long id, PeerAddress address) {
    addresses.put(id, address);
  }

  /** Calls {@code connectTo} on member {@code id} with every other configured member. */
  void connect(long id) {
    Map<Long, PeerAddress> peers = new LinkedHashMap<>(addresses);
    peers.remove(id);
    transport(id).connectTo(peers);
  }

  /** Connects every member, in id order. */
  void connectAll() {
    for (long id : transports.keySet()) {
      connect(id);
    }
  }

  /** Closes member {@code id}'s transport. */
  void stop(long id) {
    transports.remove(id).close();
  }

  /** Binds member {@code id} again on its old ports, with a fresh recorder, and connects it. */
  void restart(long id) {
    PeerAddress old = addresses.get(id);
    start(id, old.quorum(), old.election());
    connect(id);
  }

  QuorumTransport transport(long id) {
    QuorumTransport t = transports.get(id);
    if (t == null) {
      throw new IllegalStateException("member " + id + " is not running");
    }
    return t;
  }

  RecordingInbound inbound(long id) {
    return inbounds.get(id);
  }

  /** Waits until every running member has a quorum connection to every other running member. */
  void awaitFullyConnected() {
    for (long id : transports.keySet()) {
      Set<Long> others = new TreeSet<>(transports.keySet());
      others.remove(id);
      QuorumTransport t = transports.get(id);
      await("member " + id + " connected to " + others)
          .atMost(WAIT)
          .until(() -> t.connectedPeers().containsAll(others));
    }
  }

  private void start(long id, InetSocketAddress quorum, InetSocketAddress election) {
    RecordingInbound inbound = new RecordingInbound();
    QuorumTransport t = QuorumTransport.bind(id, quorum, election, inbound, settings);
    transports.put(id, t);
    inbounds.put(id, inbound);
    addresses.put(
        id,
        new PeerAddress(
            new InetSocketAddress(LOOPBACK, t.quorumPort()),
            new InetSocketAddress(LOOPBACK, t.electionPort())));
  }

  @Override
  public void close() {
    for (QuorumTransport t : transports.values()) {
      t.close();
    }
    transports.clear();
  }
}
