package io.paddock.server.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.server.zab.ZabMessage.Ack;
import io.paddock.server.zab.ZabMessage.Commit;
import io.paddock.server.zab.ZabMessage.Diff;
import io.paddock.server.zab.ZabMessage.FollowerInfo;
import io.paddock.server.zab.ZabMessage.LeaderInfo;
import io.paddock.server.zab.ZabMessage.NewLeader;
import io.paddock.server.zab.ZabMessage.Notification;
import io.paddock.server.zab.ZabMessage.Proposal;
import io.paddock.store.model.Zxid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unit tests of one or a few {@link ZabPeer}s over instant, lossless FIFO delivery. */
class ZabPeerTest {

  private static final PeerTiming TIMING = new PeerTiming(2, 3, 12, 40, 12, 3);
  private static final long A1 = Zxid.make(1, 1);
  private static final long A2 = Zxid.make(1, 2);
  private static final long A3 = Zxid.make(1, 3);

  /** Instant delivery between peers; a bounded number of rounds. */
  static final class Bus {
    record Sent(long from, long to, ZabMessage m) {}

    final QuorumSpec quorum;
    final Map<Long, ZabPeer> peers = new LinkedHashMap<>();
    final Map<Long, MemStore> stores = new LinkedHashMap<>();
    final ArrayDeque<Sent> queue = new ArrayDeque<>();
    final List<Sent> sent = new ArrayList<>();
    final List<String> transitions = new ArrayList<>();

    Bus(QuorumSpec quorum) {
      this.quorum = quorum;
    }

    ZabPeer add(long id, MemStore store) {
      stores.put(id, store);
      ZabPeer p =
          new ZabPeer(
              id,
              quorum,
              TIMING,
              store,
              (to, m) -> {
                Sent s = new Sent(id, to, m);
                sent.add(s);
                queue.add(s);
              },
              new PeerListener() {
                @Override
                public void onTransition(PeerStatus status, String reason) {
                  transitions.add(id + " " + status.state() + " " + status.phase() + " " + reason);
                }

                @Override
                public void onForward(long fromId, byte[] payload) {}

                @Override
                public List<ZabMessage.SessionTouch> takeTouches() {
                  return List.of();
                }

                @Override
                public void onTouches(long fromId, List<ZabMessage.SessionTouch> touches) {}
              },
              new Random(id));
      peers.put(id, p);
      return p;
    }

    void deliver() {
      for (int i = 0; i < 100_000 && !queue.isEmpty(); i++) {
        Sent s = queue.poll();
        ZabPeer to = peers.get(s.to());
        if (to != null) {
          to.step(s.from(), s.m());
        }
      }
    }

    void run(int ticks) {
      for (int t = 0; t < ticks; t++) {
        deliver();
        peers.values().forEach(ZabPeer::tick);
        peers.values().forEach(ZabPeer::flush);
      }
      deliver();
    }

    ZabPeer leader() {
      return peers.values().stream().filter(ZabPeer::canPropose).findFirst().orElse(null);
    }
  }

  private static Bus cluster(QuorumSpec q, MemStore... stores) {
    Bus bus = new Bus(q);
    List<Long> ids = new ArrayList<>(q.voters());
    ids.addAll(q.observers());
    for (int i = 0; i < stores.length; i++) {
      bus.add(ids.get(i), stores[i]);
    }
    return bus;
  }

  @Test
  void electionPrefersHigherEpochThenHigherZxidThenHigherId() {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus byEpoch =
        cluster(
            q,
            MemStore.withLog(1, 1, A1, A2, A3),
            MemStore.withLog(2, 2, A1),
            MemStore.withLog(1, 1, A1, A2));
    byEpoch.peers.values().forEach(ZabPeer::start);
    byEpoch.run(30);
    assertEquals(2, byEpoch.leader().status().myId());
    Bus byZxid =
        cluster(
            q,
            MemStore.withLog(1, 1, A1),
            MemStore.withLog(1, 1, A1, A2),
            MemStore.withLog(1, 1, A1));
    byZxid.peers.values().forEach(ZabPeer::start);
    byZxid.run(30);
    assertEquals(2, byZxid.leader().status().myId());
    Bus byId = cluster(q, new MemStore(), new MemStore(), new MemStore());
    byId.peers.values().forEach(ZabPeer::start);
    byId.run(30);
    assertEquals(3, byId.leader().status().myId());
    for (ZabPeer p : byId.peers.values()) {
      assertTrue(p.status().isServing());
      assertEquals(3, p.status().leaderId());
    }
  }

  @Test
  void anObserverNeverWinsNorCountsButFindsTheLeader() {
    QuorumSpec q = QuorumSpec.of(List.of(1L, 2L, 3L), List.of(9L));
    Bus bus =
        cluster(
            q,
            new MemStore(),
            new MemStore(),
            new MemStore(),
            MemStore.withLog(5, 5, Zxid.make(5, 1)));
    bus.peers.values().forEach(ZabPeer::start);
    bus.run(40);
    assertEquals(3, bus.leader().status().myId());
    assertEquals(ServerState.OBSERVING, bus.peers.get(9L).status().state());
    assertTrue(bus.peers.get(9L).status().isServing());
    assertEquals(1, bus.leader().status().syncedObservers());
    assertEquals(2, bus.leader().status().syncedFollowers());
  }

  @Test
  void aLateMemberJoinsTheStandingLeader() {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus bus = new Bus(q);
    bus.add(1, new MemStore()).start();
    bus.add(2, new MemStore()).start();
    bus.run(30);
    assertEquals(2, bus.leader().status().myId());
    bus.leader().propose(new byte[] {1});
    bus.run(5);
    ZabPeer late = bus.add(3, new MemStore()); // the best id, but the leader stands
    late.start();
    bus.run(30);
    assertEquals(ServerState.FOLLOWING, late.status().state());
    assertEquals(2, late.status().leaderId());
    assertEquals(bus.leader().status().lastCommittedZxid(), late.status().lastCommittedZxid());
    assertEquals(2, bus.leader().syncs(SyncPlan.Kind.DIFF), "peer 1, then the late peer 3");
  }

  @Test
  void discoveryEpochIsTheHighestAcceptedOfTheQuorumPlusOne() {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus bus = new Bus(q);
    bus.add(2, MemStore.withLog(9, 1, A1)).start();
    bus.add(3, MemStore.withLog(4, 1, A1, A2)).start();
    bus.run(30);
    ZabPeer leader = bus.leader();
    assertEquals(3, leader.status().myId());
    assertEquals(10, leader.status().currentEpoch());
    assertEquals(10, bus.stores.get(2L).acceptedEpoch);
    assertEquals(10, bus.stores.get(2L).currentEpoch);
    assertEquals(Zxid.make(10, 1), leader.propose(new byte[] {7}));
  }

  /** Drives peer 2 of {1,2,3} to follow leader 3 by hand; returns its bus with peer 3 absent. */
  private static Bus followerOf3(MemStore store) {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus bus = new Bus(q);
    ZabPeer f = bus.add(2, store);
    f.start();
    Vote leading = new Vote(3, 0, 0, 1, ServerState.LEADING);
    f.step(3, new Notification(3, leading));
    f.step(1, new Notification(1, leading.withState(ServerState.FOLLOWING)));
    assertEquals(ServerState.FOLLOWING, f.status().state());
    assertTrue(bus.sent.stream().anyMatch(s -> s.to() == 3 && s.m() instanceof FollowerInfo));
    return bus;
  }

  @Test
  void aFollowerRefusesAnEpochBelowItsAcceptedEpoch() {
    Bus bus = followerOf3(MemStore.withLog(5, 5));
    ZabPeer f = bus.peers.get(2L);
    f.step(3, new LeaderInfo(4));
    assertEquals(ServerState.LOOKING, f.status().state());
    assertEquals(5, bus.stores.get(2L).acceptedEpoch);
  }

  @Test
  void aFollowerMakesTheSyncDurableBeforeCurrentEpochAndCurrentEpochBeforeTheAck() {
    MemStore store = MemStore.withLog(1, 1, A1);
    Bus bus = followerOf3(store);
    ZabPeer f = bus.peers.get(2L);
    f.step(3, new LeaderInfo(2));
    assertEquals(List.of("acceptedEpoch 2"), store.events);
    f.step(3, new Diff(A1));
    f.step(3, new Proposal(A2, new byte[] {2}));
    f.step(3, new Commit(A2));
    long newLeader = Zxid.make(2, 0);
    f.step(3, new NewLeader(newLeader));
    f.step(3, new Proposal(Zxid.make(2, 1), new byte[] {3}));
    assertFalse(bus.sent.stream().anyMatch(s -> s.m() instanceof Ack), "no ack before the fsync");
    assertEquals(1, store.currentEpoch);
    f.flush();
    assertEquals(
        List.of(
            "acceptedEpoch 2",
            "append 100000002",
            "apply 100000001", // already durable, so applied at its commit
            "append 200000001",
            "sync",
            "currentEpoch 2",
            "apply 100000002"),
        store.events);
    List<ZabMessage> acks =
        bus.sent.stream().filter(s -> s.m() instanceof Ack).map(Bus.Sent::m).toList();
    assertEquals(List.of(new Ack(newLeader), new Ack(Zxid.make(2, 1))), acks);
  }

  @Test
  void shutdownStopsPendingSyncWork() {
    // ZOOKEEPER-4712: a stopped learner must not go on logging or acking what was in flight.
    MemStore store = MemStore.withLog(1, 1, A1);
    Bus bus = followerOf3(store);
    ZabPeer f = bus.peers.get(2L);
    f.step(3, new LeaderInfo(2));
    f.step(3, new Diff(A1));
    f.step(3, new Proposal(A2, new byte[] {2}));
    f.step(3, new NewLeader(Zxid.make(2, 0)));
    f.shutdown();
    f.flush();
    f.step(3, new Proposal(A3, new byte[] {3}));
    f.tick();
    assertEquals(List.of("acceptedEpoch 2", "append 100000002"), store.events);
    assertFalse(bus.sent.stream().anyMatch(s -> s.m() instanceof Ack));
    assertFalse(f.isRunning());
  }

  @Test
  void aCommitForAnUnknownZxidDropsTheLeaderInsteadOfCrashing() {
    Bus bus = followerOf3(MemStore.withLog(1, 1, A1));
    ZabPeer f = bus.peers.get(2L);
    f.step(3, new LeaderInfo(2));
    f.step(3, new Diff(A1));
    f.step(3, new Commit(A3));
    assertEquals(ServerState.LOOKING, f.status().state());
    assertEquals(1, f.protocolErrors());
    assertEquals(0, bus.stores.get(2L).applied);
  }

  @Test
  void theLeaderPipelinesProposalsAndAppliesOnlyAfterItsOwnSync() {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus bus = cluster(q, new MemStore(), new MemStore(), new MemStore());
    bus.peers.values().forEach(ZabPeer::start);
    bus.run(30);
    ZabPeer leader = bus.leader();
    MemStore ls = bus.stores.get(3L);
    ls.events.clear();
    long z = leader.propose(new byte[] {1});
    assertTrue(
        bus.sent.stream().anyMatch(s -> s.m() instanceof Proposal p && p.zxid() == z),
        "sent before the leader's fsync");
    bus.deliver();
    bus.peers.get(1L).flush();
    bus.peers.get(2L).flush();
    bus.deliver(); // follower acks: a quorum without the leader, which has not synced
    assertEquals(
        List.of("append " + Long.toHexString(z)),
        ls.events,
        "committed, but not applied before the leader syncs");
    leader.flush();
    assertEquals(
        List.of("append " + Long.toHexString(z), "sync", "apply " + Long.toHexString(z)),
        ls.events);
  }

  @Test
  void anExhaustedZxidCounterForcesANewElection() {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus bus = cluster(q, new MemStore(), new MemStore(), new MemStore());
    bus.peers.values().forEach(ZabPeer::start);
    bus.run(30);
    ZabPeer leader = bus.leader();
    leader.leaderRole().lowerCounterMax(2);
    leader.propose(new byte[] {1});
    leader.propose(new byte[] {2});
    assertFalse(leader.canPropose());
    assertThrows(IllegalStateException.class, () -> leader.propose(new byte[] {3}));
    assertEquals(ServerState.LOOKING, leader.status().state());
    bus.run(60);
    ZabPeer next = bus.leader();
    assertTrue(next.status().currentEpoch() > 1, "a new epoch restarts the counter");
    assertEquals(Zxid.make(next.status().currentEpoch(), 1), next.propose(new byte[] {4}));
  }

  @Test
  void aLeaderWithoutAQuorumStepsDown() {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus bus = cluster(q, new MemStore(), new MemStore(), new MemStore());
    bus.peers.values().forEach(ZabPeer::start);
    bus.run(30);
    ZabPeer leader = bus.leader();
    bus.peers.get(1L).shutdown();
    bus.peers.get(2L).shutdown();
    bus.run(TIMING.syncTicks() + 2);
    assertEquals(ServerState.LOOKING, leader.status().state());
  }

  @Test
  void proposingWithoutLeadingIsRefused() {
    QuorumSpec q = QuorumSpec.ofVoters(List.of(1L, 2L, 3L));
    Bus bus = cluster(q, new MemStore(), new MemStore(), new MemStore());
    bus.peers.values().forEach(ZabPeer::start);
    bus.run(30);
    ZabPeer follower = bus.peers.get(1L);
    assertThrows(IllegalStateException.class, () -> follower.propose(new byte[] {1}));
    assertTrue(follower.forwardToLeader(new byte[] {1}));
    assertFalse(bus.leader().sendToLearner(7, new byte[] {1}));
    assertTrue(bus.leader().sendToLearner(1, new byte[] {1}));
  }

  @Test
  void replicaLogInvariantsStopLoudly() {
    MemStore store = MemStore.withLog(1, 1, A1, A2);
    ReplicaLog log = new ReplicaLog(store);
    assertThrows(IllegalStateException.class, () -> log.append(A1, new byte[0]));
    assertThrows(IllegalStateException.class, () -> log.commitUpTo(A3));
    log.commitUpTo(A2);
    log.applyCommitted();
    assertEquals(A2, store.applied);
    assertThrows(IllegalStateException.class, () -> log.truncateAfter(A1));
    assertEquals(Set.of(), Set.copyOf(store.entriesAfter(A2, 10)));
  }
}
