package io.paddock.server.core;

import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.client.protocol.Xids;
import io.paddock.store.watch.WatchEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the core sends goes through here: it keeps the counters, never writes to a closed
 * connection, and remembers which connections have unflushed sends so that each is flushed once per
 * round ({@link #flushTouched()}).
 */
final class Outbox {
  /** The state ZooKeeper puts in every server-sent watch event: SyncConnected. */
  static final int SYNC_CONNECTED = 3;

  private final ServerStats stats;
  private final CoreClock clock;
  private final Set<Connection> touched = new LinkedHashSet<>();

  Outbox(ServerStats stats, CoreClock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  /** Queues the handshake answer. */
  void connectResponse(Connection c, ConnectResponse response, boolean includeReadOnly) {
    if (c.isClosed()) {
      return;
    }
    c.channel.sendConnectResponse(response, includeReadOnly);
    sent(c);
  }

  /** Queues a watch notification: {@code ReplyHeader(−1, zxid, 0)} and the event. */
  void notify(Connection c, WatchEvent event) {
    if (c.isClosed()) {
      return;
    }
    WatcherEvent body = new WatcherEvent(event.type().code(), SYNC_CONNECTED, event.path());
    c.channel.send(new ReplyHeader(Xids.NOTIFICATION, event.zxid(), 0), body);
    sent(c);
  }

  /**
   * Answers a request: queues the reply (when the connection is open), updates the latency and
   * per-connection counters, and takes the request off the outstanding count.
   *
   * @param body the body, or null for a header-only reply
   */
  void answer(Inflight request, ReplyHeader header, JuteRecord body) {
    Connection c = request.connection();
    long latency = Math.max(0, clock.monotonicMs() - request.receivedMs());
    if (!c.isClosed()) {
      c.channel.send(header, body);
      sent(c);
      c.stats.answered(
          header.xid(), header.zxid(), OpTags.of(request.opCode()), latency, clock.wallMs());
    }
    stats.latency(latency);
    finish(request);
  }

  /** Takes a request that gets no reply (its connection went away) off the outstanding count. */
  void finish(Inflight request) {
    request.connection().stats.requestDone();
    stats.outstanding.decrementAndGet();
  }

  private void sent(Connection c) {
    c.stats.packetSent();
    stats.packetSent();
    touched.add(c);
  }

  /** Flushes then closes a connection; nothing more is sent on it. Idempotent. */
  void close(Connection c) {
    if (c.isClosed()) {
      return;
    }
    c.markClosed();
    touched.remove(c);
    c.channel.close();
  }

  /** Flushes every connection that got sends since the last call. */
  void flushTouched() {
    if (touched.isEmpty()) {
      return;
    }
    List<Connection> list = new ArrayList<>(touched);
    touched.clear();
    for (Connection c : list) {
      if (!c.isClosed()) {
        c.channel.flush();
      }
    }
  }
}
