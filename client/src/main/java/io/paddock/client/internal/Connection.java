package io.paddock.client.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.WireLimits;
import io.paddock.client.protocol.Xids;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.OpCode;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection of the client (one attempt): frame writing, and the in-order queues that match
 * replies to requests.
 *
 * <p>Requests with a normal xid wait in {@link #takeReply pending} order; a reply whose xid is not
 * the head's is ZooKeeper's "Xid out of order" and drops the connection. Pings (xid −2) are never
 * queued. Auth packets (xid −4) wait in their own queue, since their replies may overtake others.
 * Used on the I/O thread only.
 */
final class Connection {
  /** Receives what happens on the connection, on the I/O thread. */
  interface Listener {
    /** The socket is connected. */
    void onActive(Connection connection);

    /** A whole frame arrived. */
    void onFrame(Connection connection, byte[] frame);

    /** The connection failed or closed; cause may be null. */
    void onClosed(Connection connection, Throwable cause);
  }

  final InetSocketAddress address;
  private final ArrayDeque<Call<?>> pending = new ArrayDeque<>();
  private final ArrayDeque<AuthInfo> authsInFlight = new ArrayDeque<>();
  private Channel channel;
  private boolean established;

  Connection(InetSocketAddress address) {
    this.address = address;
  }

  /** The inbound handler that forwards this connection's events. */
  ChannelInboundHandlerAdapter handler(Listener listener) {
    Connection self = this;
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        listener.onActive(self);
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        listener.onFrame(self, (byte[]) msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        listener.onClosed(self, null);
      }

      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        listener.onClosed(self, cause);
        ctx.close();
      }
    };
  }

  void attach(Channel channel) {
    this.channel = channel;
  }

  boolean isEstablished() {
    return established;
  }

  void markEstablished() {
    established = true;
  }

  void setAutoRead(boolean autoRead) {
    if (channel != null) {
      channel.config().setAutoRead(autoRead);
    }
  }

  /** Writes the ConnectRequest (no header). */
  void writeConnectRequest(ConnectRequest request) {
    JuteWriter out = frame();
    request.write(out);
    write(out);
  }

  /** Writes a request under a fresh normal xid and queues it for its reply. */
  void writeCall(Call<?> call, int xid) {
    call.xid = xid;
    writeRequest(xid, call.opCode, call.request);
    pending.add(call);
  }

  /** Writes an auth packet (xid −4) and queues it for its reply. */
  void writeAuth(AuthInfo auth) {
    writeRequest(Xids.AUTH, OpCode.AUTH, new AuthPacket(0, auth.scheme, auth.auth));
    authsInFlight.add(auth);
  }

  /** Writes a ping (xid −2); its reply is matched by nothing. */
  void writePing() {
    writeRequest(Xids.PING, OpCode.PING, EmptyRequest.INSTANCE);
  }

  void flush() {
    channel.flush();
  }

  private void writeRequest(int xid, int opCode, Request body) {
    JuteWriter out = frame();
    new RequestHeader(xid, opCode).write(out);
    body.write(out);
    write(out);
  }

  private static JuteWriter frame() {
    JuteWriter out = new JuteWriter();
    out.writeInt(0);
    return out;
  }

  private void write(JuteWriter out) {
    out.setInt(0, out.size() - WireLimits.FRAME_LENGTH_BYTES);
    channel.write(Unpooled.wrappedBuffer(out.array(), 0, out.size()), channel.voidPromise());
  }

  /**
   * The call a reply with this xid answers: the head of the pending queue.
   *
   * @throws ProtocolException when nothing is pending or the head has another xid
   */
  Call<?> takeReply(int xid) throws ProtocolException {
    Call<?> head = pending.peek();
    if (head == null) {
      throw new ProtocolException("Nothing in the queue, but got xid " + xid);
    }
    if (head.xid != xid) {
      throw new ProtocolException(
          "Xid out of order. Got Xid " + xid + " expected Xid " + head.xid + " for " + head);
    }
    return pending.poll();
  }

  /**
   * The credential an auth reply answers.
   *
   * @throws ProtocolException when no auth packet is in flight
   */
  AuthInfo takeAuthReply() throws ProtocolException {
    AuthInfo auth = authsInFlight.poll();
    if (auth == null) {
      throw new ProtocolException("auth reply without an auth packet in flight");
    }
    return auth;
  }

  /** Removes and returns the calls still waiting for replies. */
  List<Call<?>> drainPending() {
    List<Call<?>> calls = new ArrayList<>(pending);
    pending.clear();
    authsInFlight.clear();
    return calls;
  }

  void close() {
    if (channel != null) {
      channel.close();
    }
  }

  @Override
  public String toString() {
    return address.getHostString() + ":" + address.getPort();
  }
}
