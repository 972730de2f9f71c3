package io.paddock.server.quorum;

import io.paddock.server.zab.ZabMessage;
import io.paddock.server.zab.ZabMessageCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A hand-driven peer connection over a plain socket, for tests that need a member to misbehave:
 * send bad handshakes or hostile lengths, or stop reading.
 */
final class RawPeer implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int DRAIN_BUFFER_BYTES = 64 * 1024;

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  private RawPeer(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  /** Connects to 127.0.0.1:{@code port}. */
  static RawPeer connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
    socket.setTcpNoDelay(true);
    return new RawPeer(socket);
  }

  /** Sends a handshake frame with the given fields. */
  RawPeer sendHandshake(int magic, int version, long serverId) throws IOException {
    out.writeInt(Handshake.PAYLOAD_BYTES);
    out.writeInt(magic);
    out.writeInt(version);
    out.writeLong(serverId);
    out.flush();
    return this;
  }

  /** Sends a good quorum handshake as member {@code serverId} and reads the answer's id. */
  long quorumHandshake(long serverId) throws IOException {
    sendHandshake(Handshake.QUORUM_MAGIC, Handshake.VERSION, serverId);
    socket.setSoTimeout(CONNECT_TIMEOUT_MS);
    int length = in.readInt();
    if (length != Handshake.PAYLOAD_BYTES) {
      throw new IOException("answer of " + length + " bytes");
    }
    int magic = in.readInt();
    int version = in.readInt();
    long id = in.readLong();
    if (magic != Handshake.QUORUM_MAGIC || version != Handshake.VERSION) {
      throw new IOException("bad answer magic " + magic + " version " + version);
    }
    return id;
  }

  /** Sends one message frame. */
  void sendMessage(ZabMessage message) throws IOException {
    sendFrame(ZabMessageCodec.encode(message));
  }

  /** Sends one frame with {@code payload}. */
  void sendFrame(byte[] payload) throws IOException {
    out.writeInt(payload.length);
    out.write(payload);
    out.flush();
  }

  /** Sends only a 4-byte length, as a hostile peer announcing a huge frame would. */
  void sendLength(int length) throws IOException {
    out.writeInt(length);
    out.flush();
  }

  /** Reads the next message frame, waiting at most {@code timeout}. */
  ZabMessage readMessage(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    int length = in.readInt();
    byte[] payload = new byte[length];
    in.readFully(payload);
    return ZabMessageCodec.decode(payload);
  }

  /**
   * Reads and discards until the other side closes; true if it did within {@code timeout}, false if
   * the connection stayed open that long.
   */
  boolean closedByOtherSide(Duration timeout) throws IOException {
    long deadlineNanos = System.nanoTime() + timeout.toNanos();
    byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
    while (System.nanoTime() < deadlineNanos) {
      long leftMs = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
      try {
        if (in.read(buffer) < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        return false;
      } catch (EOFException e) {
        return true;
      } catch (IOException e) {
        return true; // reset by the other side
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
