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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of a server that can cut a client's connection right after the client's next
 * request has been passed on: the request reaches the server, its reply never reaches the client
 * (the "lost reply" of a create). Clients reconnect through the proxy.
 */
public final class DroppingProxy implements AutoCloseable {
  private static final int BUFFER_BYTES = 8192;

  private final ServerSocket listener;
  private final int targetPort;
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicBoolean dropAfterNextRequest = new AtomicBoolean();

  /**
   * A proxy to a local port.
   *
   * @param targetPort the server's port on 127.0.0.1
   */
  public DroppingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "dropping-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The connect string of the proxy. */
  public String connectString() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /** The next bytes a client sends are passed on, then its connection is cut. */
  public void dropAfterNextRequest() {
    dropAfterNextRequest.set(true);
  }

  /** True until the armed drop has happened. */
  public boolean dropPending() {
    return dropAfterNextRequest.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        pump(client, server, true);
        pump(server, client, false);
      } catch (IOException e) {
        // the listener closed, or the server is down: the client sees a closed connection
      }
    }
  }

  private void pump(Socket from, Socket to, boolean clientToServer) {
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
                  if (clientToServer && dropAfterNextRequest.compareAndSet(true, false)) {
                    from.setSoLinger(true, 0);
                    break; // the request went out; the reply will find no one
                  }
                }
              } catch (IOException e) {
                // either side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "dropping-proxy-pump");
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
    synchronized (sockets) {
      sockets.forEach(DroppingProxy::closeQuietly);
    }
  }
}
