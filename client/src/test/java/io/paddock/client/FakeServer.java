package io.paddock.client;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.OpCode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted ZooKeeper impostor on a plain ServerSocket, for feeding the client bad input. Each
 * accepted connection runs the script on its own thread; the script gets the connection's index.
 */
final class FakeServer implements AutoCloseable {
  /** What the server does with one connection. */
  interface Script {
    void serve(Peer peer, int index) throws Exception;
  }

  static final long SESSION_ID = 0x5eed_0000_0001L;
  static final byte[] PASSWORD = new byte[16];

  private final ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();

  FakeServer(Script script) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket socket = listener.accept();
                  int index = connections.getAndIncrement();
                  Thread t = new Thread(() -> run(script, socket, index), "fake-server-" + index);
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "fake-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void run(Script script, Socket socket, int index) {
    try (Socket s = socket) {
      script.serve(new Peer(s), index);
    } catch (Exception e) {
      // the client closed the connection, or the script ended it: both are fine
    }
  }

  String connectString() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /** How many connections the client opened so far. */
  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  /** One connection, with frame-level helpers. */
  static final class Peer {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    Peer(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new DataInputStream(socket.getInputStream());
      this.out = new DataOutputStream(socket.getOutputStream());
    }

    byte[] readFrame() throws IOException {
      int length = in.readInt();
      byte[] frame = new byte[length];
      in.readFully(frame);
      return frame;
    }

    ConnectRequest readConnect() throws IOException {
      return ConnectRequest.read(new JuteReader(readFrame()));
    }

    /** Reads a request frame and returns its header (the body is skipped). */
    RequestHeader readRequest() throws IOException {
      return RequestHeader.read(new JuteReader(readFrame()));
    }

    /**
     * Reads requests until one that is not a ping or a closeSession: pings are answered, a
     * closeSession is answered and ends the connection (as a real server does).
     */
    RequestHeader readRequestAnsweringPings() throws IOException {
      while (true) {
        RequestHeader header = readRequest();
        if (header.type() == OpCode.CLOSE_SESSION) {
          reply(new ReplyHeader(header.xid(), 1, 0), null);
          socket.close();
          throw new EOFException("session closed");
        }
        if (header.xid() != -2) {
          return header;
        }
        reply(new ReplyHeader(-2, 1, 0), null);
      }
    }

    void grant(int timeoutMs) throws IOException {
      writeFrame(new ConnectResponse(0, timeoutMs, SESSION_ID, PASSWORD, false).toBytes());
    }

    /** A handshake: read the ConnectRequest, grant the session. */
    ConnectRequest handshake(int timeoutMs) throws IOException {
      ConnectRequest request = readConnect();
      grant(timeoutMs);
      return request;
    }

    void reply(ReplyHeader header, JuteRecord body) throws IOException {
      JuteWriter w = new JuteWriter();
      header.write(w);
      if (body != null) {
        body.write(w);
      }
      writeFrame(w.toByteArray());
    }

    void writeFrame(byte[] payload) throws IOException {
      out.writeInt(payload.length);
      out.write(payload);
      out.flush();
    }

    void writeRaw(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    void writeInt(int value) throws IOException {
      out.writeInt(value);
      out.flush();
    }

    /** Reads (and ignores) until the client closes the connection. */
    void awaitClose() throws IOException {
      try {
        while (in.read() >= 0) {
          // discard
        }
      } catch (EOFException | java.net.SocketException e) {
        // closed
      }
    }

    void close() throws IOException {
      socket.close();
    }
  }
}
