package io.paddock.server.quorum;

import io.netty.channel.ChannelFuture;
import io.paddock.server.quorum.QuorumTransport.PeerAddress;
import io.paddock.server.zab.ZabMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything this member knows about its quorum connection to one peer: the established connection
 * (at most one), delivery of its messages, the report of its end, and, when this member has the
 * higher id, the dial loop that keeps a connection up.
 *
 * <p>One lock orders what the caller hears about this peer: a message is delivered only while its
 * connection is the current one, and the end of a connection is reported (once) under the same lock
 * when it stops being current. So a replaced or broken connection's end is reported before any
 * message of its successor, and nothing of it is delivered afterwards.
 *
 * <p>The dial loop is one chain of attempts: connect, and when the attempt fails or the connection
 * it made ends, schedule the next one after {@link Backoff} (back at the minimum once a connection
 * had been established). While the peer is isolated the chain parks; {@link #resumeDialing()}
 * restarts it.
 */
final class QuorumLink {
  private static final Logger LOG = LoggerFactory.getLogger(QuorumLink.class);

  private final QuorumTransport transport;
  private final long peerId;
  private final PeerAddress address;
  private final boolean dialer;
  private final Backoff backoff;
  private volatile QuorumConnection current;
  private boolean dialParked; // guarded by this
  private boolean unreachableLogged; // guarded by this; once per run of failed attempts

  QuorumLink(QuorumTransport transport, long peerId, PeerAddress address, Backoff backoff) {
    this.transport = transport;
    this.peerId = peerId;
    this.address = address;
    this.dialer = transport.myId() > peerId;
    this.backoff = backoff;
  }

  long peerId() {
    return peerId;
  }

  /** True when this member dials the peer (it has the higher id); false when it accepts. */
  boolean isDialer() {
    return dialer;
  }

  /** The established connection, or null. */
  QuorumConnection current() {
    return current;
  }

  /**
   * Makes {@code connection} the current one after a good handshake; an older connection is closed
   * and its end reported first.
   *
   * @return false (and nothing changes) if the peer is isolated or the transport closed
   */
  synchronized boolean establish(QuorumConnection connection) {
    if (transport.isClosed() || transport.isIsolated(peerId)) {
      return false;
    }
    QuorumConnection old = current;
    if (old != null) {
      LOG.info("member {} connected again; replacing its previous quorum connection", peerId);
      current = null;
      old.close();
      transport.reportDisconnected(peerId);
    }
    current = connection;
    backoff.reset();
    unreachableLogged = false;
    transport.reportConnected(peerId);
    LOG.info(
        "quorum connection to member {} established ({})",
        peerId,
        connection.channel().remoteAddress());
    return true;
  }

  /** Hands a message of {@code connection} to the caller if that connection is still current. */
  synchronized void deliver(QuorumConnection connection, ZabMessage message) {
    if (current == connection && !transport.isIsolated(peerId)) {
      transport.reportMessage(peerId, message);
    }
  }

  /** {@code connection}'s channel closed: reports the end once if it was current. */
  synchronized void connectionClosed(QuorumConnection connection) {
    if (current == connection) {
      current = null;
      LOG.info("quorum connection to member {} lost", peerId);
      transport.reportDisconnected(peerId);
    }
  }

  /** Closes the current connection (its end is reported when the channel has closed). */
  void closeCurrent() {
    QuorumConnection c = current;
    if (c != null) {
      c.close();
    }
  }

  /** Starts the dial loop now; only for the dialing side. */
  void startDialing() {
    if (!dialer) {
      throw new IllegalStateException("member " + peerId + " dials us; we never dial it");
    }
    transport.schedule(this::dial, 0);
  }

  /** Restarts a dial loop that parked while the peer was isolated. */
  void resumeDialing() {
    synchronized (this) {
      if (!dialParked) {
        return;
      }
      dialParked = false;
    }
    transport.schedule(this::dial, 0);
  }

  private void dial() {
    if (transport.isClosed()) {
      return;
    }
    if (transport.isIsolated(peerId)) {
      synchronized (this) {
        dialParked = true;
      }
      // heal() may have run between the check and parking: look again.
      if (!transport.isIsolated(peerId)) {
        resumeDialing();
      }
      return;
    }
    ChannelFuture attempt = transport.dialQuorum(this, address.quorum());
    attempt.addListener(
        done -> {
          if (!done.isSuccess()) {
            logUnreachable(done.cause());
            scheduleNextDial();
            return;
          }
          attempt.channel().closeFuture().addListener(closed -> scheduleNextDial());
        });
  }

  private synchronized void logUnreachable(Throwable cause) {
    if (unreachableLogged) {
      LOG.debug(
          "member {} at {} still unreachable: {}", peerId, address.quorum(), cause.toString());
    } else {
      unreachableLogged = true;
      LOG.info(
          "cannot reach member {} at {} ({}); retrying with backoff",
          peerId,
          address.quorum(),
          cause.toString());
    }
  }

  private void scheduleNextDial() {
    long delayMs;
    synchronized (this) {
      delayMs = backoff.nextDelayMs();
    }
    transport.schedule(this::dial, delayMs);
  }
}
