package io.paddock.server.net;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** A blocking socket client that writes and reads raw frames (tests only). */
final class RawClient implements AutoCloseable {
  static final int READ_TIMEOUT_MS = 10_000;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawClient(InetSocketAddress address) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, READ_TIMEOUT_MS);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** A new-session ConnectRequest with or without the readOnly byte. */
  static ConnectRequest connectRequest(boolean readOnlyPresent) {
    return new ConnectRequest(0, 0, 30_000, 0, new byte[16], false, readOnlyPresent);
  }

  /** The frame (length prefix included) of a record, or of a header and a body. */
  static byte[] frame(JuteRecord first, JuteRecord body) {
    JuteWriter w = new JuteWriter();
    w.writeInt(0);
    first.write(w);
    if (body != null) {
      body.write(w);
    }
    w.setInt(0, w.size() - 4);
    return w.toByteArray();
  }

  /** A frame around raw payload bytes. */
  static byte[] frame(byte[] payload) {
    JuteWriter w = new JuteWriter();
    w.writeInt(payload.length);
    w.writeRaw(payload, 0, payload.length);
    return w.toByteArray();
  }

  static byte[] requestFrame(int xid, int op, JuteRecord body) {
    return frame(new RequestHeader(xid, op), body);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Writes the bytes one at a time, flushing each (fragmentation). */
  void writeByteByByte(byte[] bytes) throws IOException {
    for (byte b : bytes) {
      out.write(b);
      out.flush();
    }
  }

  /** Sends a ConnectRequest and reads the ConnectResponse. */
  ConnectResponse handshake(boolean readOnlyPresent) throws IOException {
    write(frame(connectRequest(readOnlyPresent), null));
    return ConnectResponse.read(new JuteReader(readFrame()));
  }

  /** Reads one frame's payload. */
  byte[] readFrame() throws IOException {
    int length = in.readInt();
    byte[] payload = new byte[length];
    in.readFully(payload);
    return payload;
  }

  /** Reads one reply frame: its header and the reader positioned on the body. */
  Reply readReply() throws IOException {
    JuteReader r = new JuteReader(readFrame());
    return new Reply(ReplyHeader.read(r), r);
  }

  record Reply(ReplyHeader header, JuteReader body) {}

  /** Reads everything until the server closes; fails on timeout. */
  byte[] readToEnd() throws IOException {
    return in.readAllBytes();
  }

  /** True when the server closed the connection without sending another byte. */
  boolean closedWithoutData() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketException e) {
      return true; // reset by the server: closed as well
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  InputStream input() {
    return in;
  }

  boolean isEof() throws IOException {
    try {
      int b = in.read();
      if (b == -1) {
        return true;
      }
      throw new IOException("unexpected byte " + b);
    } catch (EOFException | SocketException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
