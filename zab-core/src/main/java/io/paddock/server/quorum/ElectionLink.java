package io.paddock.server.quorum;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's outgoing election connection to one peer (every member dials every other on its
 * election port; each direction has its own connection). Lossy by contract: a notification is
 * written if the connection is up and not backed up, kept (the newest {@link
 * QuorumLimits#ELECTION_PENDING_MESSAGES_MAX}) while a connection is being opened, and dropped
 * otherwise. A send with no connection opens one at once, or as soon as {@link
 * QuorumLimits#RECONNECT_BACKOFF_MIN_MS} has passed since the last failed attempt, so a restarted
 * peer hears from this member as soon as either side has something to say.
 */
final class ElectionLink {
  private static final Logger LOG = LoggerFactory.getLogger(ElectionLink.class);

  private final QuorumTransport transport;
  private final long peerId;
  private final InetSocketAddress address;
  private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>(); // guarded by this
  private Channel channel; // guarded by this; handshake already written
  private boolean connecting; // guarded by this
  private long lastFailureNanos; // guarded by this
  private boolean failedBefore; // guarded by this

  ElectionLink(QuorumTransport transport, long peerId, InetSocketAddress address) {
    this.transport = transport;
    this.peerId = peerId;
    this.address = address;
  }

  /** Sends a notification frame (taking ownership of it), lossily; never blocks. */
  synchronized void send(ByteBuf frame) {
    if (channel != null && channel.isActive()) {
      if (channel.isWritable()) {
        channel.writeAndFlush(frame, channel.voidPromise());
      } else {
        frame.release();
      }
      return;
    }
    pending.addLast(frame);
    while (pending.size() > QuorumLimits.ELECTION_PENDING_MESSAGES_MAX) {
      pending.removeFirst().release();
    }
    connectSoon();
  }

  /** Opens the connection unless it is open or opening. */
  synchronized void connectSoon() {
    if ((channel != null && channel.isActive()) || connecting) {
      return;
    }
    if (transport.isClosed() || transport.isIsolated(peerId)) {
      clearPending();
      return;
    }
    connecting = true;
    long delayMs = 0;
    if (failedBefore) {
      long sinceMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFailureNanos);
      delayMs = Math.max(0, QuorumLimits.RECONNECT_BACKOFF_MIN_MS - sinceMs);
    }
    transport.schedule(this::connect, delayMs);
  }

  /** Closes the connection and forgets pending notifications (the peer is isolated or we close). */
  synchronized void close() {
    clearPending();
    if (channel != null) {
      channel.close();
    }
  }

  private void connect() {
    if (transport.isClosed() || transport.isIsolated(peerId)) {
      synchronized (this) {
        connecting = false;
        clearPending();
      }
      return;
    }
    ChannelFuture attempt = transport.dialElection(address);
    attempt.addListener(done -> onConnectDone(attempt));
  }

  private synchronized void onConnectDone(ChannelFuture attempt) {
    connecting = false;
    if (!attempt.isSuccess()) {
      LOG.debug("cannot reach the election port of member {} at {}", peerId, address);
      failedBefore = true;
      lastFailureNanos = System.nanoTime();
      clearPending();
      return;
    }
    Channel opened = attempt.channel();
    if (transport.isClosed() || transport.isIsolated(peerId)) {
      opened.close();
      clearPending();
      return;
    }
    failedBefore = false;
    transport.tagPeer(opened, peerId);
    opened.write(Handshake.of(Handshake.ELECTION_MAGIC, transport.myId()).toFrame());
    while (!pending.isEmpty()) {
      opened.write(pending.removeFirst(), opened.voidPromise());
    }
    opened.flush();
    channel = opened;
    opened.closeFuture().addListener(f -> onClosed(opened));
  }

  private synchronized void onClosed(Channel closed) {
    if (channel == closed) {
      channel = null;
    }
  }

  private void clearPending() {
    while (!pending.isEmpty()) {
      pending.removeFirst().release();
    }
  }
}
