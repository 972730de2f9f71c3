package io.paddock.server.core;

import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A {@link ClientChannel} that keeps what the core sent, split into what was flushed (the client
 * could have read it) and what is still queued. Each frame remembers a stamp taken when it was
 * queued (the log's fsync count, in the group-commit tests). A gate can hold the state thread in
 * {@link #flush()}.
 */
final class InMemoryChannel implements ClientChannel {
  private static final AtomicLong IDS = new AtomicLong();

  /** One frame: a ConnectResponse, or a reply header and its body. */
  record Frame(
      ConnectResponse connect,
      boolean readOnlyIncluded,
      ReplyHeader header,
      JuteRecord body,
      long stamp) {
    boolean isNotification() {
      return header != null && header.xid() == -1;
    }
  }

  private final long id = IDS.incrementAndGet();
  private final InetSocketAddress remote;
  private final LongSupplier stamp;
  private final List<Frame> queued = new ArrayList<>();
  private final List<Frame> flushed = new ArrayList<>();
  private volatile boolean closed;
  private int sendsAfterClose;
  private volatile CountDownLatch gate;
  private volatile CountDownLatch gateReached;

  InMemoryChannel(InetSocketAddress remote, LongSupplier stamp) {
    this.remote = remote;
    this.stamp = stamp;
  }

  @Override
  public long connectionId() {
    return id;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public synchronized void sendConnectResponse(ConnectResponse response, boolean includeReadOnly) {
    if (checkOpen()) {
      queued.add(new Frame(response, includeReadOnly, null, null, stamp.getAsLong()));
    }
  }

  @Override
  public synchronized void send(ReplyHeader header, JuteRecord body) {
    if (checkOpen()) {
      queued.add(new Frame(null, false, header, body, stamp.getAsLong()));
    }
  }

  /** Sends after close are dropped (a transport cannot deliver them) and counted. */
  private boolean checkOpen() {
    if (closed) {
      sendsAfterClose++;
      return false;
    }
    return true;
  }

  /** How many sends arrived after the channel was closed. */
  synchronized int sendsAfterClose() {
    return sendsAfterClose;
  }

  @Override
  public void flush() {
    CountDownLatch g = gate;
    if (g != null) {
      gate = null;
      gateReached.countDown();
      await(g);
    }
    synchronized (this) {
      flushed.addAll(queued);
      queued.clear();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      flushed.addAll(queued);
      queued.clear();
    }
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  /** What the client could have read so far. */
  synchronized List<Frame> flushed() {
    return List.copyOf(flushed);
  }

  /** Sent but not flushed yet. */
  synchronized List<Frame> unflushed() {
    return List.copyOf(queued);
  }

  /**
   * Makes the next {@link #flush()} block until the returned latch is counted down.
   *
   * @return a pair: [0] released by the test to let the flush go on, [1] counted down once the
   *     state thread is blocked in the flush
   */
  CountDownLatch[] armGate() {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch reached = new CountDownLatch(1);
    gateReached = reached;
    gate = release;
    return new CountDownLatch[] {release, reached};
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
