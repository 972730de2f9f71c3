package io.paddock.server.core;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.server.core.session.SessionIds;
import io.paddock.store.model.OpCode;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect handshake (PROTOCOL 3.3): refuse a client that has seen more than this server, clamp
 * the timeout, then either create a session (a createSession txn; the ConnectResponse leaves once
 * it is committed and applied) or resume one.
 *
 * <p><b>Departure from ZooKeeper.</b> On resume ZooKeeper first closes whatever connection holds
 * the session and only then checks the password, so anyone who knows a session id can cut the
 * rightful client off (its reconnect then succeeds, but every attempt costs it a disconnect). Here
 * the password is checked first; a wrong password (or an unknown or expiring session) gets the
 * invalid ConnectResponse and its own connection closed, and the rightful connection is not
 * touched. Only a valid resume moves the session and closes the old connection.
 */
final class Handshake {
  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);
  private static final int PROTOCOL_VERSION = 0;

  /**
   * A new session waiting for its createSession txn.
   *
   * @param connection the connection that asked
   * @param sessionId the new id
   * @param timeoutMs the negotiated timeout
   * @param includeReadOnly whether the client sent the readOnly byte
   */
  record Pending(Connection connection, long sessionId, int timeoutMs, boolean includeReadOnly) {}

  private final CoreState state;
  private final CommitStage writes;

  Handshake(CoreState state, CommitStage writes) {
    this.state = state;
    this.writes = writes;
  }

  void onConnect(CoreEvent.Connect event) {
    Connection existing = state.connection(event.channel());
    if (existing != null) {
      LOG.warn("A second ConnectRequest on {}; closing it", existing);
      drop(existing);
      return;
    }
    Connection c = new Connection(event.channel(), state.clock.wallMs());
    state.addConnection(c);
    c.stats.packetReceived();
    state.stats.packetReceived();
    ConnectRequest r = event.request();
    if (r.lastZxidSeen() > state.lastProcessedZxid()) {
      // §3.3 step 3: the client has seen a newer state than ours; it must try another server.
      LOG.info(
          "Refusing {}: it has seen zxid 0x{}, we are at 0x{}",
          c,
          Long.toHexString(r.lastZxidSeen()),
          Long.toHexString(state.lastProcessedZxid()));
      drop(c);
      return;
    }
    int timeoutMs =
        Math.max(
            state.config.minSessionTimeoutMs(),
            Math.min(state.config.maxSessionTimeoutMs(), r.timeoutMs()));
    if (r.sessionId() == 0) {
      createSession(c, timeoutMs, event.readOnlyPresent());
    } else {
      resume(c, r, timeoutMs, event.readOnlyPresent());
    }
  }

  private void createSession(Connection c, int timeoutMs, boolean includeReadOnly) {
    long id = state.sessions.nextSessionId(state.tree::hasSession);
    state.sessions.add(id, timeoutMs, state.clock.monotonicMs());
    c.bind(id, timeoutMs);
    state.setOwner(id, c);
    TxnHeader header = state.nextHeader(id, 0, OpCode.CREATE_SESSION);
    Pending pending = new Pending(c, id, timeoutMs, includeReadOnly);
    writes.log(
        new PendingBatch.Write(
            header,
            new Txn.CreateSession(timeoutMs),
            PendingBatch.Origin.CREATE_SESSION,
            null,
            c,
            null,
            pending));
  }

  /** Logs a new session's createSession again (its member changed role before it committed). */
  void relog(Pending p) {
    if (p.connection().isClosed()) {
      return;
    }
    writes.log(
        new PendingBatch.Write(
            state.nextHeader(p.sessionId(), 0, OpCode.CREATE_SESSION),
            new Txn.CreateSession(p.timeoutMs()),
            PendingBatch.Origin.CREATE_SESSION,
            null,
            p.connection(),
            null,
            p));
  }

  /** Called once the createSession txn is applied: the client learns its session. */
  void sessionCreated(Pending p) {
    state.outbox.connectResponse(
        p.connection(),
        new ConnectResponse(
            PROTOCOL_VERSION,
            p.timeoutMs(),
            p.sessionId(),
            SessionIds.password(p.sessionId()),
            false),
        p.includeReadOnly());
  }

  private void resume(Connection c, ConnectRequest r, int timeoutMs, boolean includeReadOnly) {
    long id = r.sessionId();
    if (!SessionIds.passwordMatches(id, r.passwd()) || !state.sessions.isActive(id)) {
      // Password first (see the class comment): the rightful connection stays as it is.
      state.outbox.connectResponse(
          c,
          new ConnectResponse(PROTOCOL_VERSION, 0, 0, new byte[SessionIds.PASSWORD_BYTES], false),
          includeReadOnly);
      drop(c);
      return;
    }
    Connection old = state.owner(id);
    if (old != null && old != c) {
      if (old.hasUnappliedWrites()) {
        writes.commitNow(); // the session's writes on the old connection stay ahead of the new one
      }
      LOG.info("Session 0x{} moves from {} to {}", Long.toHexString(id), old, c);
      drop(old);
    }
    state.sessions.setTimeout(id, timeoutMs, state.clock.monotonicMs());
    c.bind(id, timeoutMs);
    state.setOwner(id, c);
    state.outbox.connectResponse(
        c,
        new ConnectResponse(PROTOCOL_VERSION, timeoutMs, id, SessionIds.password(id), false),
        includeReadOnly);
  }

  /** Closes a connection (after flushing what it was sent) and forgets it. */
  private void drop(Connection c) {
    state.outbox.close(c);
    state.removeConnection(c);
  }
}
