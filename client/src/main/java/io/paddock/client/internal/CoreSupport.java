package io.paddock.client.internal;

import io.paddock.client.ConnectionState;
import io.paddock.client.ConnectionStateListener;
import io.paddock.client.PaddockException;
import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.Response;
import io.paddock.client.protocol.ResponseCodec;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.client.protocol.Xids;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import java.net.ProtocolException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The half of the client engine that deals with calls, replies, watches and callbacks (the other
 * half, {@link ClientCore}, deals with connections and timers). Everything here runs on the I/O
 * thread except the volatile views at the bottom.
 */
abstract class CoreSupport implements Call.Context {
  private static final Logger LOG = LoggerFactory.getLogger(CoreSupport.class);
  private static final int NOTIFICATION_STATE_READ_ONLY = 5;

  final ClientConfig config;
  final Clock clock;
  final Chroot chroot;
  final EventDispatcher events;
  final SessionStateMachine machine;
  final WatchManager watches = new WatchManager();
  final ArrayDeque<Call<?>> queued = new ArrayDeque<>();
  final List<AuthInfo> auths = new ArrayList<>();
  int lastXid;
  long lastZxid;
  int outstanding;

  /** Non-null once calls must fail at once: closing, or terminal. */
  volatile ErrorCode rejectCode;

  private final SessionView view;

  CoreSupport(ClientConfig config, EventDispatcher events, SessionStateMachine machine) {
    this.config = config;
    this.clock = config.clock();
    this.chroot = new Chroot(config.connectString().chroot());
    this.events = events;
    this.machine = machine;
    this.view = new SessionView(machine);
  }

  /** The state listeners. */
  abstract List<ConnectionStateListener> listeners();

  /** Stops reading the socket until the event queue drains. */
  abstract void pauseReads();

  /** Ends the client for good: fails everything with the code and stops the threads. */
  abstract void terminate(ErrorCode code);

  @Override
  public WatchManager watches() {
    return watches;
  }

  <T> CompletableFuture<T> newFuture(boolean direct) {
    return direct ? new CompletableFuture<>() : new PaddockFuture<>(events);
  }

  ErrorCode rejectCodeOr() {
    ErrorCode code = rejectCode;
    return code != null ? code : ErrorCode.SESSIONEXPIRED;
  }

  /** Writes a call under the next xid, after its preparer (which may fail it unsent). */
  void send(Connection c, Call<?> call) {
    if (call.preparer != null) {
      try {
        call.preparer.prepare(call, watches);
      } catch (PaddockException e) {
        finish(call, null, e);
        return;
      }
    }
    lastXid = Xids.next(lastXid);
    c.writeCall(call, lastXid);
  }

  /** A call of the client's own (SetWatches): no future; a failure is only logged. */
  Call<Void> internalCall(int opCode, Request request) {
    return new Call<>(
        opCode,
        request,
        null,
        (err, body, ctx) -> {
          if (err != 0) {
            LOG.warn("op {} failed with {}", opCode, err);
          }
          return null;
        });
  }

  /** An S→C frame after the handshake: a notification, a ping or auth reply, or a call's reply. */
  void dispatchReply(Connection c, byte[] frame) throws ProtocolException {
    JuteReader in = new JuteReader(frame);
    ReplyHeader header = ReplyHeader.read(in);
    switch (header.xid()) {
      case Xids.NOTIFICATION -> onNotification(header.zxid(), WatcherEvent.read(in));
      case Xids.PING -> {
        // nothing to do: every byte received already counts for the read timeout
      }
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

  /** A reply matched its call: decode the body, track the zxid, complete. */
  private void onReply(Call<?> call, ReplyHeader header, JuteReader in) throws ProtocolException {
    if (header.zxid() > 0) {
      lastZxid = header.zxid(); // PROTOCOL.md §4: only > 0, never from special xids
    }
    Response body = null;
    if (header.err() == ErrorCode.OK.code()) {
      try {
        body = ResponseCodec.decode(call.opCode, in);
      } catch (MalformedRecordException e) {
        fail(call, ErrorCode.CONNECTIONLOSS);
        throw new ProtocolException("bad reply to " + call + ": " + e.getMessage());
      }
    }
    complete(call, header.err(), body);
  }

  private <T> void complete(Call<T> call, int err, Response body) {
    T value = null;
    Throwable failure = null;
    try {
      value = call.handler.onReply(err, body, this);
    } catch (PaddockException | RuntimeException e) {
      failure = e;
    }
    finish(call, value, failure);
  }

  /** Completes a call's future: at once for direct calls, else in order on the event thread. */
  <T> void finish(Call<T> call, T value, Throwable failure) {
    if (call.counted) {
      call.counted = false;
      outstanding--;
    }
    CompletableFuture<T> future = call.future;
    if (future == null) {
      return;
    }
    Runnable completion =
        failure == null
            ? () -> future.complete(value)
            : () -> future.completeExceptionally(failure);
    if (call.direct) {
      completion.run();
    } else {
      events.post(completion);
    }
  }

  void fail(Call<?> call, ErrorCode code) {
    finish(call, null, PaddockException.create(code, call.clientPath));
  }

  /** A notification (xid −1): fan it out per ZKWatchManager.materialize. */
  private void onNotification(long zxid, WatcherEvent event) throws ProtocolException {
    EventType type;
    try {
      type = EventType.fromCode(event.type());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("unknown event type " + event.type());
    }
    if (type.code() < EventType.NODE_CREATED.code()
        || type.code() > EventType.NODE_CHILDREN_CHANGED.code()
        || event.path() == null) {
      throw new ProtocolException("a server sent event " + type + " for " + event.path());
    }
    String path = chroot.toClient(event.path());
    Set<Watcher> targets = watches.materialize(type, path);
    if (targets.isEmpty()) {
      return;
    }
    ConnectionState state =
        event.state() == NOTIFICATION_STATE_READ_ONLY
            ? ConnectionState.CONNECTED_READ_ONLY
            : ConnectionState.CONNECTED;
    WatchedEvent watched = new WatchedEvent(type, state, path, zxid);
    events.post(() -> deliver(targets, watched));
    if (events.size() >= ClientLimits.EVENT_QUEUE_HIGH_WATER) {
      pauseReads();
    }
  }

  @Override
  public void deliverRemoved(Map<EventType, Set<Watcher>> removed, String clientPath) {
    removed.forEach(
        (type, targets) -> {
          WatchedEvent event = new WatchedEvent(type, ConnectionState.CONNECTED, clientPath, -1);
          events.post(() -> deliver(targets, event));
        });
  }

  private static void deliver(Set<Watcher> targets, WatchedEvent event) {
    for (Watcher watcher : targets) {
      try {
        watcher.process(event);
      } catch (RuntimeException e) {
        LOG.warn("watcher threw on {}; ignored", event, e);
      }
    }
  }

  /** {@link #publishState(Runnable)} with nothing in between. */
  void publishState() {
    publishState(() -> {});
  }

  /**
   * Publishes a state change of the machine: first the views other threads read (so whoever sees a
   * failure caused by the change also sees the new state), then {@code between} (which fails
   * calls), then the announcement to listeners and to every watcher (a NONE event), after those
   * failures as in ZooKeeper. Listeners added before the views change are told. A terminal state
   * disarms all watches afterwards.
   */
  void publishState(Runnable between) {
    ConnectionState now = machine.state();
    ConnectionState before = view.state();
    if (now == before) {
      between.run();
      return;
    }
    List<ConnectionStateListener> targets = List.copyOf(listeners());
    Set<Watcher> watchers = watches.all();
    view.update(machine);
    between.run();
    WatchedEvent event = new WatchedEvent(EventType.NONE, now, null, -1);
    events.post(
        () -> {
          for (ConnectionStateListener listener : targets) {
            try {
              listener.stateChanged(before, now);
            } catch (RuntimeException e) {
              LOG.warn("state listener threw; ignored", e);
            }
          }
          deliver(watchers, event);
        });
    if (now.isTerminal()) {
      watches.clear();
    }
  }

  /** Fails queued calls that waited longer than the connection timeout for a connection. */
  void failStaleQueued(long now) {
    while (!queued.isEmpty() && now - queued.peek().queuedAtMs >= config.connectionTimeoutMs()) {
      fail(queued.poll(), ErrorCode.CONNECTIONLOSS);
    }
  }

  /** Fails everything still waiting: queued calls and credential waiters. */
  void failAllWaiting(ErrorCode code) {
    while (!queued.isEmpty()) {
      fail(queued.poll(), code);
    }
    for (AuthInfo auth : auths) {
      auth.waiters.forEach(waiter -> fail(waiter, code));
      auth.waiters.clear();
    }
  }

  // ---- views for any thread ----

  /** The last published state. */
  public ConnectionState state() {
    return view.state();
  }

  /** The session id, 0 before the first session. */
  public long sessionId() {
    return view.sessionId();
  }

  /** A copy of the session password. */
  public byte[] password() {
    return view.password();
  }

  /** The negotiated timeout, 0 before the first session. */
  public int negotiatedTimeoutMs() {
    return view.negotiatedTimeoutMs();
  }

  /** True on the event thread. */
  public boolean isEventThread() {
    return events.isEventThread();
  }

  /**
   * Waits until the state is connected or terminal, or the time is up; works on any thread.
   *
   * @return the state at the end of the wait
   */
  public ConnectionState awaitConnectedOrTerminal(long timeoutMs) throws InterruptedException {
    return view.awaitConnectedOrTerminal(timeoutMs);
  }
}
