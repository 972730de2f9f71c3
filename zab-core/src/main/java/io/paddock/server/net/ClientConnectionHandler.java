package io.paddock.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.FourLetterWords;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestCodec;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.WireLimits;
import io.paddock.server.core.ServerCore;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.MalformedRecordException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading side of one client connection: frames, the four-letter-word check, the handshake and
 * request decoding, all on the connection's event loop; the writing side is {@link
 * NettyClientChannel}.
 *
 * <p>The rules, from PROTOCOL.md: every frame is a 4-byte big-endian length and a payload; a length
 * below 0 or above jute.maxbuffer closes the connection without a reply (§1). The first 4 bytes of
 * a connection may instead be a four-letter word (§11). The first frame is the ConnectRequest (§3);
 * until the core has answered it nothing more is read (ZooKeeper's {@code disableRecv}), so
 * pipelined requests wait. Later frames are a RequestHeader and a body (§4).
 *
 * <p>Bytes are collected in one buffer until a whole frame is there, so fragmented and coalesced
 * frames are alike; the buffer never holds more than one frame plus one socket read.
 */
final class ClientConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionHandler.class);

  /** Where the connection is in its life. */
  private enum State {
    /** Nothing decoded yet: the first 4 bytes may be a four-letter word. */
    FIRST,
    /** The ConnectRequest went to the core; reading waits for its answer. */
    HANDSHAKE,
    /** The ConnectResponse is written; frames are requests. */
    ESTABLISHED,
    /** Established, but the core is overloaded: reading waits until it is not. */
    THROTTLED,
    /** Nothing more is read (four-letter word, bad length, or closed). */
    DONE
  }

  private final ConnectionSettings settings;
  private final ServerCore core;
  private final BooleanSupplier overloaded;
  private final NettyClientChannel clientChannel;
  private ChannelHandlerContext context;
  private State state = State.FIRST;
  private ByteBuf cumulation;
  private boolean knownToCore;
  private boolean disconnectReported;
  private ScheduledFuture<?> handshakeTimer;

  /**
   * A handler for one connection.
   *
   * @param settings limits and the four-letter-word whitelist
   * @param core where decoded frames go
   * @param overloaded true while the core wants no more requests (checked before each one)
   * @param connectionId unique among this server's connections
   * @param channel the Netty channel this handler will be added to
   * @param remoteAddress the client's address
   */
  ClientConnectionHandler(
      ConnectionSettings settings,
      ServerCore core,
      BooleanSupplier overloaded,
      long connectionId,
      Channel channel,
      InetSocketAddress remoteAddress) {
    this.settings = settings;
    this.core = core;
    this.overloaded = overloaded;
    this.clientChannel =
        new NettyClientChannel(
            connectionId,
            channel,
            remoteAddress,
            settings.outboundPendingBytesMax(),
            this::onHandshakeWritten);
  }

  /** The channel the core sees for this connection. */
  NettyClientChannel clientChannel() {
    return clientChannel;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
    handshakeTimer =
        ctx.executor()
            .schedule(
                this::onHandshakeTimeout, settings.handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  /** ZooKeeper's sessionless-connection timeout: nothing decoded in time closes the connection. */
  private void onHandshakeTimeout() {
    if (state == State.FIRST) {
      LOG.debug("Closing connection {}: no ConnectRequest in time", clientChannel);
      closeWithoutReply();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    if (state == State.DONE) {
      in.release();
      return;
    }
    cumulation = cumulation == null ? in : append(ctx.alloc(), cumulation, in);
    processBuffered();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    updateAutoRead(); // backpressure: a client that does not read its replies is not read either
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    state = State.DONE;
    cancelHandshakeTimer();
    releaseCumulation();
    clientChannel.onInactive();
    if (knownToCore && !disconnectReported) {
      disconnectReported = true;
      core.onDisconnect(clientChannel);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseCumulation();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("Connection {} failed: {}", clientChannel, cause.toString());
    } else {
      LOG.warn("Closing connection {} after an unexpected error", clientChannel, cause);
    }
    closeWithoutReply();
  }

  /** Decodes every whole frame buffered, unless reading is paused. Event loop only. */
  private void processBuffered() {
    while ((state == State.FIRST || state == State.ESTABLISHED)
        && cumulation != null
        && cumulation.readableBytes() >= WireLimits.FRAME_LENGTH_BYTES) {
      int length = cumulation.getInt(cumulation.readerIndex());
      if (state == State.FIRST && FourLetterWords.isKnown(length)) {
        onFourLetterWord(FourLetterWords.commandFor(length));
        return;
      }
      if (!WireLimits.isFrameLengthValid(length, settings.juteMaxBufferBytes())) {
        // PROTOCOL.md §1: "Len error" closes the connection without a reply; the session survives.
        LOG.debug("Closing connection {}: frame length {} is out of range", clientChannel, length);
        closeWithoutReply();
        return;
      }
      if (cumulation.readableBytes() - WireLimits.FRAME_LENGTH_BYTES < length) {
        break; // the rest of the frame has not arrived yet
      }
      if (state == State.ESTABLISHED && overloaded.getAsBoolean()) {
        throttle();
        break;
      }
      cumulation.skipBytes(WireLimits.FRAME_LENGTH_BYTES);
      byte[] payload = new byte[length];
      cumulation.readBytes(payload);
      onFrame(payload);
    }
    if (cumulation != null && !cumulation.isReadable()) {
      releaseCumulation();
    } else if (cumulation != null) {
      cumulation.discardSomeReadBytes();
    }
  }

  private void onFrame(byte[] payload) {
    switch (state) {
      case FIRST -> onConnectFrame(payload);
      case ESTABLISHED -> onRequestFrame(payload);
      default -> throw new IllegalStateException("a frame decoded in state " + state);
    }
  }

  private void onConnectFrame(byte[] payload) {
    cancelHandshakeTimer();
    ConnectRequest request;
    try {
      request = ConnectRequest.read(new JuteReader(payload));
    } catch (MalformedRecordException e) {
      LOG.debug("Closing connection {}: bad ConnectRequest: {}", clientChannel, e.getMessage());
      closeWithoutReply();
      return;
    }
    state = State.HANDSHAKE; // ZooKeeper's disableRecv until the session is established
    updateAutoRead();
    knownToCore = true;
    core.onConnect(clientChannel, request, request.readOnlyPresent());
  }

  private void onRequestFrame(byte[] payload) {
    if (payload.length < RequestHeader.ENCODED_BYTES) {
      // ZooKeeper fails to read the header (EOFException) and drops the connection.
      LOG.debug("Closing connection {}: a {}-byte request frame", clientChannel, payload.length);
      closeWithoutReply();
      return;
    }
    JuteReader in = new JuteReader(payload);
    RequestHeader header = RequestHeader.read(in);
    if (!RequestCodec.isDecodable(header.type())) {
      core.onBadFrame(
          clientChannel, header, ServerCore.BadFrame.UNKNOWN_OP, "unknown op " + header.type());
      return;
    }
    // Jute reads a vector count below −1 as an empty vector; our codec refuses it (see the class).
    JuteVectorCounts.normalize(header.type(), payload, RequestHeader.ENCODED_BYTES);
    Request request;
    try {
      request = RequestCodec.decode(header.type(), in);
    } catch (MalformedRecordException | IllegalArgumentException e) {
      core.onBadFrame(clientChannel, header, ServerCore.BadFrame.MALFORMED_BODY, e.getMessage());
      return;
    }
    core.onRequest(clientChannel, header, request);
  }

  /** PROTOCOL.md §11: run a whitelisted word, refuse another, and close either way. */
  private void onFourLetterWord(String command) {
    cancelHandshakeTimer();
    state = State.DONE;
    releaseCumulation();
    updateAutoRead();
    if (FourLetterWords.commandFor(FourLetterWords.TELNET_CLOSE).equals(command)) {
      context.close();
      return;
    }
    if (!settings.fourLetterWordWhitelist().contains(command)) {
      writeTextAndClose(command + " is not executed because it is not in the whitelist.\n");
      return;
    }
    CompletableFuture<String> answer = core.fourLetterWord(command);
    answer.whenComplete(
        (text, failure) ->
            context
                .executor()
                .execute(
                    () -> {
                      if (failure != null || text == null) {
                        LOG.warn("Four-letter word {} failed", command, failure);
                        context.close();
                      } else {
                        writeTextAndClose(text);
                      }
                    }));
  }

  private void writeTextAndClose(String text) {
    ByteBuf bytes = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    context.writeAndFlush(bytes).addListener(ChannelFutureListener.CLOSE);
  }

  /** Called by the channel on the event loop once the ConnectResponse is written. */
  private void onHandshakeWritten() {
    if (state != State.HANDSHAKE) {
      return;
    }
    state = State.ESTABLISHED;
    updateAutoRead();
    processBuffered(); // requests that were pipelined behind the ConnectRequest
  }

  /** ZooKeeper's global throttle: stop reading until the core has caught up. */
  private void throttle() {
    state = State.THROTTLED;
    updateAutoRead();
    scheduleThrottleRecheck();
  }

  private void scheduleThrottleRecheck() {
    context
        .executor()
        .schedule(
            this::onThrottleRecheck, ClientPortLimits.THROTTLE_RECHECK_MS, TimeUnit.MILLISECONDS);
  }

  private void onThrottleRecheck() {
    if (state != State.THROTTLED) {
      return;
    }
    if (overloaded.getAsBoolean()) {
      scheduleThrottleRecheck();
      return;
    }
    state = State.ESTABLISHED;
    updateAutoRead();
    processBuffered();
  }

  private void updateAutoRead() {
    Channel channel = context.channel();
    boolean read = (state == State.FIRST || state == State.ESTABLISHED) && channel.isWritable();
    if (channel.config().isAutoRead() != read) {
      channel.config().setAutoRead(read);
    }
  }

  private void closeWithoutReply() {
    state = State.DONE;
    cancelHandshakeTimer();
    releaseCumulation();
    context.close();
  }

  private void cancelHandshakeTimer() {
    if (handshakeTimer != null) {
      handshakeTimer.cancel(false);
      handshakeTimer = null;
    }
  }

  private void releaseCumulation() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }

  /** Appends {@code in} to {@code cumulation}, growing (or replacing) it when needed. */
  private static ByteBuf append(ByteBufAllocator alloc, ByteBuf cumulation, ByteBuf in) {
    try {
      int needed = in.readableBytes();
      ByteBuf target = cumulation;
      if (target.refCnt() > 1 || target.isReadOnly() || target.maxWritableBytes() < needed) {
        target = alloc.buffer(cumulation.readableBytes() + needed);
        target.writeBytes(cumulation);
        cumulation.release();
      }
      target.writeBytes(in);
      return target;
    } finally {
      in.release();
    }
  }
}
