package io.paddock.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.PaddockException;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.client.protocol.Xids;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of a client: one Netty I/O thread that owns the session state machine, the current
 * connection, the queues and the watches, and one {@link EventDispatcher} thread for callbacks.
 *
 * <p>Every mutable field below is confined to the I/O thread; other threads reach the engine only
 * through {@link #submit} and the other public methods, which hand work to the event loop. The
 * reconnect order is ZooKeeper's (PROTOCOL.md §4): ConnectRequest; after the ConnectResponse, the
 * auth packets, the SetWatches batches, then the requests queued while disconnected. Requests in
 * flight when a connection drops fail with ConnectionLoss and are never re-sent.
 */
public final class ClientCore extends CoreSupport implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

  private final NioEventLoopGroup group;
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final HostList hosts;
  private final List<ConnectionStateListener> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

  private Connection connection;
  private ScheduledFuture<?> timer;
  private long timerAtMs = Long.MAX_VALUE;
  private boolean closing;
  private boolean readsPaused;

  /** Builds the engine; {@link #start()} begins connecting. */
  public ClientCore(ClientConfig config) {
    this(config, new Random(config.randomSeed()));
  }

  private ClientCore(ClientConfig config, Random random) {
    this(config, random, new HostList(config.connectString().hosts(), random));
  }

  private ClientCore(ClientConfig config, Random random, HostList hosts) {
    super(
        config,
        new EventDispatcher(eventThreads(config.threadFactory())),
        new SessionStateMachine(
            config.sessionTimeoutMs(),
            hosts.size(),
            config.canBeReadOnly(),
            config.sessionId(),
            config.sessionPassword(),
            random,
            config.clock().nowMs()));
    this.hosts = hosts;
    this.group = new NioEventLoopGroup(1, ioThreads(config.threadFactory()));
    this.loop = group.next();
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true);
  }

  /** Starts the first connection attempt. */
  public void start() {
    loop.execute(this::tick);
  }

  /** The hosts in trying order (for tests and logs). */
  public HostList hosts() {
    return hosts;
  }

  /** True on the I/O thread. */
  public boolean isIoThread() {
    return loop.inEventLoop();
  }

  /** Adds a state listener. */
  public void addListener(ConnectionStateListener listener) {
    listeners.add(listener);
  }

  /** Removes a state listener. */
  public void removeListener(ConnectionStateListener listener) {
    listeners.remove(listener);
  }

  @Override
  List<ConnectionStateListener> listeners() {
    return listeners;
  }

  /**
   * Sends a call (now, or once connected) and returns its future.
   *
   * @param direct true to complete on the I/O thread (blocking callers), false to complete on the
   *     event thread in order with the other callbacks
   */
  public <T> CompletableFuture<T> submit(Call<T> call, boolean direct) {
    CompletableFuture<T> future = newFuture(direct);
    call.future = future;
    call.direct = direct;
    ErrorCode dead = rejectCode;
    if (dead != null) {
      future.completeExceptionally(PaddockException.create(dead, call.clientPath));
      return future;
    }
    try {
      loop.execute(() -> submitOnLoop(call));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(PaddockException.create(rejectCodeOr(), call.clientPath));
    }
    return future;
  }

  /** Adds a credential (kept and re-sent after every reconnect); see {@code addAuthInfo}. */
  public CompletableFuture<Void> addAuth(String scheme, byte[] auth, boolean direct) {
    Call<Void> waiter = new Call<>(OpCode.AUTH, EmptyRequest.INSTANCE, null, null);
    CompletableFuture<Void> future = newFuture(direct);
    waiter.future = future;
    waiter.direct = direct;
    try {
      loop.execute(() -> addAuthOnLoop(new AuthInfo(scheme, auth.clone()), waiter));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(PaddockException.create(rejectCodeOr(), null));
    }
    return future;
  }

  /**
   * Starts closing: closeSession when connected (waiting at most {@link
   * ClientLimits#CLOSE_REPLY_WAIT_MS_MAX} for the reply), then CLOSED. Idempotent.
   *
   * @return completes once the client is terminal
   */
  public CompletableFuture<Void> closeAsync() {
    synchronized (this) {
      if (rejectCode == null) {
        rejectCode = ErrorCode.SESSIONEXPIRED;
      }
    }
    try {
      loop.execute(this::beginClose);
    } catch (RejectedExecutionException alreadyStopped) {
      terminated.complete(null);
    }
    return terminated;
  }

  /** Waits (bounded) for both threads to stop; for close() off the client's own threads. */
  public void awaitThreads(long timeoutMs) throws InterruptedException {
    events.awaitTermination(timeoutMs);
    group.terminationFuture().await(timeoutMs);
  }

  // ---- I/O thread from here on ----

  private void submitOnLoop(Call<?> call) {
    if (rejectCode != null) {
      finish(call, null, PaddockException.create(rejectCode, call.clientPath));
      return;
    }
    if (outstanding >= ClientLimits.OUTSTANDING_CALLS_MAX) {
      finish(call, null, new PaddockException.ThrottledOpException(call.clientPath));
      return;
    }
    outstanding++;
    call.counted = true;
    long now = clock.nowMs();
    Connection c = connection;
    if (c != null && c.isEstablished()) {
      send(c, call);
      c.flush();
      machine.onSent(now);
    } else {
      call.queuedAtMs = now;
      queued.add(call);
    }
    reschedule(now);
  }

  private void addAuthOnLoop(AuthInfo auth, Call<Void> waiter) {
    if (rejectCode != null) {
      finish(waiter, null, PaddockException.create(rejectCode, null));
      return;
    }
    if (auths.size() >= ClientLimits.AUTH_INFOS_MAX) {
      finish(
          waiter,
          null,
          new IllegalStateException("more than " + ClientLimits.AUTH_INFOS_MAX + " credentials"));
      return;
    }
    auth.waiters.add(waiter);
    auths.add(auth);
    Connection c = connection;
    if (c != null && c.isEstablished()) {
      c.writeAuth(auth);
      c.flush();
      machine.onSent(clock.nowMs());
    }
  }

  private void tick() {
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
    InetSocketAddress address = hosts.next();
    machine.attemptStarted(now);
    Connection c = new Connection(address);
    connection = c;
    LOG.debug("connecting to {}", address);
    ChannelFuture connect =
        bootstrap
            .clone()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, machine.connectTimeoutMs())
            .option(ChannelOption.AUTO_READ, !readsPaused)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new FrameDecoder(config.maxBufferBytes()))
                        .addLast(c.handler(ClientCore.this));
                  }
                })
            .connect(address);
    c.attach(connect.channel());
    connect.addListener(
        (ChannelFutureListener)
            f -> {
              if (!f.isSuccess()) {
                onClosed(c, f.cause());
              }
            });
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
    dropConnection(c, cause == null ? "connection closed by " + c : cause.toString());
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

  private void dispatchReply(Connection c, byte[] frame) throws ProtocolException {
    JuteReader in = new JuteReader(frame);
    ReplyHeader header = ReplyHeader.read(in);
    switch (header.xid()) {
      case Xids.NOTIFICATION -> onNotification(header.zxid(), WatcherEvent.read(in), c);
      case Xids.PING -> {}
      case Xids.AUTH -> onAuthReply(c.takeAuthReply(), header.err());
      default -> onReply(c.takeReply(header.xid()), header, in);
    }
  }

  private void onAuthReply(AuthInfo auth, int err) {
    if (err == ErrorCode.AUTHFAILED.code()) {
      machine.authFailed("server refused the " + auth.scheme + " credential");
      terminate(ErrorCode.AUTHFAILED);
      return;
    }
    for (Call<Void> waiter : auth.waiters) {
      finish(waiter, null, err == 0 ? null : PaddockException.create(err, null));
    }
    auth.waiters.clear();
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

  private void dropConnection(Connection c, String why) {
    if (c == null || c != connection) {
      return;
    }
    connection = null;
    c.close();
    for (Call<?> call : c.drainPending()) {
      fail(call, ErrorCode.CONNECTIONLOSS);
    }
    if (closing) {
      finishClose("connection lost while closing");
      return;
    }
    machine.connectionLost(clock.nowMs(), why);
    LOG.info(
        "session 0x{}: connection to {} lost: {}", Long.toHexString(machine.sessionId()), c, why);
    publishState();
  }

  private void beginClose() {
    if (closing || machine.phase() == SessionStateMachine.Phase.DEAD) {
      terminated.complete(null);
      return;
    }
    closing = true;
    Connection c = connection;
    if (c != null && c.isEstablished()) {
      send(
          c,
          new Call<Void>(
              OpCode.CLOSE_SESSION,
              EmptyRequest.INSTANCE,
              null,
              (err, body, ctx) -> {
                finishClose("session closed");
                return null;
              }));
      c.flush();
      loop.schedule(
          () -> finishClose("no closeSession reply"),
          ClientLimits.CLOSE_REPLY_WAIT_MS_MAX,
          TimeUnit.MILLISECONDS);
    } else {
      finishClose("closed while not connected");
    }
  }

  private void finishClose(String why) {
    if (machine.phase() != SessionStateMachine.Phase.DEAD) {
      machine.close(why);
      terminate(ErrorCode.SESSIONEXPIRED);
    }
  }

  private void terminate(ErrorCode code) {
    synchronized (this) {
      rejectCode = code;
    }
    LOG.info(
        "session 0x{}: {} ({})",
        Long.toHexString(machine.sessionId()),
        machine.state(),
        machine.reason());
    Connection c = connection;
    connection = null;
    List<Call<?>> inFlight = c == null ? List.of() : c.drainPending();
    if (c != null) {
      c.close();
    }
    if (timer != null) {
      timer.cancel(false);
    }
    publishState(
        () -> {
          inFlight.forEach(call -> fail(call, code));
          failAllWaiting(code);
        });
    events.shutdownAfterDrain();
    terminated.complete(null);
    group.shutdownGracefully(0, ClientLimits.CLOSE_THREADS_WAIT_MS_MAX, TimeUnit.MILLISECONDS);
  }

  private void reschedule(long now) {
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

  private static ThreadFactory ioThreads(ThreadFactory configured) {
    return configured != null ? configured : CoreSupport.daemonThreads("paddock-io");
  }

  private static ThreadFactory eventThreads(ThreadFactory configured) {
    return configured != null ? configured : CoreSupport.daemonThreads("paddock-event");
  }
}
