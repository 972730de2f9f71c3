package io.paddock.server.quorum;

import static io.paddock.server.quorum.TransportCluster.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.quorum.QuorumTransport.PeerAddress;
import io.paddock.server.zab.ServerState;
import io.paddock.server.zab.Vote;
import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabMessage.Commit;
import io.paddock.server.zab.ZabMessage.Notification;
import io.paddock.server.zab.ZabMessage.Proposal;
import io.paddock.server.zab.ZabMessageCodec;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three transports on 127.0.0.1 talking to each other: delivery, order, reconnection, isolation.
 */
class QuorumTransportTest {
  private static final long SAMPLE_SEED = 0x5eed_4a7eL;
  private static final int SAMPLES_PER_KIND = 4;
  private static final int FIFO_MESSAGES_PER_PAIR = 10_000;
  private static final int FIFO_FLUSH_EVERY = 100;
  private static final int LARGE_TXN_BYTES = 24 * 1024 * 1024;

  private TransportCluster cluster;

  @AfterEach
  void closeCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private TransportCluster connectedTrio() {
    cluster = TransportCluster.bind(QuorumTransportSettings.defaults(), 1, 2, 3);
    cluster.connectAll();
    cluster.awaitFullyConnected();
    return cluster;
  }

  @Test
  void everyMessageKindRoundTripsBothWaysOnBothChannels() {
    connectedTrio();
    List<ZabMessage> samples = MessageSamples.everyKind(SAMPLE_SEED, SAMPLES_PER_KIND);
    // 2 -> 1 and 3 -> 1 run over connections the sender dialed; 1 -> 2 over one it accepted.
    long[][] pairs = {{2, 1}, {1, 2}, {3, 1}};
    for (long[] pair : pairs) {
      for (ZabMessage m : samples) {
        cluster.transport(pair[0]).send(pair[1], m);
      }
      cluster.transport(pair[0]).flush();
    }
    for (long[] pair : pairs) {
      RecordingInbound to = cluster.inbound(pair[1]);
      await("all samples from " + pair[0] + " at " + pair[1] + " (seed " + SAMPLE_SEED + ")")
          .atMost(WAIT)
          .until(() -> to.messagesFrom(pair[0]).size() == samples.size());
      List<ZabMessage> received = to.messagesFrom(pair[0]);
      // Each channel keeps its own order; compare per channel, byte for byte through the codec.
      assertSameEncodings(
          quorumOnly(samples), quorumOnly(received), "quorum channel " + pair[0] + "->" + pair[1]);
      assertSameEncodings(
          electionOnly(samples),
          electionOnly(received),
          "election channel " + pair[0] + "->" + pair[1]);
      assertEquals(0, to.disconnectsOf(pair[0]));
    }
  }

  @Test
  void tenThousandMessagesPerPairArriveInOrderBothWays() throws Exception {
    connectedTrio();
    ExecutorService senders = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (long from = 1; from <= 3; from++) {
        long sender = from;
        done.add(senders.submit(() -> sendSequence(sender)));
      }
      for (Future<?> f : done) {
        f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      senders.shutdownNow();
    }
    for (long to = 1; to <= 3; to++) {
      for (long from = 1; from <= 3; from++) {
        if (from == to) {
          continue;
        }
        RecordingInbound inbound = cluster.inbound(to);
        long sender = from;
        await("messages from " + from + " at " + to)
            .atMost(WAIT)
            .until(() -> inbound.messagesFrom(sender).size() >= FIFO_MESSAGES_PER_PAIR);
        List<ZabMessage> got = inbound.messagesFrom(from);
        assertEquals(FIFO_MESSAGES_PER_PAIR, got.size(), "no duplicates from " + from);
        for (int i = 0; i < FIFO_MESSAGES_PER_PAIR; i++) {
          long seq = i;
          ZabMessage m = got.get(i);
          long zxid = m instanceof Proposal p ? p.zxid() : ((Commit) m).zxid();
          assertEquals(seq, zxid, "message " + i + " from " + from + " at " + to);
        }
        assertEquals(0, inbound.disconnectsOf(from));
      }
    }
    for (long id = 1; id <= 3; id++) {
      QuorumTransport t = cluster.transport(id);
      for (long peer = 1; peer <= 3; peer++) {
        long p = peer;
        if (peer != id) {
          await("queue to " + peer + " drains").atMost(WAIT).until(() -> t.queuedBytes(p) == 0);
        }
      }
    }
  }

  private void sendSequence(long from) {
    QuorumTransport t = cluster.transport(from);
    for (int i = 0; i < FIFO_MESSAGES_PER_PAIR; i++) {
      for (long to = 1; to <= 3; to++) {
        if (to != from) {
          // Alternate kinds and sizes, so frames of different lengths interleave.
          t.send(to, i % 2 == 0 ? new Commit(i) : new Proposal(i, new byte[i % 300]));
        }
      }
      if (i % FIFO_FLUSH_EVERY == 0) {
        t.flush();
      }
    }
  }

  @Test
  void aLargeFrameArrivesWholeAndAnOversizedMessageIsRefusedAtTheSender() {
    connectedTrio();
    byte[] txn = new byte[LARGE_TXN_BYTES];
    new java.util.Random(SAMPLE_SEED).nextBytes(txn);
    cluster.transport(3).send(1, new Proposal(7, txn));
    cluster.transport(3).flush();
    await().atMost(WAIT).until(() -> cluster.inbound(1).messagesFrom(3).size() == 1);
    assertEquals(new Proposal(7, txn), cluster.inbound(1).messagesFrom(3).get(0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            cluster.transport(3).send(1, new Proposal(8, new byte[QuorumLimits.FRAME_BYTES_MAX])));
    assertEquals(0, cluster.inbound(1).disconnectsOf(3), "a refused send leaves the connection up");
  }

  @ParameterizedTest(name = "connect order {0}")
  @ValueSource(strings = {"123", "321", "213"})
  void exactlyOneQuorumConnectionPerPairWhoeverStartsFirst(String order) {
    cluster = TransportCluster.bind(QuorumTransportSettings.defaults(), 1, 2, 3);
    for (char c : order.toCharArray()) {
      cluster.connect(c - '0');
    }
    cluster.awaitFullyConnected();
    for (long id = 1; id <= 3; id++) {
      QuorumTransport t = cluster.transport(id);
      await("member " + id + " holds exactly two quorum connections")
          .during(Duration.ofMillis(300))
          .atMost(WAIT)
          .until(() -> t.openQuorumChannelCount() == 2);
      for (long other = 1; other <= 3; other++) {
        if (other != id) {
          RecordingInbound inbound = cluster.inbound(id);
          assertEquals(1, inbound.connectsOf(other), "one connection to " + other);
          assertEquals(0, inbound.disconnectsOf(other), "none lost");
          assertTrue(inbound.messagesFrom(other).isEmpty());
        }
      }
    }
  }

  @ParameterizedTest(name = "restart member {0}")
  @ValueSource(longs = {1, 3})
  void closingReportsOnceOnEveryPeerAndARestartOnTheSamePortsDeliversAgain(long restarted) {
    connectedTrio();
    cluster.stop(restarted);
    List<Long> others = new ArrayList<>();
    for (long id = 1; id <= 3; id++) {
      if (id != restarted) {
        others.add(id);
      }
    }
    for (long id : others) {
      RecordingInbound inbound = cluster.inbound(id);
      await("member " + id + " notices " + restarted + " is gone")
          .atMost(WAIT)
          .until(() -> inbound.disconnectsOf(restarted) == 1);
      cluster.transport(id).send(restarted, new Commit(1)); // dropped, must not throw
    }
    cluster.restart(restarted);
    cluster.awaitFullyConnected();
    for (long id : others) {
      cluster.transport(id).send(restarted, new Commit(100 + id));
      cluster.transport(restarted).send(id, new Commit(200 + id));
    }
    for (long id : others) {
      RecordingInbound atOther = cluster.inbound(id);
      RecordingInbound atRestarted = cluster.inbound(restarted);
      await().atMost(WAIT).until(() -> atOther.messagesFrom(restarted).size() == 1);
      await().atMost(WAIT).until(() -> atRestarted.messagesFrom(id).size() == 1);
      assertEquals(new Commit(200 + id), atOther.messagesFrom(restarted).get(0));
      assertEquals(new Commit(100 + id), atRestarted.messagesFrom(id).get(0));
      assertEquals(1, atOther.disconnectsOf(restarted), "reported exactly once");
      assertEquals(2, atOther.connectsOf(restarted), "connected before and after the restart");
      assertEquals(1, atRestarted.connectsOf(id));
      assertEquals(0, atRestarted.disconnectsOf(id));
    }
  }

  @Test
  void isolatedPeersExchangeNothingUntilHealed() {
    connectedTrio();
    QuorumTransport one = cluster.transport(1);
    QuorumTransport two = cluster.transport(2);
    one.isolate(Set.of(2L));
    await().atMost(WAIT).until(() -> cluster.inbound(1).disconnectsOf(2) == 1);
    await().atMost(WAIT).until(() -> cluster.inbound(2).disconnectsOf(1) == 1);

    Notification isolatedVote = notification(2, 7);
    two.send(1, new Commit(1));
    two.send(1, isolatedVote);
    one.send(2, new Commit(2));
    one.send(2, notification(1, 7));
    one.send(3, new Commit(3));
    await("1 and 3 still talk")
        .atMost(WAIT)
        .until(() -> cluster.inbound(3).messagesFrom(1).size() == 1);
    await("2 stays cut off from 1")
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(
            () ->
                cluster.inbound(1).messagesFrom(2).isEmpty()
                    && cluster.inbound(2).messagesFrom(1).isEmpty()
                    && one.connectedPeers().equals(Set.of(3L)));

    one.heal();
    await().atMost(WAIT).until(() -> one.connectedPeers().equals(Set.of(2L, 3L)));
    await().atMost(WAIT).until(() -> two.connectedPeers().contains(1L));
    two.send(1, new Commit(4));
    one.send(2, new Commit(5));
    await().atMost(WAIT).until(() -> cluster.inbound(1).quorumMessagesFrom(2).size() == 1);
    await().atMost(WAIT).until(() -> cluster.inbound(2).quorumMessagesFrom(1).size() == 1);
    assertEquals(List.of(new Commit(4)), cluster.inbound(1).quorumMessagesFrom(2));
    assertEquals(List.of(new Commit(5)), cluster.inbound(2).quorumMessagesFrom(1));
    assertEquals(1, cluster.inbound(1).disconnectsOf(2));
    assertEquals(1, cluster.inbound(2).disconnectsOf(1));
    assertFalse(
        cluster.inbound(1).messagesFrom(2).contains(isolatedVote),
        "a notification sent while isolated never arrives");
  }

  @Test
  void sendingToUnknownDownOrNotYetConnectedPeersNeverThrows() throws Exception {
    int deadQuorumPort;
    int deadElectionPort;
    try (ServerSocket a = new ServerSocket(0);
        ServerSocket b = new ServerSocket(0)) {
      deadQuorumPort = a.getLocalPort();
      deadElectionPort = b.getLocalPort();
    }
    cluster = TransportCluster.bind(QuorumTransportSettings.defaults(), 1, 2);
    QuorumTransport two = cluster.transport(2);
    two.send(1, new Commit(1)); // before connectTo
    two.send(1, notification(2, 1));
    cluster.addMember(
        3,
        new PeerAddress(
            new InetSocketAddress("127.0.0.1", deadQuorumPort),
            new InetSocketAddress("127.0.0.1", deadElectionPort)));
    cluster.addMember(
        4,
        new PeerAddress(
            InetSocketAddress.createUnresolved("no-such-host.invalid", 2888),
            InetSocketAddress.createUnresolved("no-such-host.invalid", 3888)));
    cluster.connectAll();
    cluster.awaitFullyConnected();
    long[] targets = {3, 4, 42, -1};
    for (int i = 0; i < 50; i++) {
      for (long to : targets) {
        two.send(to, new Commit(i));
        two.send(to, notification(2, i));
      }
      two.flush();
    }
    two.send(1, new Commit(99));
    await().atMost(WAIT).until(() -> cluster.inbound(1).quorumMessagesFrom(2).size() == 1);
    assertEquals(List.of(new Commit(99)), cluster.inbound(1).quorumMessagesFrom(2));
    assertTrue(two.connectedPeers().equals(Set.of(1L)));
  }

  private static Notification notification(long sender, long electionEpoch) {
    return new Notification(
        sender, new Vote(sender, 0x100000001L, 1, electionEpoch, ServerState.LOOKING));
  }

  private static List<ZabMessage> quorumOnly(List<ZabMessage> messages) {
    return messages.stream().filter(m -> !(m instanceof Notification)).toList();
  }

  private static List<ZabMessage> electionOnly(List<ZabMessage> messages) {
    return messages.stream().filter(m -> m instanceof Notification).toList();
  }

  private static void assertSameEncodings(
      List<ZabMessage> expected, List<ZabMessage> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": count");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(
          ZabMessageCodec.encode(expected.get(i)),
          ZabMessageCodec.encode(actual.get(i)),
          what + ": message " + i + " " + expected.get(i) + " (seed " + SAMPLE_SEED + ")");
    }
  }
}
