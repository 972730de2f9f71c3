package io.paddock.recipes.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.PaddockFrameworkBuilder;
import io.paddock.recipes.RetryNTimes;
import io.paddock.store.model.WatcherType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every recipe test: one core per test class (from {@link #newCore()}, an embedded
 * standalone Paddock server here), frameworks closed after each test, and the fault helpers
 * (session expiry, server stop and start). A contract-suite module reruns the same tests on other
 * cores by overriding {@link #newCore()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecipeTestBase {
  /** Session timeout of test frameworks: short enough for expiry tests, long for a loaded CPU. */
  protected static final int SESSION_TIMEOUT_MS = 4_000;

  /** How long a test waits for anything that should happen soon. */
  protected static final Duration WAIT = Duration.ofSeconds(20);

  private CoreUnderTest core;
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

  /** The core of this test class; override to run the tests elsewhere. */
  protected CoreUnderTest newCore() {
    return new EmbeddedPaddockCore();
  }

  @BeforeAll
  void startCore() {
    core = newCore();
  }

  @AfterAll
  void stopCore() {
    core.close();
  }

  @AfterEach
  void closeEverything() throws Exception {
    List<AutoCloseable> reversed = new ArrayList<>(closeables);
    closeables.clear();
    java.util.Collections.reverse(reversed);
    for (AutoCloseable c : reversed) {
      c.close();
    }
  }

  /** The core. */
  protected CoreUnderTest core() {
    return core;
  }

  /** The core's connect string. */
  protected String connectString() {
    return core.connectString();
  }

  /** A builder with the test defaults: short sessions, a few quick retries. */
  protected PaddockFrameworkBuilder frameworkBuilder() {
    return PaddockFramework.builder()
        .connectString(connectString())
        .sessionTimeoutMs(SESSION_TIMEOUT_MS)
        .connectionTimeoutMs(SESSION_TIMEOUT_MS)
        .retryPolicy(new RetryNTimes(3, 100));
  }

  /** A started, connected framework, closed after the test. */
  protected PaddockFramework newFramework() throws InterruptedException {
    return started(frameworkBuilder().build());
  }

  /** Starts a framework, waits for its connection, and closes it after the test. */
  protected PaddockFramework started(PaddockFramework framework) throws InterruptedException {
    closeAfter(framework);
    framework.start();
    assertTrue(framework.blockUntilConnected(WAIT), "the framework connects");
    return framework;
  }

  /** Closes {@code c} after the test (in reverse order of registration). */
  protected <T extends AutoCloseable> T closeAfter(T c) {
    closeables.add(c);
    return c;
  }

  /**
   * Makes the server expire the framework's current session, as ZooKeeper's tests do: a second
   * client joins the same session and closes it. The framework then reports LOST and opens a new
   * session.
   */
  protected void expireSession(PaddockFramework framework) throws Exception {
    PaddockClient victim = framework.client();
    try (PaddockClient intruder =
        PaddockClient.builder()
            .connectString(connectString())
            .sessionTimeoutMs(SESSION_TIMEOUT_MS)
            .session(victim.sessionId(), victim.sessionPassword())
            .build()) {
      intruder.blocking().awaitConnected(WAIT);
    }
  }

  /** Records the states a framework reports. */
  protected static List<ConnectionState> recordStates(PaddockFramework framework) {
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    framework.addConnectionStateListener((f, s) -> states.add(s));
    return states;
  }

  /** True if the server holds a watch of the type on the path for the framework's session. */
  protected static boolean hasWatch(PaddockFramework framework, String path, WatcherType type)
      throws InterruptedException {
    try {
      framework.client().checkWatches(framework.fullPath(path), type).get();
      return true;
    } catch (ExecutionException e) {
      return false;
    }
  }
}
