package io.paddock.server.quorum;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of one established quorum connection to a peer.
 *
 * <p>Sends are written on the channel's event loop in the order they were made (its task queue is
 * FIFO) and flushed together: the first write of a burst schedules one flush behind itself, so
 * every write queued before that flush runs goes out with it. The bytes queued and not yet written
 * to the socket are counted; above the limit the connection is closed rather than let a slow peer
 * exhaust the heap, and both sides then learn of the break.
 */
final class QuorumConnection {
  private static final Logger LOG = LoggerFactory.getLogger(QuorumConnection.class);

  private final Channel channel;
  private final long peerId;
  private final long outboundQueueBytesMax;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean broken = new AtomicBoolean();
  private final Runnable flushTask = this::flushNow;
  private boolean flushScheduled; // event loop only

  QuorumConnection(Channel channel, long peerId, long outboundQueueBytesMax) {
    this.channel = channel;
    this.peerId = peerId;
    this.outboundQueueBytesMax = outboundQueueBytesMax;
  }

  long peerId() {
    return peerId;
  }

  Channel channel() {
    return channel;
  }

  /** Bytes sent and not yet written to the socket. */
  long queuedBytes() {
    return queuedBytes.get();
  }

  /**
   * Queues a frame (taking ownership of it); drops it if the connection is breaking. Closes the
   * connection when the queue would exceed its limit. Never blocks.
   */
  void send(ByteBuf frame) {
    if (broken.get()) {
      frame.release();
      return;
    }
    long size = frame.readableBytes();
    long queued = queuedBytes.addAndGet(size);
    if (queued > outboundQueueBytesMax) {
      queuedBytes.addAndGet(-size);
      frame.release();
      LOG.warn(
          "closing the quorum connection to member {}: {} bytes queued would exceed the limit of {}",
          peerId,
          queued,
          outboundQueueBytesMax);
      close();
      return;
    }
    try {
      channel.eventLoop().execute(() -> write(frame, size));
    } catch (RejectedExecutionException e) {
      // The transport is shutting down: the connection is gone anyway.
      queuedBytes.addAndGet(-size);
      frame.release();
    }
  }

  /** Asks for everything written so far to be flushed (a caller's batch is complete). */
  void flush() {
    if (broken.get()) {
      return;
    }
    try {
      channel.eventLoop().execute(flushTask);
    } catch (RejectedExecutionException e) {
      // Shutting down; nothing left to flush to.
    }
  }

  /** Breaks the connection: later sends are dropped, the channel closes. Idempotent. */
  void close() {
    broken.set(true);
    channel.close();
  }

  private void write(ByteBuf frame, long size) {
    channel.write(frame).addListener(f -> queuedBytes.addAndGet(-size));
    if (!flushScheduled) {
      flushScheduled = true;
      channel.eventLoop().execute(flushTask);
    }
  }

  private void flushNow() {
    flushScheduled = false;
    channel.flush();
  }
}
