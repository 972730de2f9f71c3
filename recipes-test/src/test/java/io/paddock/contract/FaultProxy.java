package io.paddock.contract;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A TCP proxy between clients and every server of a core, that can cut a connection right after a
 * chosen request reached the server: the request takes effect, its reply is lost (the client sees a
 * connection loss and reconnects through the proxy). It reads the client's frames (length-prefixed
 * as in ZooKeeper's protocol) so it cuts after the request it was told to, not after a ping.
 */
public final class FaultProxy implements AutoCloseable {
  /** ZooKeeper op codes of the requests that create nodes. */
  public static final Set<Integer> CREATE_OPS = Set.of(1, 15, 19, 21);

  /** ZooKeeper op code of delete. */
  public static final Set<Integer> DELETE_OPS = Set.of(2);

  private static final int FRAME_BYTES_MAX = 16 * 1024 * 1024;
  private static final int HEADER_BYTES = 8; // xid, op code

  private final List<Listener> listeners = new ArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicReference<Set<Integer>> dropAfter = new AtomicReference<>();

  /** One listening port in front of one server. */
  private final class Listener {
    final ServerSocket socket;
    final InetSocketAddress target;

    Listener(InetSocketAddress target) throws IOException {
      this.target = target;
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::acceptLoop, "fault-proxy-accept-" + target.getPort());
      t.setDaemon(true);
      t.start();
    }

    private void acceptLoop() {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket server = new Socket();
          sockets.add(client);
          sockets.add(server);
          try {
            server.connect(target);
          } catch (IOException down) {
            closeQuietly(client);
            closeQuietly(server);
            continue;
          }
          AtomicBoolean cut = new AtomicBoolean();
          start(() -> pumpRequests(client, server, cut), "fault-proxy-requests");
          start(() -> pumpReplies(server, client, cut), "fault-proxy-replies");
        } catch (IOException e) {
          // the listener closed
        }
      }
    }
  }

  /**
   * A proxy in front of every server of a connect string.
   *
   * @param connectString {@code 127.0.0.1:port[,…]}
   */
  public FaultProxy(String connectString) throws IOException {
    for (String hostPort : connectString.split(",")) {
      int colon = hostPort.lastIndexOf(':');
      listeners.add(
          new Listener(
              new InetSocketAddress(
                  hostPort.substring(0, colon).trim(),
                  Integer.parseInt(hostPort.substring(colon + 1).trim()))));
    }
  }

  /** The connect string of the proxy: one address per server. */
  public String connectString() {
    return listeners.stream()
        .map(l -> "127.0.0.1:" + l.socket.getLocalPort())
        .collect(Collectors.joining(","));
  }

  /**
   * Arms the proxy: the next request with one of these op codes (ZooKeeper's {@code ZooDefs.OpCode}
   * numbers, for example {@link #CREATE_OPS}) goes through, then the cut.
   */
  public void dropAfterNext(Set<Integer> opCodes) {
    dropAfter.set(Set.copyOf(opCodes));
  }

  /** True until the armed cut has happened. */
  public boolean dropPending() {
    return dropAfter.get() != null;
  }

  /** Cuts every connection now (clients reconnect through the proxy). */
  public void dropAll() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
  }

  private void pumpRequests(Socket client, Socket server, AtomicBoolean cut) {
    boolean keepServer = false;
    try (DataInputStream in = new DataInputStream(client.getInputStream())) {
      OutputStream out = server.getOutputStream();
      boolean first = true; // the connect request has no request header
      while (true) {
        int length = in.readInt();
        if (length < 0 || length > FRAME_BYTES_MAX) {
          return;
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        boolean cutAfter = !first && length >= HEADER_BYTES && claimDrop(frame);
        if (cutAfter) {
          cut.set(true); // from now on the reply pump discards: the reply is lost for sure
        }
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(frame);
        out.flush();
        if (cutAfter) {
          client.setSoLinger(true, 0);
          keepServer = true; // the reply pump closes it once the server answered
          return;
        }
        first = false;
      }
    } catch (EOFException e) {
      // the client closed
    } catch (IOException e) {
      // either side closed
    } finally {
      closeQuietly(client);
      if (!keepServer) {
        closeQuietly(server);
      }
    }
  }

  private boolean claimDrop(byte[] frame) {
    int opCode = ByteBuffer.wrap(frame, 4, 4).getInt();
    Set<Integer> armed = dropAfter.get();
    return armed != null && armed.contains(opCode) && dropAfter.compareAndSet(armed, null);
  }

  private static void pumpReplies(Socket server, Socket client, AtomicBoolean cut) {
    byte[] buffer = new byte[8192];
    try (InputStream in = server.getInputStream()) {
      OutputStream out = client.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (cut.get()) {
          return; // the server answered the cut request: drop the answer and the connection
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // either side closed
    } finally {
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static void start(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    for (Listener l : listeners) {
      try {
        l.socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    dropAll();
  }
}
