package io.paddock.server.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 between clients and a core, so that a test can make a client lose
 * its server without the server knowing ({@link #freeze()}: bytes stop flowing, sockets stay open,
 * as in a network partition) or drop and refuse connections ({@link #cut()}) while other clients
 * keep talking to the core directly.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private volatile boolean frozen;
  private volatile boolean refusing;
  private volatile boolean closed;

  /** Starts forwarding to the core's host and port. */
  public TcpProxy(TestCore core) {
    this.targetHost = core.host();
    this.targetPort = core.port();
    try {
      listener = new ServerSocket();
      listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The connect string that goes through the proxy. */
  public String connectString() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /** Stops moving bytes in both directions; connections stay open. */
  public void freeze() {
    frozen = true;
  }

  /** Closes every forwarded connection and refuses new ones (they are accepted, then closed). */
  public void cut() {
    refusing = true;
    closeAll();
  }

  /** Undoes {@link #freeze()} and {@link #cut()}. */
  public void restore() {
    synchronized (gate) {
      frozen = false;
      refusing = false;
      gate.notifyAll();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (refusing) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket(targetHost, targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                while (true) {
                  int n = in.read(buf);
                  if (n < 0) {
                    break;
                  }
                  awaitThawed();
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // The peer or the test closed the connection.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void awaitThawed() throws InterruptedException, IOException {
    synchronized (gate) {
      while (frozen && !closed) {
        gate.wait();
      }
    }
    if (closed || refusing) {
      throw new IOException("proxy cut");
    }
  }

  private void closeAll() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    closed = true;
    restore();
    try {
      listener.close();
    } catch (IOException e) {
      // Already closed.
    }
    closeAll();
  }
}
