package io.paddock.client.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One credential of {@code addAuthInfo}: kept for the life of the session and re-sent after every
 * reconnect, before the watches and the queued requests (PROTOCOL.md §4). The callers waiting for
 * the first acknowledgement are calls without a request of their own. Used on the I/O thread only.
 */
final class AuthInfo {
  final String scheme;
  final byte[] auth;
  final List<Call<Void>> waiters = new ArrayList<>();

  AuthInfo(String scheme, byte[] auth) {
    this.scheme = scheme;
    this.auth = auth;
  }
}
