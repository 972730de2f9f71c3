package io.paddock.recipes.testing;

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
 * A TCP proxy in front of a server that can partition its clients away: {@link #partition()} cuts
 * every connection and refuses new ones until {@link #heal()}, while clients connected directly to
 * the server go on working (and changing things the partitioned clients cannot see).
 */
public final class PartitionProxy implements AutoCloseable {
  private static final int BUFFER_BYTES = 8192;

  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> sockets = new ArrayList<>();
  private volatile boolean partitioned;

  /**
   * A proxy to the core's server (the last port of its connect string, on 127.0.0.1).
   *
   * @param connectString the server's connect string
   */
  public PartitionProxy(String connectString) throws IOException {
    this.targetPort = Integer.parseInt(connectString.substring(connectString.lastIndexOf(':') + 1));
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "partition-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The connect string of the proxy. */
  public String connectString() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /** Cuts every connection through the proxy and refuses new ones. */
  public void partition() {
    partitioned = true;
    synchronized (sockets) {
      sockets.forEach(PartitionProxy::closeQuietly);
      sockets.clear();
    }
  }

  /** Accepts connections again. */
  public void heal() {
    partitioned = false;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (partitioned) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // the listener closed, or the server is down: the client sees a closed connection
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[BUFFER_BYTES];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // either side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "partition-proxy-pump");
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
    partition();
    closeQuietly(listener);
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
