package io.paddock.server.interop;

/**
 * One running server that speaks the ZooKeeper client protocol, as the interop suites see it:
 * Apache ZooKeeper itself (the reference) or Paddock (the subject). Every core binds 127.0.0.1
 * only.
 */
public interface TestCore extends AutoCloseable {

  /** The connect string for clients, {@code 127.0.0.1:port}. */
  String connectString();

  /**
   * Stops the server and starts it again on the same port with the same data, as a crash-free
   * restart would: sessions and znodes survive, connections do not. Returns once the new server
   * accepts connections.
   */
  void restart();

  /** A short name for test display and failure messages, such as {@code zookeeper-nio}. */
  String name();

  /** The host part of {@link #connectString()}. */
  default String host() {
    return connectString().substring(0, connectString().lastIndexOf(':'));
  }

  /** The port part of {@link #connectString()}. */
  default int port() {
    return Integer.parseInt(connectString().substring(connectString().lastIndexOf(':') + 1));
  }

  /** Stops the server; idempotent. */
  @Override
  void close();
}
