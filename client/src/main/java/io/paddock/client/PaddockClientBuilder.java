package io.paddock.client;

import io.paddock.client.internal.AsyncClient;
import io.paddock.client.internal.ClientConfig;
import io.paddock.client.internal.ClientLimits;
import io.paddock.client.internal.Clock;
import io.paddock.client.internal.ConnectString;
import io.paddock.client.protocol.WireLimits;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link PaddockClient}; {@link #build()} returns at once and the client connects in the
 * background (wait with {@code client.blocking().awaitConnected(...)} or a state listener).
 *
 * <pre>{@code
 * try (PaddockClient client = PaddockClient.builder()
 *     .connectString("zk1:2181,zk2:2181,zk3:2181/app")
 *     .sessionTimeoutMs(15_000)
 *     .build()) {
 *   client.blocking().awaitConnected(Duration.ofSeconds(10));
 *   ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one builder may build several clients.
 */
public final class PaddockClientBuilder {
  private final java.util.List<ConnectionStateListener> stateListeners =
      new java.util.ArrayList<>();

  private String connectString;
  private int sessionTimeoutMs = ClientLimits.SESSION_TIMEOUT_MS_DEFAULT;
  private int connectionTimeoutMs;
  private boolean canBeReadOnly;
  private long sessionId;
  private byte[] sessionPassword;
  private ThreadFactory threadFactory;
  private long randomSeed = System.nanoTime();
  private int maxBufferBytes = WireLimits.JUTE_MAX_BUFFER_DEFAULT;

  PaddockClientBuilder() {}

  /**
   * The servers and optional chroot: {@code "h1:2181,h2:2181/app"} (port defaults to 2181, "/"
   * means no chroot). Required. Host names are resolved again on every connection attempt.
   */
  public PaddockClientBuilder connectString(String connectString) {
    this.connectString = Objects.requireNonNull(connectString, "connectString");
    return this;
  }

  /**
   * The session timeout to ask for, in ms (default 30 000). The server clamps it into its own
   * bounds (2..20 ticks by default); the client's timers use the granted value.
   */
  public PaddockClientBuilder sessionTimeoutMs(int sessionTimeoutMs) {
    if (sessionTimeoutMs <= 0) {
      throw new IllegalArgumentException("sessionTimeoutMs must be positive: " + sessionTimeoutMs);
    }
    this.sessionTimeoutMs = sessionTimeoutMs;
    return this;
  }

  /**
   * How long a request made while the client has no connection waits, unsent, for one before it
   * fails with ConnectionLoss (default: the session timeout). One connection attempt itself is
   * bounded by ZooKeeper's rule, session timeout / number of hosts.
   */
  public PaddockClientBuilder connectionTimeoutMs(int connectionTimeoutMs) {
    if (connectionTimeoutMs <= 0) {
      throw new IllegalArgumentException("connectionTimeoutMs must be positive");
    }
    this.connectionTimeoutMs = connectionTimeoutMs;
    return this;
  }

  /** Whether read-only servers (a ZooKeeper that lost its quorum) are acceptable (default no). */
  public PaddockClientBuilder canBeReadOnly(boolean canBeReadOnly) {
    this.canBeReadOnly = canBeReadOnly;
    return this;
  }

  /**
   * Resumes an existing session instead of opening a new one (its id and password, as another
   * client's {@code sessionId()} and {@code sessionPassword()} gave them). A wrong password or a
   * dead session makes the client {@link ConnectionState#EXPIRED}.
   */
  public PaddockClientBuilder session(long sessionId, byte[] password) {
    if (sessionId == 0) {
      throw new IllegalArgumentException("session id 0 means a new session; do not call session()");
    }
    this.sessionId = sessionId;
    this.sessionPassword = Objects.requireNonNull(password, "password").clone();
    return this;
  }

  /**
   * The factory of the client's two threads (I/O and events); default: daemon threads named {@code
   * paddock-io-N} and {@code paddock-event-N}. Both threads end when the client reaches a terminal
   * state; with non-daemon threads, close every client before the JVM may exit.
   */
  public PaddockClientBuilder threadFactory(ThreadFactory threadFactory) {
    this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    return this;
  }

  /**
   * The seed of the host shuffle and the reconnect backoff (default: from the clock). The client
   * logs the seed it uses when it starts, so a run can be replayed.
   */
  public PaddockClientBuilder randomSeed(long randomSeed) {
    this.randomSeed = randomSeed;
    return this;
  }

  /**
   * The client's {@code jute.maxbuffer}: a reply frame longer than this drops the connection
   * (default 0xfffff, ZooKeeper's).
   */
  public PaddockClientBuilder maxBufferBytes(int maxBufferBytes) {
    if (maxBufferBytes <= 0) {
      throw new IllegalArgumentException("maxBufferBytes must be positive");
    }
    this.maxBufferBytes = maxBufferBytes;
    return this;
  }

  /**
   * Registers a state listener before the client starts connecting, so it sees every change from
   * the first one on (a listener added after {@link #build()} may miss the first CONNECTED). May be
   * called several times.
   */
  public PaddockClientBuilder stateListener(ConnectionStateListener listener) {
    stateListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the client and starts connecting.
   *
   * @throws IllegalArgumentException for a missing or malformed connect string
   */
  public PaddockClient build() {
    if (connectString == null) {
      throw new IllegalArgumentException("connectString is required");
    }
    ClientConfig config =
        new ClientConfig(
            ConnectString.parse(connectString),
            sessionTimeoutMs,
            connectionTimeoutMs > 0 ? connectionTimeoutMs : sessionTimeoutMs,
            canBeReadOnly,
            sessionId,
            sessionPassword,
            threadFactory,
            randomSeed,
            maxBufferBytes,
            Clock.system());
    return new AsyncClient(config, stateListeners);
  }
}
