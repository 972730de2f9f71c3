package io.paddock.server.quorum;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.paddock.server.config.QuorumMember;
import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabTransport;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network between ensemble members: a Netty implementation of {@link ZabTransport} over two
 * listening ports per member.
 *
 * <ul>
 *   <li>The <b>election port</b> carries {@link ZabMessage.Notification}s only. Every member dials
 *       every other; a notification that finds no connection (or a backed-up one) may be lost, and
 *       losing an election connection is not reported.
 *   <li>The <b>quorum port</b> carries every other message over exactly one connection per pair of
 *       members: the member with the higher id dials the lower one, which learns the dialer's id
 *       from a handshake (magic, version, id) and answers with its own. Messages of a pair arrive
 *       in the order they were sent. When the connection breaks, for any reason, both sides hear
 *       {@link Inbound#onDisconnected} exactly once for it, and nothing of that connection is
 *       delivered afterwards; the dialer re-dials with a short, capped, jittered backoff ({@link
 *       QuorumLimits#RECONNECT_BACKOFF_MIN_MS} to {@link QuorumLimits#RECONNECT_BACKOFF_MAX_MS}).
 * </ul>
 *
 * <p>Frames are a 4-byte length and the {@link io.paddock.server.zab.ZabMessageCodec} bytes; a
 * length above the limit closes the connection before any allocation. Sends never block: they are
 * written on the connection's event loop and flushed together once per event-loop turn, or when the
 * caller calls {@link #flush()} after a batch. A quorum connection whose queued bytes would exceed
 * {@link QuorumTransportSettings#outboundQueueBytesMax()} is closed (and reported).
 *
 * <p>Lifecycle: {@link #bind} listens on both ports (either may be 0), {@link #connectTo} names the
 * other members and starts dialing, {@link #close()} releases everything. {@link #isolate} and
 * {@link #heal()} cut members off and back on, for tests of partitions.
 */
public final class QuorumTransport implements ZabTransport, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QuorumTransport.class);

  /**
   * What the transport tells its owner. Called on Netty threads, possibly several at once (the
   * owner queues the calls onto its own thread and must neither block nor call {@link #close()}
   * here). Calls about one peer's quorum connection come in order and one at a time; notifications
   * travel on their own connections and are not ordered with them. An exception thrown here is
   * logged and otherwise ignored. Nothing is called after {@link #close()}.
   */
  public interface Inbound {
    /** A message from member {@code fromId} arrived. */
    void onMessage(long fromId, ZabMessage m);

    /**
     * The quorum connection to member {@code peerId} broke; called once per connection, after its
     * last message and before any message of the next one.
     */
    void onDisconnected(long peerId);

    /**
     * A quorum connection to member {@code peerId} was established; called before its first
     * message. Sends to a peer without a connection are dropped unreported, so an owner that must
     * not lose its first message to a peer can wait for this. Does nothing by default.
     */
    default void onConnected(long peerId) {}
  }

  /**
   * Where another member listens.
   *
   * @param quorum its quorum port (the leader's followers connect here)
   * @param election its election port
   */
  public record PeerAddress(InetSocketAddress quorum, InetSocketAddress election) {
    /** Checks that nothing is null. */
    public PeerAddress {
      Objects.requireNonNull(quorum, "quorum");
      Objects.requireNonNull(election, "election");
    }

    /** The addresses of a {@code server.N} line. */
    public static PeerAddress of(QuorumMember member) {
      return new PeerAddress(member.quorumAddress(), member.electionAddress());
    }

    /**
     * The peers of member {@code myId}: every member of the ensemble but itself, by id, for {@link
     * QuorumTransport#connectTo}.
     */
    public static Map<Long, PeerAddress> ofMembers(Collection<QuorumMember> members, long myId) {
      Map<Long, PeerAddress> peers = new LinkedHashMap<>();
      for (QuorumMember member : members) {
        if (member.id() != myId) {
          peers.put(member.id(), of(member));
        }
      }
      return peers;
    }
  }

  private static final WriteBufferWaterMark ELECTION_WATER_MARK =
      new WriteBufferWaterMark(
          QuorumLimits.ELECTION_WRITE_BUFFER_LOW_WATER_MARK_BYTES,
          QuorumLimits.ELECTION_WRITE_BUFFER_HIGH_WATER_MARK_BYTES);

  private final long myId;
  private final Inbound inbound;
  private final QuorumTransportSettings settings;
  private final PeerSockets sockets;
  private final Set<Long> isolated = ConcurrentHashMap.newKeySet();
  private Channel quorumServer;
  private Channel electionServer;
  private volatile Map<Long, QuorumLink> quorumLinks = Map.of();
  private volatile Map<Long, ElectionLink> electionLinks = Map.of();
  private volatile boolean closed;
  private boolean peersKnown; // guarded by this

  private QuorumTransport(long myId, Inbound inbound, QuorumTransportSettings settings) {
    this.myId = myId;
    this.inbound = Objects.requireNonNull(inbound, "inbound");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sockets = new PeerSockets(myId, settings);
  }

  /**
   * Listens on both ports of member {@code myId}; nothing is sent until {@link #connectTo}.
   *
   * @param myId this member's server id
   * @param quorumBind where to listen for quorum connections (port 0 picks a free one)
   * @param electionBind where to listen for election connections (port 0 picks a free one)
   * @param inbound receives messages and disconnects, on Netty threads
   * @param settings limits; {@link QuorumTransportSettings#defaults()} in production
   * @throws UncheckedIOException wrapping a {@link BindException} when a port cannot be bound
   */
  public static QuorumTransport bind(
      long myId,
      InetSocketAddress quorumBind,
      InetSocketAddress electionBind,
      Inbound inbound,
      QuorumTransportSettings settings) {
    QuorumTransport transport = new QuorumTransport(myId, inbound, settings);
    try {
      transport.quorumServer = transport.sockets.listen(quorumBind, transport::setUpAcceptedQuorum);
      transport.electionServer =
          transport.sockets.listen(electionBind, transport::setUpAcceptedElection);
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
    LOG.info(
        "member {} listens for quorum connections on port {} and for election on port {}",
        myId,
        transport.quorumPort(),
        transport.electionPort());
    return transport;
  }

  /** This member's server id. */
  public long myId() {
    return myId;
  }

  /** The port the quorum channel listens on (the real one when bound to 0). */
  public int quorumPort() {
    return ((InetSocketAddress) quorumServer.localAddress()).getPort();
  }

  /** The port the election channel listens on (the real one when bound to 0). */
  public int electionPort() {
    return ((InetSocketAddress) electionServer.localAddress()).getPort();
  }

  /**
   * Names the other members and starts connecting: quorum connections to every member with a lower
   * id, election connections to all. Handshakes from ids not named here are refused. Once only.
   *
   * @param peers the other members by id; must not contain {@link #myId()}
   * @throws IllegalStateException if called twice or after {@link #close()}
   */
  public synchronized void connectTo(Map<Long, PeerAddress> peers) {
    if (closed) {
      throw new IllegalStateException("the quorum transport of member " + myId + " is closed");
    }
    if (peersKnown) {
      throw new IllegalStateException("connectTo was already called on member " + myId);
    }
    if (peers.containsKey(myId)) {
      throw new IllegalArgumentException("the peers of member " + myId + " include itself");
    }
    Map<Long, QuorumLink> quorum = new HashMap<>();
    Map<Long, ElectionLink> election = new HashMap<>();
    for (Map.Entry<Long, PeerAddress> e : peers.entrySet()) {
      long id = e.getKey();
      PeerAddress address = Objects.requireNonNull(e.getValue(), "address of member " + id);
      quorum.put(
          id,
          new QuorumLink(
              this,
              id,
              address,
              new Backoff(settings.reconnectBackoffMinMs(), settings.reconnectBackoffMaxMs())));
      election.put(id, new ElectionLink(this, id, address.election()));
    }
    peersKnown = true;
    quorumLinks = Map.copyOf(quorum);
    electionLinks = Map.copyOf(election);
    for (QuorumLink link : quorumLinks.values()) {
      if (link.isDialer()) {
        link.startDialing();
      }
    }
    for (ElectionLink link : electionLinks.values()) {
      link.connectSoon();
    }
  }

  /**
   * Queues {@code message} for member {@code toId}: a notification on the election channel, every
   * other message on the quorum channel. Never blocks; drops the message, without a report, when
   * the member is unknown, isolated or has no established quorum connection (see {@link
   * Inbound#onConnected}). Call from one thread per peer for FIFO order.
   *
   * @throws IllegalArgumentException if the message encodes to more than the frame limit
   */
  @Override
  public void send(long toId, ZabMessage message) {
    if (closed || isolated.contains(toId)) {
      return;
    }
    if (message instanceof ZabMessage.Notification) {
      ElectionLink link = electionLinks.get(toId);
      if (link != null) {
        link.send(Frames.encode(message, QuorumLimits.ELECTION_FRAME_BYTES_MAX));
      }
      return;
    }
    QuorumLink link = quorumLinks.get(toId);
    QuorumConnection connection = link == null ? null : link.current();
    if (connection != null) {
      connection.send(Frames.encode(message, settings.frameBytesMax()));
    }
  }

  /**
   * Flushes what was sent so far on every quorum connection; call it after a batch of sends. Sends
   * are flushed on their own soon after anyway; this only makes the batch boundary explicit.
   */
  public void flush() {
    for (QuorumLink link : quorumLinks.values()) {
      QuorumConnection connection = link.current();
      if (connection != null) {
        connection.flush();
      }
    }
  }

  /**
   * Bytes sent to member {@code peerId} and not yet written to its socket (0 without a connection).
   * A caller streaming a large payload in chunks waits for this to fall before sending more: above
   * {@link QuorumTransportSettings#outboundQueueBytesMax()} the connection is closed.
   */
  public long queuedBytes(long peerId) {
    QuorumLink link = quorumLinks.get(peerId);
    QuorumConnection connection = link == null ? null : link.current();
    return connection == null ? 0 : connection.queuedBytes();
  }

  /** The members with an established quorum connection right now. */
  public Set<Long> connectedPeers() {
    Set<Long> connected = new TreeSet<>();
    for (QuorumLink link : quorumLinks.values()) {
      if (link.current() != null) {
        connected.add(link.peerId());
      }
    }
    return connected;
  }

  /**
   * Closes the quorum connection to {@code peerId} (the peer abandoned it: a protocol error, or a
   * leader it no longer follows): what is queued is dropped, both sides learn of the break, and the
   * next connection starts afresh.
   */
  @Override
  public void disconnect(long peerId) {
    QuorumLink link = quorumLinks.get(peerId);
    if (link != null) {
      link.closeCurrent();
    }
  }

  /**
   * Cuts this member off from {@code peers} until {@link #heal()}: traffic to and from them is
   * dropped, existing connections with them are closed (the quorum ones reported), and their
   * connection attempts are refused. Adds to members isolated before.
   */
  public void isolate(Set<Long> peers) {
    isolated.addAll(peers);
    sockets.closeChannelsOf(peers);
    for (long peer : peers) {
      ElectionLink election = electionLinks.get(peer);
      if (election != null) {
        election.close();
      }
      QuorumLink quorum = quorumLinks.get(peer);
      if (quorum != null) {
        quorum.closeCurrent();
      }
    }
  }

  /**
   * Ends every isolation: connections are allowed again. Where this member dials, it dials at once;
   * a member that dials this one retries within its backoff (at most {@link
   * QuorumLimits#RECONNECT_BACKOFF_MAX_MS} by default).
   */
  public void heal() {
    Set<Long> healed = Set.copyOf(isolated);
    isolated.clear();
    for (long peer : healed) {
      QuorumLink link = quorumLinks.get(peer);
      if (link != null && link.isDialer()) {
        link.resumeDialing();
      }
      ElectionLink election = electionLinks.get(peer);
      if (election != null) {
        election.connectSoon();
      }
    }
  }

  /**
   * Closes both ports and every connection (peers see the quorum connections end) and stops the
   * threads, waiting at most {@link QuorumLimits#SHUTDOWN_TIMEOUT_MS}. No call reaches the {@link
   * Inbound} afterwards. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (quorumServer != null) {
      quorumServer.close();
    }
    if (electionServer != null) {
      electionServer.close();
    }
    for (ElectionLink link : electionLinks.values()) {
      link.close();
    }
    sockets.close();
    LOG.info("quorum transport of member {} closed", myId);
  }

  @Override
  public String toString() {
    return "QuorumTransport[member " + myId + ", connected " + connectedPeers() + "]";
  }

  // ---- package-private: used by the links and handlers ----

  boolean isClosed() {
    return closed;
  }

  boolean isIsolated(long peerId) {
    return isolated.contains(peerId);
  }

  int handshakeTimeoutMs() {
    return settings.handshakeTimeoutMs();
  }

  int frameBytesMax() {
    return settings.frameBytesMax();
  }

  long outboundQueueBytesMax() {
    return settings.outboundQueueBytesMax();
  }

  QuorumLink quorumLink(long peerId) {
    return quorumLinks.get(peerId);
  }

  /** Open quorum connections, established or still in their handshake; for tests. */
  int openQuorumChannelCount() {
    return sockets.openChannelCount(QuorumChannelHandler.class);
  }

  /** Why a quorum handshake from {@code peerId} is refused, or null if it is welcome. */
  String quorumRefusal(long peerId) {
    QuorumLink link = quorumLinks.get(peerId);
    if (quorumLinks.isEmpty()) {
      return "member " + peerId + " dialed before this member was given the ensemble (connectTo)";
    }
    if (link == null) {
      return "member " + peerId + " is not a configured member";
    }
    if (!(peerId > myId)) {
      return "member " + peerId + " has a lower id and is dialed by member " + myId;
    }
    if (isolated.contains(peerId)) {
      return "member " + peerId + " is isolated";
    }
    return null;
  }

  /** Why an election handshake from {@code peerId} is refused, or null if it is welcome. */
  String electionRefusal(long peerId) {
    if (electionLinks.isEmpty()) {
      return "member " + peerId + " dialed before this member was given the ensemble (connectTo)";
    }
    if (!electionLinks.containsKey(peerId)) {
      return "member " + peerId + " is not a configured member";
    }
    if (isolated.contains(peerId)) {
      return "member " + peerId + " is isolated";
    }
    return null;
  }

  /** Marks a channel as belonging to {@code peerId}, so {@link #isolate} can find it. */
  void tagPeer(Channel channel, long peerId) {
    PeerSockets.tagPeer(channel, peerId);
  }

  void reportMessage(long peerId, ZabMessage message) {
    if (closed) {
      return;
    }
    try {
      inbound.onMessage(peerId, message);
    } catch (RuntimeException e) {
      LOG.error("the owner of member {}'s transport failed on a message from {}", myId, peerId, e);
    }
  }

  void reportConnected(long peerId) {
    if (closed) {
      return;
    }
    try {
      inbound.onConnected(peerId);
    } catch (RuntimeException e) {
      LOG.error(
          "the owner of member {}'s transport failed on the connection of {}", myId, peerId, e);
    }
  }

  void reportDisconnected(long peerId) {
    if (closed) {
      return;
    }
    try {
      inbound.onDisconnected(peerId);
    } catch (RuntimeException e) {
      LOG.error("the owner of member {}'s transport failed on the loss of {}", myId, peerId, e);
    }
  }

  /** Runs {@code task} on an I/O thread after {@code delayMs}; nothing happens once closed. */
  void schedule(Runnable task, long delayMs) {
    if (!closed) {
      sockets.schedule(task, delayMs);
    }
  }

  ChannelFuture dialQuorum(QuorumLink link, InetSocketAddress address) {
    return sockets.dial(
        address,
        null,
        channel -> {
          FrameDecoder decoder = new FrameDecoder();
          channel.pipeline().addLast(decoder, new QuorumChannelHandler(this, decoder, link));
        });
  }

  ChannelFuture dialElection(InetSocketAddress address) {
    return sockets.dial(
        address, ELECTION_WATER_MARK, channel -> channel.pipeline().addLast(new SendOnlyHandler()));
  }

  private void setUpAcceptedQuorum(SocketChannel channel) {
    if (closed) {
      channel.close();
      return;
    }
    FrameDecoder decoder = new FrameDecoder();
    channel.pipeline().addLast(decoder, new QuorumChannelHandler(this, decoder, null));
  }

  private void setUpAcceptedElection(SocketChannel channel) {
    if (closed) {
      channel.close();
      return;
    }
    FrameDecoder decoder = new FrameDecoder();
    channel.pipeline().addLast(decoder, new ElectionChannelHandler(this, decoder));
  }
}
