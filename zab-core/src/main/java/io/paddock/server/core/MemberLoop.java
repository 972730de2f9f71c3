package io.paddock.server.core;

import io.paddock.server.zab.PeerListener;
import io.paddock.server.zab.PeerStatus;
import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabPeer;
import io.paddock.store.codec.MalformedRecordException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state thread of an ensemble member: one thread drives the ZAB peer (ticks, messages,
 * disconnects) and, while the peer serves, the member's request pipeline ({@link MemberRole}). Each
 * round: the queued events in order, timed work, ONE peer flush (one fsync for everything the round
 * logged: group commit on leader and learners), then the replies and the transport flush.
 */
final class MemberLoop implements Runnable, PeerListener {
  private static final Logger LOG = LoggerFactory.getLogger(MemberLoop.class);
  private static final long OFFER_WAIT_MS = 50;

  /** A peer-side event. */
  sealed interface PeerEvent {}

  /** A protocol message from another member. */
  record Message(long fromId, ZabMessage message) implements PeerEvent {}

  /** The connection to another member broke. */
  record Disconnected(long peerId) implements PeerEvent {}

  private final BlockingQueue<Object> queue =
      new ArrayBlockingQueue<>(CoreLimits.EVENT_QUEUE_CAPACITY);
  private final ArrayDeque<Object> own = new ArrayDeque<>();
  private final DatabaseReplicaStore store;
  private final Function<MemberLoop, ZabPeer> peerFactory;
  private final Function<PeerStatus, MemberRole> roleFactory;
  private final Runnable transportFlush;
  private final CoreClock clock;
  private final int tickMs;
  private final ServerStats stats;
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();
  private final List<CompletableFuture<Void>> idleBarriers = new ArrayList<>();
  private ZabPeer peer;
  private MemberRole role;
  private boolean resumePending;
  private volatile PeerStatus status;
  private volatile Thread thread;
  private volatile boolean accepting = true;
  private volatile Throwable failure;

  MemberLoop(
      DatabaseReplicaStore store,
      Function<MemberLoop, ZabPeer> peerFactory,
      Function<PeerStatus, MemberRole> roleFactory,
      Runnable transportFlush,
      CoreClock clock,
      int tickMs,
      ServerStats stats) {
    this.store = store;
    this.peerFactory = peerFactory;
    this.roleFactory = roleFactory;
    this.transportFlush = transportFlush;
    this.clock = clock;
    this.tickMs = tickMs;
    this.stats = stats;
  }

  void start(String name) {
    Thread t = new Thread(this, name);
    thread = t;
    t.start();
  }

  boolean isAccepting() {
    return accepting;
  }

  Throwable failure() {
    return failure;
  }

  CompletableFuture<Void> terminated() {
    return terminated;
  }

  /** The peer; only the state thread may use it. */
  ZabPeer peer() {
    return peer;
  }

  /** The peer's status as of the end of the last round; null before the first. */
  PeerStatus status() {
    return status;
  }

  /** Queues an event (client event or {@link PeerEvent}); false once the loop stopped. */
  boolean enqueue(Object event) {
    if (!accepting) {
      return false;
    }
    if (Thread.currentThread() == thread) {
      own.add(event);
      return true;
    }
    while (true) {
      try {
        if (queue.offer(event, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
          return true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (terminated.isDone() || !accepting) {
        return false;
      }
    }
  }

  void stop() {
    accepting = false;
    if (Thread.currentThread() == thread) {
      own.add(new CoreEvent.Stop());
    } else {
      try {
        queue.put(new CoreEvent.Stop());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void run() {
    try {
      store.setSink(this::applyCommitted);
      peer = peerFactory.apply(this);
      peer.start();
      status = peer.status();
      long nextTickMs = clock.monotonicMs() + tickMs;
      List<Object> batch = new ArrayList<>();
      boolean stop = false;
      while (!stop) {
        batch.clear();
        while (!own.isEmpty() && batch.size() < CoreLimits.BATCH_EVENTS_MAX) {
          batch.add(own.poll());
        }
        long now = clock.monotonicMs();
        long waitMs = Math.max(0, nextTickMs - now);
        if (role != null) {
          waitMs = Math.min(waitMs, role.msUntilDue());
        }
        if (!batch.isEmpty()) {
          waitMs = 0;
        }
        Object first = waitMs > 0 ? queue.poll(waitMs, TimeUnit.MILLISECONDS) : queue.poll();
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, CoreLimits.BATCH_EVENTS_MAX - batch.size());
        }
        for (Object event : batch) {
          stop |= handle(event);
        }
        now = clock.monotonicMs();
        if (now >= nextTickMs) {
          peer.tick();
          // A stalled round (a long fsync, a snapshot install) does not replay every missed tick.
          nextTickMs = Math.max(nextTickMs + tickMs, now - tickMs);
        }
        if (role != null) {
          role.endOfRound();
        }
        peer.flush();
        if (resumePending) {
          resumePending = false;
          serveIfBroadcasting();
        }
        if (role != null && role.pausedTooLong(clock.monotonicMs())) {
          LOG.info("Not serving for too long; closing every client connection");
          dropRole();
        }
        if (role != null) {
          role.afterFlush();
        }
        transportFlush.run();
        status = peer.status();
        idleBarriers.forEach(b -> b.complete(null));
        idleBarriers.clear();
      }
    } catch (Throwable t) {
      failure = t;
      LOG.error("The ensemble member stopped on an unexpected error", t);
    } finally {
      accepting = false;
      if (peer != null) {
        peer.shutdown();
      }
      if (role != null) {
        role.abandon();
        role = null;
      }
      closeDatabase();
      terminated.complete(null);
      rejectQueued();
    }
  }

  private boolean handle(Object event) {
    if (event instanceof Message m) {
      peer.step(m.fromId(), m.message());
    } else if (event instanceof Disconnected d) {
      peer.disconnected(d.peerId());
    } else if (event instanceof CoreEvent.Stop) {
      return true;
    } else if (event instanceof CoreEvent e) {
      if (role != null) {
        role.handle(e);
      } else {
        notServing(e);
      }
    } else {
      throw new IllegalStateException("unknown event " + event);
    }
    return false;
  }

  /** What a client event gets while this member does not serve (ZooKeeper closes the socket). */
  private void notServing(CoreEvent e) {
    if (e instanceof CoreEvent.Barrier b) {
      idleBarriers.add(b.done());
    } else {
      StateLoop.reject(e, stats);
    }
  }

  // ---- PeerListener: called by the peer on this thread ----

  @Override
  public void onTransition(PeerStatus now, String reason) {
    LOG.info(
        "Member {} is {} in {} (leader {}, epoch {}): {}",
        now.myId(),
        now.state(),
        now.phase(),
        now.leaderId(),
        now.currentEpoch(),
        reason);
    status = now;
    if (role != null
        && role.isServing()
        && (!now.isServing() || role.kind() != now.state() || role.epoch() != now.currentEpoch())) {
      role.pause(reason);
    }
    if (now.isServing()) {
      // Served from the end of the round, once the peer's flush applied everything it commits.
      resumePending = true;
    }
  }

  /** The peer serves: start the pipeline, or resume it in the peer's role. */
  private void serveIfBroadcasting() {
    PeerStatus now = peer.status();
    status = now;
    if (!now.isServing()) {
      return;
    }
    if (role != null && !role.canResume()) {
      LOG.info("The tree was replaced while not serving; closing every client connection");
      dropRole();
    }
    if (role == null) {
      role = roleFactory.apply(now);
      LOG.info("Member {} serves as {}", now.myId(), role);
    } else if (!role.isServing()
        || role.kind() != now.state()
        || role.epoch() != now.currentEpoch()) {
      role.pause("role changed");
      role.resume(now);
    }
    peer.flush(); // what the resumed pipeline proposed or forwarded goes out this round
  }

  private void dropRole() {
    if (role != null) {
      role.abandon();
      role = null;
    }
  }

  /** Where the peer's committed txns go: the pipeline while it can take them, else the tree. */
  void applyCommitted(io.paddock.store.txn.DecodedTxn txn) {
    if (role != null && role.canResume()) {
      role.onCommitted(txn);
    } else {
      store.database().apply(txn.header(), txn.txn());
    }
  }

  @Override
  public void onForward(long fromId, byte[] payload) {
    Forwarded f;
    try {
      f = Forwarded.decode(payload);
    } catch (MalformedRecordException | IllegalArgumentException e) {
      LOG.warn("A forwarded payload from member {} does not decode: {}", fromId, e.getMessage());
      return;
    }
    if (role != null && role.canResume()) {
      role.onForwarded(fromId, f);
    } else {
      LOG.debug(
          "Dropped a forwarded {} from {}: not serving", f.getClass().getSimpleName(), fromId);
    }
  }

  @Override
  public List<ZabMessage.SessionTouch> takeTouches() {
    return role == null || !role.canResume() ? List.of() : role.touches();
  }

  @Override
  public void onTouches(long fromId, List<ZabMessage.SessionTouch> touches) {
    if (role != null && role.canResume() && role.isServing()) {
      role.onTouches(touches);
    }
  }

  private void closeDatabase() {
    try {
      store.database().close();
    } catch (IOException e) {
      LOG.warn("Closing the database failed", e);
    }
  }

  private void rejectQueued() {
    List<Object> left = new ArrayList<>();
    queue.drainTo(left);
    if (Thread.currentThread() == thread) {
      left.addAll(own);
      own.clear();
    }
    for (Object e : left) {
      if (e instanceof CoreEvent c) {
        StateLoop.reject(c, stats);
      }
    }
  }
}
