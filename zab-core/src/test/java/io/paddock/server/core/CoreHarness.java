package io.paddock.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.server.config.FourLetterWords;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ServerConfigBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * A started {@link StandaloneCore} on a temporary directory with a manual clock and counted log
 * fsyncs, plus helpers to connect in-memory clients. tickTime is 2000 ms, so session timeouts are
 * clamped to 4000..40000 ms.
 */
final class CoreHarness implements AutoCloseable {
  static final int TICK_MS = 2000;
  static final int SESSION_TIMEOUT_MS = 10_000;
  static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);

  final Path dir;
  final ServerConfig config;
  final ManualClock clock;
  final CountingStorage storage;
  StandaloneCore core;

  private CoreHarness(Path dir, ServerConfig config, ManualClock clock) throws IOException {
    this.dir = dir;
    this.config = config;
    this.clock = clock;
    this.storage = new CountingStorage(config.dataLogDir());
    start();
  }

  /** A harness with the default test configuration. */
  static CoreHarness start(Path dir) throws IOException {
    return start(dir, b -> b);
  }

  /** A harness whose configuration the test adjusts. */
  static CoreHarness start(Path dir, UnaryOperator<ServerConfigBuilder> adjust) throws IOException {
    ServerConfigBuilder b =
        ServerConfig.builder()
            .dataDir(dir.resolve("data"))
            .dataLogDir(dir.resolve("log"))
            .clientPort(0)
            .tickTimeMs(TICK_MS)
            .preAllocSizeKb(64)
            .fourLetterWordWhitelist(FourLetterWords.ALL);
    return new CoreHarness(dir, adjust.apply(b).build(), new ManualClock());
  }

  private void start() throws IOException {
    core = StandaloneCore.builder(config).clock(clock).randomSeed(42).storage(storage).build();
    core.start();
  }

  /** Closes the core and starts a new one on the same directories. */
  void restart() throws IOException {
    core.close();
    start();
  }

  /** Waits until the core processed everything queued so far. */
  void barrier() {
    try {
      core.barrier().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("barrier failed", e);
    }
  }

  /** A fresh in-memory channel from 127.0.0.1. */
  InMemoryChannel channel() {
    return channel(LOCAL);
  }

  InMemoryChannel channel(InetSocketAddress from) {
    return new InMemoryChannel(from, storage::forces);
  }

  /** Connects with a new session and asserts it was granted. */
  TestClient connect() {
    return connect(channel());
  }

  TestClient connect(InMemoryChannel ch) {
    ConnectResponse r =
        handshake(ch, new ConnectRequest(0, 0, SESSION_TIMEOUT_MS, 0, new byte[16], false));
    assertTrue(r.timeoutMs() > 0, "session refused: " + r);
    return new TestClient(this, ch, r.sessionId(), r.passwd(), r.timeoutMs());
  }

  /** Resumes {@code session} on a new connection and asserts it was granted. */
  TestClient resume(TestClient session) {
    InMemoryChannel ch = channel();
    ConnectResponse r =
        handshake(
            ch,
            new ConnectRequest(
                0, 0, SESSION_TIMEOUT_MS, session.sessionId, session.password, false));
    assertEquals(session.sessionId, r.sessionId(), "resume refused: " + r);
    return new TestClient(this, ch, r.sessionId(), r.passwd(), r.timeoutMs());
  }

  /** Sends a ConnectRequest and returns the ConnectResponse (asserts there is exactly one). */
  ConnectResponse handshake(InMemoryChannel ch, ConnectRequest request) {
    core.onConnect(ch, request, true);
    barrier();
    List<InMemoryChannel.Frame> frames = ch.flushed();
    assertTrue(
        !frames.isEmpty() && frames.get(0).connect() != null, "no ConnectResponse: " + frames);
    return frames.get(0).connect();
  }

  /** Moves the clock and lets the core run its timers. */
  void advance(long ms) {
    clock.advance(ms);
    barrier();
  }

  @Override
  public void close() {
    core.close();
  }
}
