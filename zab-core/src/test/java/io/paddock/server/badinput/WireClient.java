package io.paddock.server.badinput;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.model.OpCode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw-socket client for bad-input tests: connects, does the handshake, writes arbitrary bytes and
 * reads what comes back, telling "answered" from "closed by the server" with bounded waits only
 * (socket read timeouts; nothing sleeps).
 */
final class WireClient implements AutoCloseable {
  /** The longest wait for a reply or a close; a server that takes longer is hanging. */
  static final Duration REPLY_WAIT = Duration.ofSeconds(5);

  /** The largest reply frame this client accepts; the servers' maxbuffer plus headroom. */
  private static final int REPLY_FRAME_MAX = 4 << 20;

  private static final int PING_XID = -2;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private boolean closedByServer;

  WireClient(String host, int port) {
    try {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) REPLY_WAIT.toMillis());
      socket.setSoTimeout((int) REPLY_WAIT.toMillis());
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new-session ConnectRequest as the 3.9 Java client sends it (readOnly byte present). */
  static ConnectRequest newSession(int timeoutMs) {
    return new ConnectRequest(0, 0, timeoutMs, 0, new byte[16], false, true);
  }

  /** A resume ConnectRequest for an existing session. */
  static ConnectRequest resume(long sessionId, byte[] passwd, int timeoutMs) {
    return new ConnectRequest(0, 0, timeoutMs, sessionId, passwd, false, true);
  }

  /** Opens a new session: sends a ConnectRequest and reads the ConnectResponse. */
  ConnectResponse handshake() {
    return handshake(newSession(10_000));
  }

  /**
   * Sends a ConnectRequest and reads the ConnectResponse.
   *
   * @throws IllegalStateException if the server closes instead of answering
   */
  ConnectResponse handshake(ConnectRequest request) {
    send(Frames.frame(request.toBytes()));
    byte[] payload = readFrame(REPLY_WAIT);
    if (payload == null) {
      throw new IllegalStateException("the server closed the connection instead of answering");
    }
    return ConnectResponse.read(new JuteReader(payload));
  }

  /** Writes raw bytes (a whole frame, part of one, or several). */
  void send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      closedByServer = true; // the server closed and reset the connection
    }
  }

  /** Writes one request frame: header and body (body may be null). */
  void request(int xid, int op, JuteRecord body) {
    send(Frames.request(xid, op, body));
  }

  /** Half-closes: tells the server no more bytes will come. */
  void shutdownOutput() {
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      closedByServer = true;
    }
  }

  /**
   * Reads one frame's payload, waiting at most {@code wait}.
   *
   * @return the payload, or null when the server closed the connection first
   * @throws ServerSilentException when nothing arrived in time
   */
  byte[] readFrame(Duration wait) {
    try {
      socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
      int length = in.readInt();
      if (length < 0 || length > REPLY_FRAME_MAX) {
        throw new IllegalStateException("the server sent a frame length of " + length);
      }
      socket.setSoTimeout((int) REPLY_WAIT.toMillis());
      byte[] payload = new byte[length];
      in.readFully(payload);
      return payload;
    } catch (SocketTimeoutException e) {
      throw new ServerSilentException("no reply and no close within " + wait.toMillis() + " ms");
    } catch (EOFException | SocketException e) {
      closedByServer = true;
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one reply header (the body is skipped), or null when the server closed. */
  ReplyHeader readReply(Duration wait) {
    byte[] payload = readFrame(wait);
    return payload == null ? null : ReplyHeader.read(new JuteReader(payload));
  }

  /**
   * Reads every byte until the server closes, waiting at most {@link #REPLY_WAIT} in all.
   *
   * @throws ServerSilentException when the server neither closes nor stops sending in time
   */
  byte[] readUntilClosed() {
    long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw new ServerSilentException("the server did not close within " + REPLY_WAIT);
        }
        socket.setSoTimeout((int) left);
        int n = in.read(chunk);
        if (n < 0) {
          closedByServer = true;
          return all.toByteArray();
        }
        all.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new ServerSilentException("the server did not close within " + REPLY_WAIT);
    } catch (SocketException e) {
      closedByServer = true;
      return all.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the server did after the bytes already sent: the replies it wrote, then whether it closed
   * the connection or kept it open. After the first reply a ping is sent; its answer proves the
   * connection open, a close before it proves it closed (replies in between are recorded too).
   * Every wait is bounded: a server that neither answers nor closes within {@link #REPLY_WAIT}
   * fails with {@link ServerSilentException}.
   *
   * <p>The ping is written only once the first reply has been read, so a server that closes right
   * after replying cannot make the client lose that reply to a connection reset.
   */
  Outcome outcome() {
    List<ReplyHeader> replies = new ArrayList<>();
    ReplyHeader first = readReply(REPLY_WAIT);
    if (first == null) {
      return new Outcome(replies, true);
    }
    replies.add(first);
    request(PING_XID, OpCode.PING, null);
    while (true) {
      ReplyHeader next = readReply(REPLY_WAIT);
      if (next == null) {
        return new Outcome(replies, true);
      }
      if (next.xid() == PING_XID && next.err() == 0) {
        return new Outcome(replies, false);
      }
      replies.add(next);
    }
  }

  /** True once a read or write has seen the server close the connection. */
  boolean closedByServer() {
    return closedByServer;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  /** The server neither answered nor closed within a bounded wait. */
  static final class ServerSilentException extends RuntimeException {
    ServerSilentException(String message) {
      super(message);
    }
  }
}
