package io.paddock.client.internal;

import io.netty.channel.EventLoop;
import io.paddock.client.ConnectionState;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.ErrorCode;
import java.net.ProtocolException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection half of the client engine, on the I/O thread: drives the {@link
 * SessionStateMachine} with one timer, opens connection attempts host after host, performs the
 * handshake and the reconnect priming (auth packets, SetWatches batches, queued requests, in that
 * order), and drops connections on timeouts and protocol violations.
 */
abstract class ConnectionDriver extends CoreSupport implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionDriver.class);

  final NettyTransport transport;
  final EventLoop loop;
  final HostList hosts;
  Connection connection;
  boolean closing;
  private ScheduledFuture<?> timer;
  private long timerAtMs = Long.MAX_VALUE;
  private boolean readsPaused;

  ConnectionDriver(
      ClientConfig config,
      EventDispatcher events,
      SessionStateMachine machine,
      HostList hosts,
      NettyTransport transport) {
    super(config, events, machine);
    this.hosts = hosts;
    this.transport = transport;
    this.loop = transport.loop();
  }

  /** Ends a close whose connection went away before the closeSession reply. */
  abstract void finishClose(String why);

  /** Cancels the timer (the client is terminal). */
  void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  void tick() {
    timer = null; // this run consumes the scheduled tick; reschedule() must plan the next one
    timerAtMs = Long.MAX_VALUE;
    long now = clock.nowMs();
    failStaleQueued(now);
    for (int i = 0; i < ClientLimits.TICK_ACTIONS_MAX; i++) {
      SessionStateMachine.Action action = machine.poll(now);
      if (action == SessionStateMachine.Action.NONE) {
        break;
      }
      switch (action) {
        case START_ATTEMPT -> startAttempt(now);
        case SEND_PING -> {
          requireConnection().writePing();
          connection.flush();
          machine.onSent(now);
        }
        case DROP_CONNECTION -> dropConnection(requireConnection(), timeoutReason());
        case EXPIRE -> {
          machine.expire("no server heard from for " + machine.expirationTimeoutMs() + " ms");
          terminate(ErrorCode.SESSIONEXPIRED);
        }
        default -> throw new IllegalStateException("unknown action " + action);
      }
    }
    reschedule(now);
  }

  private String timeoutReason() {
    return machine.phase() == SessionStateMachine.Phase.ESTABLISHED
        ? "nothing received for the read timeout of " + machine.readTimeoutMs() + " ms"
        : "connect attempt timed out after " + machine.connectTimeoutMs() + " ms";
  }

  private Connection requireConnection() {
    if (connection == null) {
      throw new IllegalStateException("no connection in phase " + machine.phase());
    }
    return connection;
  }

  private void startAttempt(long now) {
    machine.attemptStarted(now);
    Connection c = new Connection(hosts.next());
    connection = c;
    LOG.debug("connecting to {}", c);
    transport.connect(c, this, machine.connectTimeoutMs(), !readsPaused);
  }

  @Override
  public void onActive(Connection c) {
    if (c != connection) {
      c.close();
      return;
    }
    long now = clock.nowMs();
    c.writeConnectRequest(machine.connectRequest(lastZxid));
    c.flush();
    machine.onSent(now);
    reschedule(now);
  }

  @Override
  public void onFrame(Connection c, byte[] frame) {
    if (c != connection) {
      return;
    }
    long now = clock.nowMs();
    machine.onReceived(now);
    try {
      if (c.isEstablished()) {
        dispatchReply(c, frame);
      } else {
        onConnectResponse(c, ConnectResponse.read(new JuteReader(frame)), now);
      }
    } catch (ProtocolException | MalformedRecordException e) {
      LOG.warn(
          "session 0x{}: dropping the connection to {}: {}",
          Long.toHexString(machine.sessionId()),
          c,
          e.getMessage());
      dropConnection(c, e.getMessage());
    }
    reschedule(now);
  }

  @Override
  public void onClosed(Connection c, Throwable cause) {
    if (c != connection) {
      return;
    }
    dropConnection(c, cause == null ? "closed by " + c : cause.toString());
    reschedule(clock.nowMs());
  }

  private void onConnectResponse(Connection c, ConnectResponse response, long now) {
    ConnectionState state = machine.onConnectResponse(response, now);
    if (state == ConnectionState.EXPIRED) {
      terminate(ErrorCode.SESSIONEXPIRED);
      return;
    }
    c.markEstablished();
    LOG.info(
        "session 0x{} established with {}, timeout {} ms",
        Long.toHexString(machine.sessionId()),
        c,
        machine.negotiatedTimeoutMs());
    publishState();
    for (AuthInfo auth : auths) {
      c.writeAuth(auth);
    }
    Map<WatchKind, List<String>> paths = new EnumMap<>(WatchKind.class);
    for (WatchKind kind : WatchKind.values()) {
      paths.put(kind, watches.paths(kind).stream().map(chroot::toServer).toList());
    }
    for (SetWatchesBatcher.Batch batch : SetWatchesBatcher.batches(paths, lastZxid)) {
      send(c, internalCall(batch.opCode(), batch.request()));
    }
    while (!queued.isEmpty()) {
      send(c, queued.poll());
    }
    c.flush();
    machine.onSent(now);
  }

  @Override
  void pauseReads() {
    if (!readsPaused && connection != null) {
      readsPaused = true;
      connection.setAutoRead(false);
      events.onDrained(this::resumeReadsSoon);
    }
  }

  private void resumeReadsSoon() {
    try {
      loop.execute(
          () -> {
            readsPaused = false;
            if (connection != null) {
              connection.setAutoRead(true);
            }
          });
    } catch (RejectedExecutionException stopped) {
      // the client is gone; nothing to resume
    }
  }

  void dropConnection(Connection c, String why) {
    if (c == null || c != connection) {
      return;
    }
    connection = null;
    c.close();
    List<Call<?>> inFlight = c.drainPending();
    if (closing) {
      inFlight.forEach(call -> fail(call, ErrorCode.CONNECTIONLOSS));
      finishClose("connection lost while closing");
      return;
    }
    machine.connectionLost(clock.nowMs(), why);
    LOG.info(
        "session 0x{}: connection to {} lost: {}", Long.toHexString(machine.sessionId()), c, why);
    publishState(() -> inFlight.forEach(call -> fail(call, ErrorCode.CONNECTIONLOSS)));
  }

  void reschedule(long now) {
    if (machine.phase() == SessionStateMachine.Phase.DEAD) {
      return;
    }
    long next = machine.nextDeadlineMs();
    if (!queued.isEmpty()) {
      next = Math.min(next, queued.peek().queuedAtMs + config.connectionTimeoutMs());
    }
    if (timer != null && !timer.isDone() && timerAtMs <= next) {
      return;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    timerAtMs = next;
    timer = loop.schedule(this::tick, Math.max(0, next - now), TimeUnit.MILLISECONDS);
  }
}
