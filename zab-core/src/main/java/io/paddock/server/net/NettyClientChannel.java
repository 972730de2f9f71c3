package io.paddock.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.WireLimits;
import io.paddock.server.core.ClientChannel;
import io.paddock.store.codec.JuteWriter;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClientChannel} on a Netty channel.
 *
 * <p>Threading: {@link #send} encodes on the caller's thread into a pooled buffer (length prefix
 * included) and puts it on a lock-free queue; {@link #flush} schedules at most one drain task on
 * the channel's event loop, however many frames were queued and however many flushes came in before
 * the task ran. The task writes the queued frames in queue order, so the core's send order is the
 * wire order (a notification sent before a reply arrives before it), and flushes once.
 *
 * <p>The first frame is the ConnectResponse; once the drain task has written it, the connection's
 * reader is told to read again ({@code onHandshakeWritten}, run on the event loop).
 */
final class NettyClientChannel implements ClientChannel {
  private static final Logger LOG = LoggerFactory.getLogger(NettyClientChannel.class);

  /** Frames one drain task writes before yielding the event loop to other connections. */
  static final int DRAIN_FRAMES_PER_TASK_MAX = 1024;

  private static final ThreadLocal<JuteWriter> ENCODERS = ThreadLocal.withInitial(JuteWriter::new);

  /** A frame ready for the wire; {@code handshake} marks the ConnectResponse. */
  private record Outbound(ByteBuf frame, boolean handshake) {}

  private final long connectionId;
  private final Channel channel;
  private final InetSocketAddress remoteAddress;
  private final long pendingBytesMax;
  private final Runnable onHandshakeWritten;
  private final Runnable drainTask = this::drain;
  private final Queue<Outbound> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicBoolean handshakeQueued = new AtomicBoolean();
  private final AtomicLong drainTasksRun = new AtomicLong();
  private volatile boolean closeRequested;
  private volatile boolean inactive;
  private boolean closing;

  /**
   * A channel.
   *
   * @param connectionId unique among this server's connections
   * @param channel the Netty channel
   * @param remoteAddress the client's address
   * @param pendingBytesMax outbound bytes above which the connection is closed
   * @param onHandshakeWritten run on the event loop once the ConnectResponse is written
   */
  NettyClientChannel(
      long connectionId,
      Channel channel,
      InetSocketAddress remoteAddress,
      long pendingBytesMax,
      Runnable onHandshakeWritten) {
    this.connectionId = connectionId;
    this.channel = channel;
    this.remoteAddress = remoteAddress;
    this.pendingBytesMax = pendingBytesMax;
    this.onHandshakeWritten = onHandshakeWritten;
  }

  @Override
  public long connectionId() {
    return connectionId;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  @Override
  public void sendConnectResponse(ConnectResponse response, boolean includeReadOnly) {
    if (!handshakeQueued.compareAndSet(false, true)) {
      throw new IllegalStateException("a second ConnectResponse on connection " + this);
    }
    ConnectResponse wire =
        new ConnectResponse(
            response.protocolVersion(),
            response.timeoutMs(),
            response.sessionId(),
            response.passwd(),
            response.readOnly(),
            includeReadOnly);
    enqueue(wire, null, true);
  }

  @Override
  public void send(ReplyHeader header, JuteRecord body) {
    if (!handshakeQueued.get()) {
      throw new IllegalStateException("a reply before the ConnectResponse on connection " + this);
    }
    enqueue(header, body, false);
  }

  @Override
  public void flush() {
    scheduleDrain();
  }

  @Override
  public void close() {
    closeRequested = true;
    scheduleDrain();
  }

  /** Drain tasks run so far (tests check that flushes are batched). */
  long drainTasksRun() {
    return drainTasksRun.get();
  }

  /** Whether the connection is being read now (false while paused or over the high-water mark). */
  boolean isReading() {
    return channel.config().isAutoRead();
  }

  /** Called on the event loop when the channel is gone: frees what can no longer be written. */
  void onInactive() {
    inactive = true;
    releaseQueued();
  }

  private void enqueue(JuteRecord first, JuteRecord body, boolean handshake) {
    if (closeRequested || inactive) {
      return; // the connection is going away; ZooKeeper drops such sends as well
    }
    ByteBuf frame = encode(first, body);
    long queued = queuedBytes.addAndGet(frame.readableBytes());
    queue.add(new Outbound(frame, handshake));
    if (inactive) {
      releaseQueued(); // lost the race with channel close: nobody else will free it
    } else if (queued > pendingBytesMax) {
      overflow(queued);
    }
  }

  private ByteBuf encode(JuteRecord first, JuteRecord body) {
    JuteWriter out = ENCODERS.get();
    out.reset();
    out.writeInt(0); // the length prefix, set below
    first.write(out);
    if (body != null) {
      body.write(out);
    }
    int size = out.size();
    out.setInt(0, size - WireLimits.FRAME_LENGTH_BYTES);
    ByteBuf frame = channel.alloc().ioBuffer(size);
    frame.writeBytes(out.array(), 0, size);
    if (out.array().length > ClientPortLimits.ENCODER_RETAINED_BYTES_MAX) {
      ENCODERS.remove();
    }
    return frame;
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        channel.eventLoop().execute(drainTask);
      } catch (RejectedExecutionException e) {
        // the server is stopping and its event loop is gone, and the channel with it: a send or
        // close from the core now must not kill the core's thread
        onInactive();
      }
    }
  }

  /** Runs on the event loop: writes queued frames in order, flushes once, then maybe closes. */
  private void drain() {
    drainTasksRun.incrementAndGet();
    drainScheduled.set(false);
    boolean handshakeWritten = false;
    int frames = 0;
    Outbound next;
    while (frames < DRAIN_FRAMES_PER_TASK_MAX && (next = queue.poll()) != null) {
      queuedBytes.addAndGet(-next.frame().readableBytes());
      channel.write(next.frame(), channel.voidPromise());
      handshakeWritten |= next.handshake();
      frames++;
    }
    channel.flush();
    if (!queue.isEmpty()) {
      scheduleDrain(); // yield to other connections of this event loop, then go on
    }
    if (handshakeWritten && !closeRequested) {
      onHandshakeWritten.run();
    }
    checkPendingBound();
    if (closeRequested && !closing && queue.isEmpty()) {
      closeAfterWrites();
    }
  }

  private void checkPendingBound() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    long pending = queuedBytes.get() + (buffer == null ? 0 : buffer.totalPendingWriteBytes());
    if (pending > pendingBytesMax) {
      overflow(pending);
    }
  }

  private void overflow(long pendingBytes) {
    if (!closeRequested) {
      LOG.warn(
          "Closing connection {}: {} bytes of replies are waiting and the client is not reading",
          this,
          pendingBytes);
    }
    closeRequested = true;
    channel.close();
  }

  /** Closes once every queued byte is on the wire, or after the linger time regardless. */
  private void closeAfterWrites() {
    closing = true;
    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    var linger =
        channel
            .eventLoop()
            .schedule(
                () -> {
                  channel.close();
                },
                ClientPortLimits.CLOSE_LINGER_MS,
                TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(f -> linger.cancel(false));
  }

  private void releaseQueued() {
    Outbound next;
    while ((next = queue.poll()) != null) {
      queuedBytes.addAndGet(-next.frame().readableBytes());
      next.frame().release();
    }
  }

  @Override
  public String toString() {
    return "0x" + Long.toHexString(connectionId) + " " + remoteAddress;
  }
}
