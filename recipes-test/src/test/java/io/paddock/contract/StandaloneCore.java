package io.paddock.contract;

import io.paddock.testing.TestingServer;

/** An embedded standalone Paddock server (the kit's {@link TestingServer}). */
final class StandaloneCore implements ContractCore {
  private static final int SESSION_TIMEOUT_MS = 4_000;

  private final TestingServer server = new TestingServer();

  @Override
  public CoreKind kind() {
    return CoreKind.STANDALONE;
  }

  @Override
  public String connectString() {
    return server.connectString();
  }

  @Override
  public int sessionTimeoutMs() {
    return SESSION_TIMEOUT_MS;
  }

  @Override
  public void stop() {
    ServerShutdown.stop(server::stop, () -> !server.isRunning(), "the standalone server");
  }

  @Override
  public void start() {
    if (!server.isRunning()) {
      server.start();
    }
  }

  @Override
  public void heal() {
    start();
  }

  @Override
  public void close() {
    ServerShutdown.stop(server::close, () -> !server.isRunning(), "the standalone server");
  }

  @Override
  public String toString() {
    return kind().name();
  }
}
