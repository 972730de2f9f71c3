package io.paddock.server.core;

import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * auth (op 100) and sasl (op 102), handled the moment they arrive, as ZooKeeper does (their replies
 * may overtake replies to earlier requests; clients do not queue them). Both replies carry zxid 0.
 * A failed auth, or an unknown scheme, gets AUTHFAILED and the connection is closed (PROTOCOL
 * 9.10). Paddock has no SASL: every sasl packet gets AUTHFAILED, and the connection stays.
 */
final class AuthOps {
  private static final Logger LOG = LoggerFactory.getLogger(AuthOps.class);
  private static final long AUTH_REPLY_ZXID = 0;

  private final CoreState state;

  AuthOps(CoreState state) {
    this.state = state;
  }

  void auth(Inflight request, AuthPacket packet) {
    Connection c = request.connection();
    List<Id> ids = state.auth.authenticate(packet.scheme(), packet.auth(), c.ip);
    if (ids != null) {
      c.addIds(ids);
      state.outbox.answer(request, new ReplyHeader(request.xid(), AUTH_REPLY_ZXID, 0), null);
      return;
    }
    LOG.warn("Authentication with scheme {} failed for {}; closing it", packet.scheme(), c);
    state.outbox.answer(
        request,
        new ReplyHeader(request.xid(), AUTH_REPLY_ZXID, ErrorCode.AUTHFAILED.code()),
        null);
    state.outbox.close(c);
    state.removeConnection(c);
  }

  void sasl(Inflight request) {
    state.outbox.answer(
        request,
        new ReplyHeader(request.xid(), AUTH_REPLY_ZXID, ErrorCode.AUTHFAILED.code()),
        null);
  }
}
