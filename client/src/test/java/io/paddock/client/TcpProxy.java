package io.paddock.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy in front of a server, to cut one client off while the server and other clients go on:
 * {@link #refuse} new connections, {@link #dropAll} current ones, {@link #blackhole} bytes from
 * client to server (requests vanish; replies never come).
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> sockets = new ArrayList<>();
  private final Thread acceptor;
  private volatile boolean refusing;
  private volatile boolean blackhole;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  String connectString() {
    return "127.0.0.1:" + port();
  }

  /** While true, new connections are closed at once. */
  void refuse(boolean refuse) {
    this.refusing = refuse;
  }

  /** While true, bytes from clients are dropped instead of forwarded. */
  void blackhole(boolean on) {
    this.blackhole = on;
  }

  /** Closes every proxied connection. */
  void dropAll() {
    synchronized (sockets) {
      for (Socket s : sockets) {
        closeQuietly(s);
      }
      sockets.clear();
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (refusing) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        pump(client, server, true);
        pump(server, client, false);
      } catch (IOException e) {
        // listener closed, or the target is down: the client sees a closed connection
      }
    }
  }

  private void pump(Socket from, Socket to, boolean clientToServer) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (!(clientToServer && blackhole)) {
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                }
              } catch (IOException e) {
                // either side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "proxy-pump");
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
  public void close() throws IOException {
    listener.close();
    dropAll();
  }
}
