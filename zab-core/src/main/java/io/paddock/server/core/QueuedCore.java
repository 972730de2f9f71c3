package io.paddock.server.core;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.core.fourletter.FourLetterText;
import java.util.concurrent.CompletableFuture;

/**
 * What every server core does with what the transport hands it: turn it into a {@link CoreEvent}
 * and queue it for the one thread that owns the state, or — when that thread no longer takes events
 * — turn it away at once (connections closed, waiters answered).
 */
abstract class QueuedCore implements ServerCore {
  final ServerConfig config;
  final CoreClock clock;
  final ServerStats stats = new ServerStats();

  QueuedCore(ServerConfig config, CoreClock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Queues an event on the state thread; false when it no longer takes events. */
  abstract boolean offer(CoreEvent event);

  /** Queues an event, or turns it away when the core is not running. */
  final boolean enqueue(CoreEvent event) {
    if (offer(event)) {
      return true;
    }
    StateLoop.reject(event, stats);
    return false;
  }

  /**
   * Completes once the state thread processed every event queued before this call and finished its
   * round. Tests use it to wait without sleeping.
   */
  public CompletableFuture<Void> barrier() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!enqueue(new CoreEvent.Barrier(done))) {
      done.complete(null);
    }
    return done;
  }

  /** Requests accepted and not yet answered. */
  public int outstandingRequests() {
    return stats.outstanding.get();
  }

  /**
   * True when more requests are outstanding than {@code globalOutstandingLimit}: a transport should
   * stop reading from its connections until this is false again (ZooKeeper's throttle).
   */
  public boolean isOverloaded() {
    return stats.outstanding.get() > config.globalOutstandingLimit();
  }

  /** True when the configured whitelist lets the word answer. */
  public boolean isFourLetterWordEnabled(String command) {
    return config.fourLetterWordWhitelist().contains(command);
  }

  @Override
  public void onConnect(ClientChannel channel, ConnectRequest request, boolean readOnlyPresent) {
    enqueue(new CoreEvent.Connect(channel, request, readOnlyPresent, clock.monotonicMs()));
  }

  @Override
  public void onRequest(ClientChannel channel, RequestHeader header, Request request) {
    stats.outstanding.incrementAndGet();
    enqueue(new CoreEvent.Packet(channel, header, request, clock.monotonicMs()));
  }

  @Override
  public void onBadFrame(
      ClientChannel channel, RequestHeader header, BadFrame kind, String reason) {
    stats.outstanding.incrementAndGet();
    enqueue(new CoreEvent.BadPacket(channel, header, kind, reason, clock.monotonicMs()));
  }

  @Override
  public void onDisconnect(ClientChannel channel) {
    enqueue(new CoreEvent.Disconnect(channel));
  }

  @Override
  public CompletableFuture<String> fourLetterWord(String command) {
    if (!isFourLetterWordEnabled(command)) {
      return CompletableFuture.completedFuture(FourLetterText.notInWhitelist(command));
    }
    CompletableFuture<String> result = new CompletableFuture<>();
    enqueue(new CoreEvent.FourLetter(command, result));
    return result;
  }
}
