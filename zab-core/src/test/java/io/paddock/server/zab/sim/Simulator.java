package io.paddock.server.zab.sim;

import io.paddock.server.zab.PeerListener;
import io.paddock.server.zab.PeerStatus;
import io.paddock.server.zab.QuorumSpec;
import io.paddock.server.zab.ServerState;
import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabPeer;
import io.paddock.server.zab.ZabTransport;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.OpResult;
import io.paddock.store.txn.DecodedTxn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a whole ensemble of {@link ZabPeer}s and their clients in one thread on a virtual clock,
 * everything drawn from one seeded {@link Random}: the network ({@link SimNetwork}), the disks
 * ({@link SimStore}), crashes and restarts. Scripted scenarios drive it step by step; {@link
 * SimRun} drives it with random faults. Each tick: deliver what is due, let clients act, tick every
 * peer, then flush every peer whose disk is due.
 */
final class Simulator {

  /** One member: its durable store survives crashes, its peer does not. */
  final class Member {
    final int id;
    final SimStore store;
    ZabPeer peer;
    int flushEveryTicks = 1;
    boolean autoFlush = true;
    int incarnation;

    Member(int id) {
      this.id = id;
      this.store = new SimStore(id, recorder);
      store.setHook((z, txn, result) -> applied(this, z, txn, result));
    }

    boolean alive() {
      return peer != null;
    }

    PeerStatus status() {
      return peer.status();
    }
  }

  private final class Listener implements PeerListener {
    private final Member m;

    Listener(Member m) {
      this.m = m;
    }

    @Override
    public void onTransition(PeerStatus status, String reason) {
      trace(
          "m"
              + m.id
              + " "
              + status.state()
              + "/"
              + status.phase()
              + " epoch "
              + status.currentEpoch()
              + ": "
              + reason);
      if (status.isServing()) {
        recorder.established(m.id, status.currentEpoch(), status.leaderId());
      }
      for (String kind : new String[] {"DIFF", "TRUNC", "SNAP"}) {
        if (reason.endsWith(" by " + kind)) {
          stats.merge(kind, 1L, Long::sum);
          syncLog.add(m.id + ":" + kind);
        }
      }
    }

    @Override
    public void onForward(long fromId, byte[] payload) {
      if (m.peer != null && m.peer.canPropose()) {
        propose(m, payload);
      }
    }

    @Override
    public List<ZabMessage.SessionTouch> takeTouches() {
      return List.of();
    }

    @Override
    public void onTouches(long fromId, List<ZabMessage.SessionTouch> touches) {}
  }

  /** A sequential client attached to one member. */
  static final class Client {
    final int id;
    int member;
    ClientOp pending;
    long deadline;
    long lastSeenZxid;
    int nextOp = 1;

    Client(int id, int member) {
      this.id = id;
      this.member = member;
    }
  }

  static final int TRACE_MAX = 400;

  final long seed;
  final Random random;
  final Recorder recorder = new Recorder();
  final SimNetwork net;
  final QuorumSpec quorum;
  final Map<Integer, Member> members = new LinkedHashMap<>();
  final List<Client> clients = new ArrayList<>();
  private final Deque<String> trace = new ArrayDeque<>();
  long now;

  /** False models a transport that keeps the default no-op {@code disconnect}. */
  boolean honourDisconnect = true;

  final Map<String, Long> stats = new java.util.TreeMap<>();
  final List<String> syncLog = new ArrayList<>();
  Consumer<SimNetwork.Delivery> beforeDelivery = d -> {};
  Consumer<SimNetwork.Delivery> afterDelivery = d -> {};

  Simulator(long seed, int voters, int observers) {
    this.seed = seed;
    this.random = new Random(seed);
    this.net = new SimNetwork(random);
    List<Long> v = new ArrayList<>();
    List<Long> o = new ArrayList<>();
    for (int i = 1; i <= voters + observers; i++) {
      (i <= voters ? v : o).add((long) i);
      members.put(i, new Member(i));
    }
    this.quorum = QuorumSpec.of(v, o);
  }

  Member member(int id) {
    return members.get(id);
  }

  void trace(String line) {
    if (trace.size() >= TRACE_MAX) {
      trace.removeFirst();
    }
    trace.addLast("t" + now + " " + line);
  }

  String traceText() {
    return String.join("\n", trace);
  }

  // ---- lifecycle ----

  void startAll() {
    for (Member m : members.values()) {
      if (!m.alive()) {
        start(m.id);
      }
    }
  }

  void start(int id) {
    Member m = members.get(id);
    if (m.alive()) {
      return;
    }
    m.incarnation++;
    ZabTransport transport =
        new ZabTransport() {
          @Override
          public void send(long toId, ZabMessage message) {
            net.send(id, (int) toId, message);
          }

          @Override
          public void disconnect(long peerId) {
            if (honourDisconnect) {
              net.breakConnection(id, (int) peerId, false);
            }
          }
        };
    m.peer =
        new ZabPeer(
            id,
            quorum,
            SimConfig.TIMING,
            m.store,
            transport,
            new Listener(m),
            new Random(random.nextLong()));
    m.peer.start();
  }

  /** Crash: the peer is gone, its connections break, the disk loses its unsynced tail. */
  void crash(int id) {
    crash(id, true);
  }

  /** Crash; {@code randomTail} lets the seed keep a prefix of the unsynced tail. */
  void crash(int id, boolean randomTail) {
    Member m = members.get(id);
    if (!m.alive()) {
      return;
    }
    trace("m" + id + " CRASH");
    stats.merge("crash", 1L, Long::sum);
    m.peer = null;
    for (int other : members.keySet()) {
      if (other != id) {
        net.breakConnection(id, other, false);
      }
    }
    if (randomTail) {
      m.store.crash(random);
    } else {
      m.store.crashDroppingUnsynced();
    }
    for (Client c : clients) {
      if (c.member == id && c.pending != null) {
        c.pending = null; // its outcome stays unknown
      }
    }
  }

  void restart(int id) {
    crash(id);
    start(id);
  }

  // ---- the clock ----

  void tick() {
    net.setNow(now);
    for (SimNetwork.Event e = net.poll(now); e != null; e = net.poll(now)) {
      deliver(e);
    }
    clientsAct();
    for (Member m : members.values()) {
      if (m.alive()) {
        m.peer.tick();
      }
    }
    for (Member m : members.values()) {
      if (m.alive() && m.autoFlush && now % m.flushEveryTicks == 0) {
        m.peer.flush();
      }
    }
    now++;
  }

  private void deliver(SimNetwork.Event e) {
    if (e instanceof SimNetwork.Delivery d) {
      Member to = members.get(d.to());
      if (!to.alive() || !net.current(d)) {
        return;
      }
      beforeDelivery.accept(d);
      if (to.alive()) {
        to.peer.step(d.from(), d.message());
        afterDelivery.accept(d);
      }
    } else if (e instanceof SimNetwork.Disconnect x) {
      Member at = members.get(x.at());
      if (at.alive()) {
        at.peer.disconnected(x.peer());
      }
    }
  }

  void runTicks(int ticks) {
    for (int i = 0; i < ticks; i++) {
      tick();
    }
  }

  /** Ticks until {@code done}; false if it did not happen within {@code maxTicks}. */
  boolean runUntil(BooleanSupplier done, int maxTicks) {
    for (int i = 0; i < maxTicks; i++) {
      if (done.getAsBoolean()) {
        return true;
      }
      tick();
    }
    return done.getAsBoolean();
  }

  // ---- queries ----

  /** The member that leads in BROADCAST (the one that can propose), or null. */
  Member leader() {
    for (Member m : members.values()) {
      if (m.alive() && m.peer.canPropose()) {
        return m;
      }
    }
    return null;
  }

  boolean allServingAndEqual() {
    Member l = leader();
    if (l == null) {
      return false;
    }
    long applied = l.store.lastAppliedZxid();
    for (Member m : members.values()) {
      if (!m.alive()
          || !m.status().isServing()
          || m.store.lastAppliedZxid() != applied
          || m.status().state() == ServerState.LOOKING) {
        return false;
      }
    }
    return l.status().outstandingProposals() == 0;
  }

  // ---- writes ----

  long propose(Member leader, byte[] txn) {
    long z = leader.peer.propose(txn);
    recorder.proposed(leader.id, z, txn, leader.store.lastAppliedZxid());
    return z;
  }

  /** Issues a client write at member {@code memberId} now; null if the member cannot take it. */
  ClientOp write(Client c, ClientOp.Kind kind, String key, int value, int expectedVersion) {
    Member m = members.get(c.member);
    if (!m.alive() || !m.status().isServing()) {
      return null;
    }
    ClientOp op = new ClientOp(c.id, c.nextOp++, kind, key, value, expectedVersion, now);
    byte[] txn = SimClients.txnOf(op);
    if (m.peer.canPropose()) {
      propose(m, txn);
    } else if (!m.peer.forwardToLeader(txn)) {
      return null;
    }
    recorder.ops.add(op);
    c.pending = op;
    c.deadline = now + SimConfig.CLIENT_TIMEOUT_TICKS;
    return op;
  }

  ClientOp read(Client c, String key) {
    Member m = members.get(c.member);
    if (!m.alive() || !m.status().isServing() || m.store.lastAppliedZxid() < c.lastSeenZxid) {
      return null;
    }
    ClientOp op = new ClientOp(c.id, c.nextOp++, ClientOp.Kind.READ, key, 0, -1, now);
    SimClients.readInto(op, m.store.tree().getData(key));
    op.responseTick = now;
    c.lastSeenZxid = Math.max(c.lastSeenZxid, m.store.lastAppliedZxid());
    recorder.ops.add(op);
    return op;
  }

  Client addClient(int member) {
    Client c = new Client(clients.size() + 1, member);
    clients.add(c);
    return c;
  }

  /** Per-tick client behaviour; the random run sets it. */
  Consumer<Client> clientBehaviour = c -> {};

  private void clientsAct() {
    for (Client c : clients) {
      if (c.pending != null && now > c.deadline) {
        c.pending = null; // timed out: maybe happened
      }
      if (c.pending == null) {
        clientBehaviour.accept(c);
      }
    }
  }

  private void applied(Member m, long zxid, DecodedTxn txn, ApplyResult result) {
    for (Client c : clients) {
      ClientOp op = c.pending;
      if (op != null
          && c.member == m.id
          && op.client == txn.header().sessionId()
          && op.opId == txn.header().cxid()) {
        op.responseTick = now;
        op.zxid = zxid;
        op.err = result.err().code();
        if (result.result() instanceof OpResult.Created cr) {
          op.version = cr.stat().version();
        } else if (result.result() instanceof OpResult.DataSet ds) {
          op.version = ds.stat().version();
        }
        c.lastSeenZxid = Math.max(c.lastSeenZxid, zxid);
        c.pending = null;
      }
    }
  }

  // ---- checking ----

  /** Every checker over the run so far; the cluster should be healed and caught up. */
  List<String> checkAll() {
    return SimChecks.run(this);
  }

  TreeMap<Long, byte[]> committed() {
    TreeMap<Long, byte[]> out = new TreeMap<>();
    for (Recorder.Segment s : recorder.segments) {
      for (int i = 0; i < s.zxids.size(); i++) {
        out.putIfAbsent(s.zxids.get(i), s.txns.get(i));
      }
    }
    return out;
  }
}
