package io.paddock.client.internal;

import io.paddock.client.ConnectionStateListener;
import io.paddock.client.PaddockException;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of a client: one I/O thread (a Netty event loop) that owns the session state machine,
 * the current connection, the queues and the watches, and one {@link EventDispatcher} thread for
 * callbacks.
 *
 * <p>Every mutable field is confined to the I/O thread; other threads reach the engine only through
 * the public methods, which hand work to the event loop. The reconnect order is ZooKeeper's
 * (PROTOCOL.md §4): ConnectRequest; after the ConnectResponse, the auth packets, the SetWatches
 * batches, then the requests queued while disconnected. Requests in flight when a connection drops
 * fail with ConnectionLoss and are never re-sent.
 */
public final class ClientCore extends ConnectionDriver {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

  private final List<ConnectionStateListener> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

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
        new EventDispatcher(threads(config.threadFactory(), "paddock-event")),
        new SessionStateMachine(
            config.sessionTimeoutMs(),
            hosts.size(),
            config.canBeReadOnly(),
            config.sessionId(),
            config.sessionPassword(),
            random,
            config.clock().nowMs()),
        hosts,
        new NettyTransport(threads(config.threadFactory(), "paddock-io"), config.maxBufferBytes()));
  }

  private static ThreadFactory threads(ThreadFactory configured, String prefix) {
    return configured != null ? configured : NettyTransport.daemonThreads(prefix);
  }

  /** Starts the first connection attempt. */
  public void start() {
    LOG.info(
        "client starting: hosts {} (seed {}), chroot {}, session timeout {} ms",
        hosts.order(),
        config.randomSeed(),
        chroot.root(),
        config.sessionTimeoutMs());
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
    transport.awaitTermination(timeoutMs);
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

  @Override
  void finishClose(String why) {
    if (machine.phase() != SessionStateMachine.Phase.DEAD) {
      machine.close(why);
      terminate(ErrorCode.SESSIONEXPIRED);
    }
  }

  @Override
  void terminate(ErrorCode code) {
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
    cancelTimer();
    publishState(
        () -> {
          inFlight.forEach(call -> fail(call, code));
          failAllWaiting(code);
        });
    events.shutdownAfterDrain();
    terminated.complete(null);
    transport.shutdown();
  }
}
