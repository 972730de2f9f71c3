package io.paddock.server.core;

import io.paddock.client.protocol.Response;
import io.paddock.store.model.ErrorCode;

/**
 * A reply's error code and body.
 *
 * @param err the code for the reply header
 * @param body the body, sent only when {@code err} is OK; null for header-only replies
 */
record Reply(ErrorCode err, Response body) {
  static Reply ok(Response body) {
    return new Reply(ErrorCode.OK, body);
  }

  static Reply error(ErrorCode err) {
    return new Reply(err, null);
  }

  /** The body to send: null unless the reply succeeded. */
  Response bodyToSend() {
    return err.isOk() ? body : null;
  }
}
