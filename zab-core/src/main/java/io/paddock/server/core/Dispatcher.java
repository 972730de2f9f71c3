package io.paddock.server.core;

import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.Request;
import io.paddock.server.core.prep.Footprint;
import io.paddock.server.core.prep.PrepSubject;
import io.paddock.server.core.prep.WritePrep;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request of a batch, in arrival order: auth and sasl at once; writes (and
 * closeSession) prepped and logged; other requests answered at once unless their connection has
 * writes logged and not yet applied, in which case they wait behind them (per-session FIFO).
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  /** The zxid ZooKeeper puts in the reply to an op it does not know. */
  static final long UNKNOWN_OP_ZXID = -1;

  private final CoreState state;
  private final CommitStage commit;
  private final ReadOps reads;
  private final AuthOps authOps;
  private final TreeNodeView treeView;

  Dispatcher(CoreState state, CommitStage commit) {
    this.state = state;
    this.commit = commit;
    this.treeView = new TreeNodeView(state.tree);
    this.reads = new ReadOps(state);
    this.authOps = new AuthOps(state);
  }

  void onPacket(CoreEvent.Packet p) {
    Inflight request = accept(p.channel(), p.header().xid(), p.header().type(), p.receivedMs());
    if (request != null) {
      route(request, p);
    }
  }

  /**
   * Routes a request accepted earlier once more, as if it had just arrived (an ensemble member that
   * changed role re-submits what its old role left unanswered).
   */
  void redispatch(PendingBatch.Held held) {
    if (held.request().connection().isClosed()) {
      state.outbox.finish(held.request());
    } else if (held.event() instanceof CoreEvent.Packet p) {
      route(held.request(), p);
    } else {
      CoreEvent.BadPacket b = (CoreEvent.BadPacket) held.event();
      if (b.kind() == ServerCore.BadFrame.MALFORMED_BODY && b.header().type() == OpCode.MULTI) {
        malformedMulti(held.request(), held.request().connection());
      } else if (held.request().connection().hasUnappliedWrites()) {
        commit.hold(held);
      } else {
        badFrameNow(held.request(), b);
      }
    }
  }

  private void route(Inflight request, CoreEvent.Packet p) {
    Connection c = request.connection();
    int op = p.header().type();
    if (op == OpCode.AUTH) {
      authOps.auth(request, (AuthPacket) p.request());
    } else if (op == OpCode.SASL) {
      authOps.sasl(request);
    } else if (op == OpCode.CLOSE_SESSION) {
      closeSession(request, c);
    } else if (WritePrep.isWrite(op)) {
      write(request, c, op, p.request());
    } else if (c.hasUnappliedWrites()) {
      commit.hold(new PendingBatch.Held(request, p));
    } else {
      runNow(request, p);
    }
  }

  /** Learner: a client's sync goes to the leader; it is answered once this replica caught up. */
  void onLearnerSync(CoreEvent.Packet p, LearnerCommit learner) {
    Inflight request = accept(p.channel(), p.header().xid(), p.header().type(), p.receivedMs());
    if (request != null) {
      learner.sync(request, ((io.paddock.client.protocol.SyncRequest) p.request()).path());
    }
  }

  void onBadPacket(CoreEvent.BadPacket b) {
    Inflight request = accept(b.channel(), b.header().xid(), b.header().type(), b.receivedMs());
    if (request == null) {
      return;
    }
    Connection c = request.connection();
    LOG.info("Bad request from {}: op {} {} ({})", c, b.header().type(), b.kind(), b.reason());
    if (b.header().type() == OpCode.AUTH) {
      // ZooKeeper reads the auth packet on the connection the moment it arrives; one that does not
      // decode fails with an IOException there, which closes the connection without a reply.
      state.outbox.finish(request);
      state.outbox.close(c);
      state.removeConnection(c);
    } else if (b.kind() == ServerCore.BadFrame.MALFORMED_BODY
        && b.header().type() == OpCode.MULTI) {
      malformedMulti(request, c);
    } else if (c.hasUnappliedWrites()) {
      commit.hold(new PendingBatch.Held(request, b));
    } else {
      badFrameNow(request, b);
    }
  }

  /** A multi that does not decode is still a write: it consumes a zxid (PROTOCOL 6.3, 9.9). */
  void malformedMulti(Inflight request, Connection c) {
    TxnHeader header = state.nextHeader(c.sessionId(), request.xid(), OpCode.MULTI);
    commit.log(
        new PendingBatch.Write(
            header,
            new Txn.Error(ErrorCode.MARSHALLINGERROR),
            PendingBatch.Origin.MALFORMED,
            request,
            c,
            null,
            null));
  }

  /** Runs a request that waited behind its connection's writes. */
  void runHeld(PendingBatch.Held held) {
    if (held.event() instanceof CoreEvent.Packet p) {
      runNow(held.request(), p);
    } else {
      badFrameNow(held.request(), (CoreEvent.BadPacket) held.event());
    }
  }

  void onDisconnect(CoreEvent.Disconnect d) {
    Connection c = state.connection(d.channel());
    if (c != null) {
      state.outbox.close(c);
      state.removeConnection(c);
    }
  }

  /**
   * Counts a request in, and touches its session. Returns null, having accounted for it, when
   * nothing should answer it: its connection is unknown or closed, has no session, or its session
   * is closing.
   */
  private Inflight accept(ClientChannel channel, int xid, int opCode, long receivedMs) {
    Connection c = state.connection(channel);
    if (c == null || c.isClosed() || c.sessionId() == 0) {
      state.stats.outstanding.decrementAndGet();
      return null;
    }
    c.stats.packetReceived();
    state.stats.packetReceived();
    c.stats.requestQueued();
    Inflight request = new Inflight(c, xid, opCode, receivedMs);
    if (!state.sessions.touch(c.sessionId(), state.clock.monotonicMs())) {
      state.outbox.finish(request);
      return null;
    }
    return request;
  }

  private void runNow(Inflight request, CoreEvent.Packet p) {
    if (request.connection().isClosed()) {
      // It waited behind a write and its connection went away meanwhile: answering is pointless,
      // and a watch it set would outlive the connection.
      state.outbox.finish(request);
      return;
    }
    if (ReadOps.handles(p.header().type())) {
      try {
        reads.handle(request, p.header(), p.request());
      } catch (IllegalStateException e) {
        throw e; // a broken invariant stops the server
      } catch (RuntimeException e) {
        // A request the decoder let through but the handler cannot take (ZooKeeper's generic
        // catch in FinalRequestProcessor): MARSHALLINGERROR, and the connection stays open. Reads
        // change nothing.
        LOG.error("Failed to process op {} from {}", p.header().type(), request.connection(), e);
        badFrameNow(
            request,
            new CoreEvent.BadPacket(
                p.channel(),
                p.header(),
                ServerCore.BadFrame.MALFORMED_BODY,
                e.toString(),
                p.receivedMs()));
      }
    } else {
      // Every decodable op is routed above; this would be a transport bug. Answer as ZooKeeper
      // answers an op it does not know.
      badFrameNow(
          request,
          new CoreEvent.BadPacket(
              p.channel(),
              p.header(),
              ServerCore.BadFrame.UNKNOWN_OP,
              "not routable",
              p.receivedMs()));
    }
  }

  /**
   * UNIMPLEMENTED (zxid −1) then close (PROTOCOL 5), or MARSHALLINGERROR at the current zxid with
   * the connection left open, as ZooKeeper 3.9.3 answers a body that does not decode.
   */
  private void badFrameNow(Inflight request, CoreEvent.BadPacket b) {
    boolean unknown = b.kind() == ServerCore.BadFrame.UNKNOWN_OP;
    ReplyHeader header =
        new ReplyHeader(
            request.xid(),
            unknown ? UNKNOWN_OP_ZXID : state.lastProcessedZxid(),
            (unknown ? ErrorCode.UNIMPLEMENTED : ErrorCode.MARSHALLINGERROR).code());
    state.outbox.answer(request, header, null);
    if (unknown) {
      Connection c = request.connection();
      state.outbox.close(c);
      state.removeConnection(c);
    }
  }

  void write(Inflight request, Connection c, int op, Request body) {
    if (commit.forwardsWrites()) {
      TxnHeader unordered = new TxnHeader(c.sessionId(), request.xid(), 0, 0, op);
      commit.log(
          new PendingBatch.Write(
              unordered, null, PendingBatch.Origin.CLIENT, request, c, body, null));
      return;
    }
    if (mustWaitForApply(op, body, () -> write(request, c, op, body), true)) {
      return;
    }
    PrepSubject subject =
        new PrepSubject(c.sessionId(), state.sessions.isActive(c.sessionId()), c.ids());
    Txn txn = prep(op, body, subject, request);
    TxnHeader header = state.nextHeader(c.sessionId(), request.xid(), op);
    commit.log(
        new PendingBatch.Write(header, txn, PendingBatch.Origin.CLIENT, request, c, body, null));
  }

  /**
   * Prep must see what the earlier writes did: commits them first, or — when the commit stage
   * cannot apply synchronously (an ensemble leader) — parks {@code retry} until they are applied.
   *
   * @return true when the write was parked and must not go on now
   */
  private boolean mustWaitForApply(int op, Request body, Runnable retry, boolean fromClient) {
    if (!commit.mustCommitBefore(Footprint.reads(op, body))) {
      return false;
    }
    commit.commitNow();
    if (commit.commitsSynchronously() || !commit.mustCommitBefore(Footprint.reads(op, body))) {
      return false;
    }
    commit.park(retry, fromClient);
    return true;
  }

  /**
   * Ensemble leader: a write a learner forwarded for one of its clients. Prepped exactly like a
   * local write, with the client's auth ids as the learner saw them; nobody here answers it — the
   * learner answers when it applies the txn.
   */
  void forwardedWrite(long sessionId, List<Id> ids, int xid, int op, Request body) {
    if (mustWaitForApply(op, body, () -> forwardedWrite(sessionId, ids, xid, op, body), false)) {
      return;
    }
    state.sessions.touch(sessionId, state.clock.monotonicMs());
    if (op == OpCode.CLOSE_SESSION) {
      state.sessions.setClosing(sessionId);
      commit.log(
          remoteWrite(state.nextHeader(sessionId, xid, op), new Txn.CloseSession()),
          state.tree.getEphemerals(sessionId, null));
      return;
    }
    PrepSubject subject = new PrepSubject(sessionId, state.sessions.isActive(sessionId), ids);
    Txn txn;
    try {
      txn = state.prep.prep(op, body, subject, treeView);
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error(
          "Failed to prep forwarded op {} of session 0x{}", op, Long.toHexString(sessionId), e);
      txn = new Txn.Error(ErrorCode.MARSHALLINGERROR);
    }
    commit.log(remoteWrite(state.nextHeader(sessionId, xid, op), txn));
  }

  /** Ensemble leader: a learner's multi that did not decode still consumes a zxid. */
  void forwardedMalformedMulti(long sessionId, int xid) {
    commit.log(
        remoteWrite(
            state.nextHeader(sessionId, xid, OpCode.MULTI),
            new Txn.Error(ErrorCode.MARSHALLINGERROR)));
  }

  /** Ensemble leader: a learner opened a session for a new client. */
  void forwardedCreateSession(long sessionId, int timeoutMs) {
    if (!state.sessions.isKnown(sessionId)) {
      state.sessions.add(sessionId, timeoutMs, state.clock.monotonicMs());
    }
    commit.log(
        remoteWrite(
            state.nextHeader(sessionId, 0, OpCode.CREATE_SESSION),
            new Txn.CreateSession(timeoutMs)));
  }

  private static PendingBatch.Write remoteWrite(TxnHeader header, Txn txn) {
    return new PendingBatch.Write(header, txn, PendingBatch.Origin.REMOTE, null, null, null, null);
  }

  /**
   * Preps a write; a body prep cannot take (ZooKeeper's generic catch in its prep stage) becomes a
   * MARSHALLINGERROR error txn, which still consumes a zxid. Prep reads the tree and changes
   * nothing, so nothing is left half done.
   */
  private Txn prep(int op, Request body, PrepSubject subject, Inflight request) {
    try {
      return state.prep.prep(op, body, subject, treeView);
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Failed to prep op {} from {}", op, request.connection(), e);
      return new Txn.Error(ErrorCode.MARSHALLINGERROR);
    }
  }

  void closeSession(Inflight request, Connection c) {
    long id = c.sessionId();
    state.sessions.setClosing(id);
    TxnHeader header = state.nextHeader(id, request.xid(), OpCode.CLOSE_SESSION);
    commit.log(
        new PendingBatch.Write(
            header,
            new Txn.CloseSession(),
            PendingBatch.Origin.CLOSE_BY_CLIENT,
            request,
            c,
            null,
            null),
        state.tree.getEphemerals(id, null));
  }
}
