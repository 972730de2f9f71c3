package io.paddock.server.core;

import io.paddock.server.core.auth.AuthSchemes;
import io.paddock.store.model.Id;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The core's view of one client connection: its channel, the session it carries, the ids it
 * authenticated, and its counters. It is also the watcher object of the watch registry (identity
 * equality, one watcher per connection, as ZooKeeper's {@code ServerCnxn}). State thread only.
 */
final class Connection {
  final ClientChannel channel;
  final InetSocketAddress remote;
  final String ip;
  final ConnectionStats stats;
  private final List<Id> ids = new ArrayList<>();
  private long sessionId;
  private int timeoutMs;
  private boolean closed;
  private int unappliedWrites;

  Connection(ClientChannel channel, long establishedMs) {
    this.channel = channel;
    this.remote = channel.remoteAddress();
    this.ip =
        remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    this.stats = new ConnectionStats(establishedMs);
    ids.add(AuthSchemes.ipId(ip));
  }

  /** The ids this connection holds: {@code ip:<address>} first, then those auth packets added. */
  List<Id> ids() {
    return List.copyOf(ids);
  }

  /** Adds ids an auth packet produced, skipping ones already held (ZooKeeper's addAuthInfo). */
  void addIds(List<Id> added) {
    for (Id id : added) {
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
  }

  long sessionId() {
    return sessionId;
  }

  int timeoutMs() {
    return timeoutMs;
  }

  /** Binds the connection to a session (once the handshake chose or created it). */
  void bind(long id, int negotiatedTimeoutMs) {
    if (sessionId != 0 && sessionId != id) {
      throw new IllegalStateException(
          "connection "
              + channel.connectionId()
              + " already carries session 0x"
              + Long.toHexString(sessionId));
    }
    sessionId = id;
    timeoutMs = negotiatedTimeoutMs;
  }

  boolean isClosed() {
    return closed;
  }

  /** Marks the connection closed; nothing more is sent on it. */
  void markClosed() {
    closed = true;
  }

  /** True while writes of this connection are logged and not yet applied. */
  boolean hasUnappliedWrites() {
    return unappliedWrites > 0;
  }

  /** Forgets the unapplied writes (they are being re-submitted through a new commit stage). */
  void resetUnappliedWrites() {
    unappliedWrites = 0;
  }

  void writeLogged() {
    unappliedWrites++;
  }

  void writeApplied() {
    if (unappliedWrites <= 0) {
      throw new IllegalStateException("more writes applied than logged on a connection");
    }
    unappliedWrites--;
  }

  @Override
  public String toString() {
    return "Connection["
        + channel.connectionId()
        + " "
        + remote
        + " 0x"
        + Long.toHexString(sessionId)
        + "]";
  }
}
