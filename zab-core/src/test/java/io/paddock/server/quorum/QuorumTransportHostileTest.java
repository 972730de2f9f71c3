package io.paddock.server.quorum;

import static io.paddock.server.quorum.TransportCluster.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.quorum.QuorumTransport.PeerAddress;
import io.paddock.server.quorum.RecordingInbound.Connected;
import io.paddock.server.quorum.RecordingInbound.Disconnected;
import io.paddock.server.quorum.RecordingInbound.Received;
import io.paddock.server.zab.ZabMessage.Ack;
import io.paddock.server.zab.ZabMessage.Commit;
import io.paddock.server.zab.ZabMessage.Proposal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Misbehaving peers, played by hand over plain sockets as member {@link #RAW_ID} (configured, with
 * the highest id, so it is the one that dials): refused handshakes, hostile and undecodable frames,
 * a peer that stops reading, a silent connection, and a member that connects twice.
 */
class QuorumTransportHostileTest {
  private static final long RAW_ID = 9;
  private static final int SMALL_QUEUE_BYTES = 1024 * 1024;
  private static final int LARGE_TXN_BYTES = 256 * 1024;
  private static final int OVERFLOW_SENDS_MAX = 2_000;
  private static final int HANDSHAKE_TIMEOUT_MS = 300;
  private static final Duration STAYS_OPEN = Duration.ofMillis(500);

  private ServerSocket rawQuorumSocket;
  private ServerSocket rawElectionSocket;
  private TransportCluster cluster;

  @BeforeEach
  void openRawMemberPorts() throws IOException {
    // The raw member's listening ports: never accepted on, they only make its address real.
    rawQuorumSocket = new ServerSocket(0);
    rawElectionSocket = new ServerSocket(0);
  }

  @AfterEach
  void closeAll() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    rawQuorumSocket.close();
    rawElectionSocket.close();
  }

  private void startPair(QuorumTransportSettings settings) {
    cluster = TransportCluster.bind(settings, 1, 2);
    cluster.addMember(
        RAW_ID,
        new PeerAddress(
            new InetSocketAddress("127.0.0.1", rawQuorumSocket.getLocalPort()),
            new InetSocketAddress("127.0.0.1", rawElectionSocket.getLocalPort())));
    cluster.connectAll();
    cluster.awaitFullyConnected();
  }

  private int quorumPortOf(long id) {
    return cluster.transport(id).quorumPort();
  }

  @Test
  void badHandshakesAreRefusedAndCloseOnlyThatConnection() throws IOException {
    startPair(QuorumTransportSettings.defaults());
    int quorumPort = quorumPortOf(1);
    int electionPort = cluster.transport(1).electionPort();
    try (RawPeer unknown = RawPeer.connect(quorumPort);
        RawPeer badMagic = RawPeer.connect(quorumPort);
        RawPeer badVersion = RawPeer.connect(quorumPort);
        RawPeer electionMagic = RawPeer.connect(quorumPort);
        RawPeer hugeHandshake = RawPeer.connect(quorumPort);
        RawPeer unknownOnElection = RawPeer.connect(electionPort)) {
      unknown.sendHandshake(Handshake.QUORUM_MAGIC, Handshake.VERSION, 77);
      badMagic.sendHandshake(0xdeadbeef, Handshake.VERSION, RAW_ID);
      badVersion.sendHandshake(Handshake.QUORUM_MAGIC, Handshake.VERSION + 1, RAW_ID);
      electionMagic.sendHandshake(Handshake.ELECTION_MAGIC, Handshake.VERSION, RAW_ID);
      hugeHandshake.sendLength(Integer.MAX_VALUE);
      unknownOnElection.sendHandshake(Handshake.ELECTION_MAGIC, Handshake.VERSION, 77);
      for (RawPeer refused :
          List.of(unknown, badMagic, badVersion, electionMagic, hugeHandshake, unknownOnElection)) {
        assertTrue(refused.closedByOtherSide(WAIT), "the transport closes a bad handshake");
      }
    }
    // A configured member with a LOWER id must not dial: member 2 accepts only from higher ids.
    try (RawPeer lowerId = RawPeer.connect(quorumPortOf(2))) {
      lowerId.sendHandshake(Handshake.QUORUM_MAGIC, Handshake.VERSION, 1);
      assertTrue(lowerId.closedByOtherSide(WAIT), "a lower id dialing is refused");
    }
    assertPairStillTalks();
    assertTrue(cluster.inbound(1).eventsOf(RAW_ID).isEmpty(), "nothing reported for refusals");
  }

  @Test
  void aHostileFrameLengthClosesThatConnectionOnlyAndIsReported() throws IOException {
    startPair(QuorumTransportSettings.defaults());
    try (RawPeer raw = RawPeer.connect(quorumPortOf(1))) {
      assertEquals(1, raw.quorumHandshake(RAW_ID));
      await().atMost(WAIT).until(() -> cluster.transport(1).connectedPeers().contains(RAW_ID));
      raw.sendMessage(new Ack(5));
      raw.sendLength(Integer.MAX_VALUE);
      assertTrue(raw.closedByOtherSide(WAIT));
    }
    RecordingInbound one = cluster.inbound(1);
    await().atMost(WAIT).until(() -> one.disconnectsOf(RAW_ID) == 1);
    assertEquals(
        List.of(new Connected(RAW_ID), new Received(RAW_ID, new Ack(5)), new Disconnected(RAW_ID)),
        one.eventsOf(RAW_ID));
    assertPairStillTalks();
  }

  @Test
  void anUndecodableFrameClosesThatConnectionAndIsReported() throws IOException {
    startPair(QuorumTransportSettings.defaults());
    try (RawPeer raw = RawPeer.connect(quorumPortOf(1))) {
      raw.quorumHandshake(RAW_ID);
      await().atMost(WAIT).until(() -> cluster.transport(1).connectedPeers().contains(RAW_ID));
      raw.sendFrame(new byte[] {0, 0, 0x7f, 0x7f, 1, 2, 3}); // unknown type code
      assertTrue(raw.closedByOtherSide(WAIT));
    }
    await().atMost(WAIT).until(() -> cluster.inbound(1).disconnectsOf(RAW_ID) == 1);
    assertEquals(
        List.of(new Connected(RAW_ID), new Disconnected(RAW_ID)),
        cluster.inbound(1).eventsOf(RAW_ID));
    assertPairStillTalks();
  }

  @Test
  void anOverflowingOutboundQueueClosesTheConnectionAndIsReported() throws IOException {
    startPair(QuorumTransportSettings.defaults().withOutboundQueueBytesMax(SMALL_QUEUE_BYTES));
    QuorumTransport one = cluster.transport(1);
    try (RawPeer raw = RawPeer.connect(quorumPortOf(1))) {
      raw.quorumHandshake(RAW_ID);
      await().atMost(WAIT).until(() -> one.connectedPeers().contains(RAW_ID));
      // The raw member never reads: socket buffers fill, then the transport's queue.
      RecordingInbound inbound = cluster.inbound(1);
      int sends = 0;
      while (inbound.disconnectsOf(RAW_ID) == 0 && sends < OVERFLOW_SENDS_MAX) {
        one.send(RAW_ID, new Proposal(sends, new byte[LARGE_TXN_BYTES]));
        sends++;
      }
      await().atMost(WAIT).until(() -> inbound.disconnectsOf(RAW_ID) == 1);
      one.send(RAW_ID, new Commit(1)); // dropped: no connection, and must not throw
      one.flush();
      assertFalse(one.connectedPeers().contains(RAW_ID));
      assertTrue(raw.closedByOtherSide(WAIT), "the raw member sees the connection end");
    }
    assertEquals(1, cluster.inbound(1).disconnectsOf(RAW_ID));
    assertPairStillTalks();
  }

  @Test
  void aConnectionThatNeverCompletesItsHandshakeIsClosed() throws IOException {
    startPair(QuorumTransportSettings.defaults().withHandshakeTimeoutMs(HANDSHAKE_TIMEOUT_MS));
    try (RawPeer silent = RawPeer.connect(quorumPortOf(1));
        RawPeer silentElection = RawPeer.connect(cluster.transport(1).electionPort())) {
      assertTrue(silent.closedByOtherSide(WAIT));
      assertTrue(silentElection.closedByOtherSide(WAIT));
    }
    assertTrue(cluster.inbound(1).eventsOf(RAW_ID).isEmpty());
  }

  @Test
  void aNewConnectionFromAConnectedMemberReplacesTheOldOneWhichIsReportedFirst()
      throws IOException {
    startPair(QuorumTransportSettings.defaults());
    RecordingInbound one = cluster.inbound(1);
    try (RawPeer first = RawPeer.connect(quorumPortOf(1));
        RawPeer second = RawPeer.connect(quorumPortOf(1))) {
      first.quorumHandshake(RAW_ID);
      first.sendMessage(new Ack(1));
      await().atMost(WAIT).until(() -> one.messagesFrom(RAW_ID).size() == 1);
      second.quorumHandshake(RAW_ID);
      second.sendMessage(new Ack(2));
      assertTrue(first.closedByOtherSide(WAIT), "the old connection is closed");
      await().atMost(WAIT).until(() -> one.messagesFrom(RAW_ID).size() == 2);
      assertEquals(
          List.of(
              new Connected(RAW_ID),
              new Received(RAW_ID, new Ack(1)),
              new Disconnected(RAW_ID),
              new Connected(RAW_ID),
              new Received(RAW_ID, new Ack(2))),
          one.eventsOf(RAW_ID));
      cluster.transport(1).send(RAW_ID, new Commit(3));
      assertEquals(new Commit(3), second.readMessage(WAIT), "sends go to the new connection");
      await("the new connection stays up")
          .during(STAYS_OPEN)
          .atMost(WAIT)
          .until(() -> cluster.transport(1).connectedPeers().contains(RAW_ID));
    }
  }

  @Test
  void anElectionFrameThatIsNotANotificationClosesOnlyThatElectionConnection() throws IOException {
    startPair(QuorumTransportSettings.defaults());
    try (RawPeer raw = RawPeer.connect(cluster.transport(1).electionPort())) {
      raw.sendHandshake(Handshake.ELECTION_MAGIC, Handshake.VERSION, RAW_ID);
      raw.sendMessage(new Commit(1));
      assertTrue(raw.closedByOtherSide(WAIT));
    }
    assertTrue(cluster.inbound(1).eventsOf(RAW_ID).isEmpty(), "election losses are not reported");
    assertPairStillTalks();
  }

  /** Members 1 and 2 still exchange messages and never lost their connection. */
  private void assertPairStillTalks() {
    int before1 = cluster.inbound(1).quorumMessagesFrom(2).size();
    int before2 = cluster.inbound(2).quorumMessagesFrom(1).size();
    cluster.transport(1).send(2, new Commit(1000));
    cluster.transport(2).send(1, new Commit(2000));
    await().atMost(WAIT).until(() -> cluster.inbound(2).quorumMessagesFrom(1).size() > before2);
    await().atMost(WAIT).until(() -> cluster.inbound(1).quorumMessagesFrom(2).size() > before1);
    assertEquals(0, cluster.inbound(1).disconnectsOf(2));
    assertEquals(0, cluster.inbound(2).disconnectsOf(1));
    assertEquals(Set.of(2L), Set.copyOf(withoutRaw(cluster.transport(1).connectedPeers())));
  }

  private static Set<Long> withoutRaw(Set<Long> peers) {
    return peers.stream().filter(p -> p != RAW_ID).collect(java.util.stream.Collectors.toSet());
  }
}
