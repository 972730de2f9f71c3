package io.paddock.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.PaddockFrameworkBuilder;
import io.paddock.recipes.RetryNTimes;
import io.paddock.testing.KillSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every contract suite: one suite, written once, runs on every core (an embedded
 * standalone Paddock server, an embedded 3-member Paddock ensemble, Apache ZooKeeper 3.9), with
 * fault hooks and a clean-state audit.
 *
 * <h2>Adding a suite</h2>
 *
 * <pre>{@code
 * class BarrierContractTest extends ContractTestBase {
 *   @ContractTest
 *   void waitersPassOnceTheBarrierIsRemoved(CoreKind core) throws Exception {
 *     PaddockFramework fw = newFramework();            // connected to the current core
 *     String path = path("barrier");                   // unique to this test invocation
 *     DistributedBarrier barrier = closeAfter(new DistributedBarrier(fw, path));
 *     ...                                              // the scenario (RECIPES.md 3.2)
 *     barrier.close();
 *     assertCleanAfterClose(path, fw);                 // no znodes, no watches left
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Annotate each test with {@link ContractTest} and give it one {@link CoreKind} parameter:
 *       the test runs once per core, and {@link #core()} is that core when the body starts. Each
 *       core starts once per test class (lazily) and closes after the class.
 *   <li>Use {@link #path(String)} (under a root unique to the invocation) for every recipe path, so
 *       invocations never see each other's nodes; the root is deleted after each test.
 *   <li>Register everything that must be closed with {@link #closeAfter}; {@link #newFramework()}
 *       and {@link #threads()} do it already. After each test they close in reverse order and the
 *       core is healed (stopped servers started, killed members restarted).
 *   <li>Faults: {@link #restartServer()}, {@link #stopServer()}/{@link #startServer()}, {@link
 *       #expireSession(PaddockFramework)}, {@link #newProxy()} (cut a connection right after a
 *       chosen request reached the server), {@link #killLeader()} (ensemble only; the test is
 *       skipped elsewhere).
 *   <li>End with the audit: close the recipe, then {@link #assertCleanAfterClose(String,
 *       PaddockFramework...)} checks that its nodes are gone and that none of the frameworks'
 *       sessions holds a watch on any server (four-letter word {@code wchc}); call it before
 *       closing the frameworks.
 *   <li>Run one core only with {@code -Dcontract.cores=standalone} (or ensemble, zookeeper).
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(CoreSelection.class)
public abstract class ContractTestBase {
  /** How long a test waits for anything that should happen soon (generous: loaded CPUs). */
  protected static final Duration WAIT = Duration.ofSeconds(30);

  /** The parent of every test root. */
  protected static final String CONTRACT_ROOT = "/contract";

  private static final AtomicInteger INVOCATIONS = new AtomicInteger();

  private final Map<CoreKind, ContractCore> cores = new EnumMap<>(CoreKind.class);
  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
  private ContractCore core;
  private String root;

  /** Called by {@link CoreSelection}: makes {@code kind} current, starting it on first use. */
  final synchronized void activate(CoreKind kind) {
    core = cores.computeIfAbsent(kind, CoreKind::start);
    root = CONTRACT_ROOT + "/" + getClass().getSimpleName() + "-" + INVOCATIONS.incrementAndGet();
  }

  @AfterEach
  final void closeAndClean() throws Exception {
    List<AutoCloseable> reversed = new ArrayList<>(closeables);
    closeables.clear();
    Collections.reverse(reversed);
    Exception failure = null;
    for (AutoCloseable c : reversed) {
      try {
        c.close();
      } catch (Exception e) {
        failure = failure == null ? e : failure;
      }
    }
    if (core != null) {
      core.heal();
      deleteTree(root);
    }
    if (failure != null) {
      throw failure;
    }
  }

  @AfterAll
  final void closeCores() {
    for (ContractCore c : cores.values()) {
      c.close();
    }
    cores.clear();
  }

  /** The current core. */
  protected final ContractCore core() {
    if (core == null) {
      throw new IllegalStateException("no core: annotate the test with @ContractTest");
    }
    return core;
  }

  /** The current core's kind. */
  protected final CoreKind kind() {
    return core().kind();
  }

  /** The current core's connect string. */
  protected final String connectString() {
    return core().connectString();
  }

  /** A root path unique to this test invocation, deleted after the test. */
  protected final String root() {
    core();
    return root;
  }

  /** {@code root()/name}: a recipe path unique to this test invocation. */
  protected final String path(String name) {
    return root() + "/" + name;
  }

  /** A framework builder for the current core: its session timeout, a few quick retries. */
  protected PaddockFrameworkBuilder frameworkBuilder() {
    return PaddockFramework.builder()
        .connectString(connectString())
        .sessionTimeoutMs(core().sessionTimeoutMs())
        .connectionTimeoutMs(core().sessionTimeoutMs())
        .retryPolicy(new RetryNTimes(5, 100));
  }

  /** A started, connected framework on the current core, closed after the test. */
  protected PaddockFramework newFramework() throws InterruptedException {
    return started(frameworkBuilder().build());
  }

  /** Starts a framework, waits until it is connected, and closes it after the test. */
  protected PaddockFramework started(PaddockFramework framework) throws InterruptedException {
    closeAfter(framework);
    framework.start();
    assertTrue(framework.blockUntilConnected(WAIT), "the framework connects to " + kind());
    return framework;
  }

  /** Closes {@code c} after the test, in reverse order of registration. */
  protected final <T extends AutoCloseable> T closeAfter(T c) {
    closeables.add(c);
    return c;
  }

  /** A thread pool shut down (interrupting its threads) after the test. */
  protected final ExecutorService threads() {
    ExecutorService pool = Executors.newCachedThreadPool();
    closeAfter(pool::shutdownNow);
    return pool;
  }

  /** Records every connection state a framework reports from now on. */
  protected static List<ConnectionState> recordStates(PaddockFramework framework) {
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    framework.addConnectionStateListener((f, s) -> states.add(s));
    return states;
  }

  // ---- faults ----

  /** A short outage of the whole core: every server stops and starts again (same data). */
  protected final void restartServer() {
    core().restartServer();
  }

  /** Stops every server of the core (started again after the test if the test does not). */
  protected final void stopServer() {
    core().stop();
  }

  /** Starts the core's servers again after {@link #stopServer()} and waits until they serve. */
  protected final void startServer() {
    core().start();
  }

  /**
   * Makes the core expire the framework's current session from outside (the kit's {@link
   * KillSession}); the framework then reports LOST and opens a new session.
   */
  protected final void expireSession(PaddockFramework framework) throws Exception {
    KillSession.kill(framework.client(), connectString(), WAIT);
  }

  /**
   * A proxy in front of every server of the core, closed after the test: build a framework with
   * {@code frameworkBuilder().connectString(proxy.connectString())}, then arm it with {@link
   * FaultProxy#dropAfterNext}.
   */
  protected final FaultProxy newProxy() throws java.io.IOException {
    return closeAfter(new FaultProxy(connectString()));
  }

  /**
   * Kills the ensemble's leader (a new one is elected; the member restarts after the test). On a
   * core without a leader the test is skipped (an assumption).
   *
   * @return the killed member's id
   */
  protected final long killLeader() {
    Assumptions.assumeTrue(core().hasLeader(), "only an ensemble has a leader to kill");
    return core().killLeader();
  }

  // ---- clean-state audit ----

  /**
   * Asserts (waiting up to {@link #WAIT}) that the recipe at {@code recipePath} left nothing: the
   * path is gone or has no children (container parents are reaped by the server), and no session of
   * {@code frameworks} holds a watch on any server. Call it after closing the recipe, before
   * closing the frameworks.
   */
  protected final void assertCleanAfterClose(String recipePath, PaddockFramework... frameworks)
      throws Exception {
    assertNoNodesUnder(recipePath);
    assertNoWatches(frameworks);
  }

  /** Asserts (waiting) that {@code path} is gone or has no children. */
  protected final void assertNoNodesUnder(String path) throws Exception {
    try (PaddockClient admin = adminClient()) {
      await()
          .atMost(WAIT)
          .alias("no znodes left under " + path + " on " + kind())
          .until(() -> childrenOrEmpty(admin, path).isEmpty());
    }
  }

  /** Asserts (waiting) that no session of the frameworks holds a watch on any server. */
  protected final void assertNoWatches(PaddockFramework... frameworks) {
    for (PaddockFramework fw : frameworks) {
      long session = fw.client().sessionId();
      await()
          .atMost(WAIT)
          .alias("no watches left by session 0x" + Long.toHexString(session) + " on " + kind())
          .until(() -> core().watchesOf(session), List::isEmpty);
    }
  }

  private static List<String> childrenOrEmpty(PaddockClient admin, String path)
      throws InterruptedException, PaddockException {
    try {
      return admin.blocking().getChildren(path);
    } catch (PaddockException.NoNodeException gone) {
      return List.of();
    }
  }

  /** A raw client of the current core, not registered for closing. */
  protected final PaddockClient adminClient() throws Exception {
    PaddockClient admin =
        PaddockClient.builder()
            .connectString(connectString())
            .sessionTimeoutMs(core().sessionTimeoutMs())
            .build();
    try {
      admin.blocking().awaitConnected(WAIT);
    } catch (Exception e) {
      admin.close();
      throw e;
    }
    return admin;
  }

  private void deleteTree(String path) throws Exception {
    try (PaddockClient admin = adminClient()) {
      // On an ensemble the admin's member may not have applied a closed session's deletes yet.
      await()
          .atMost(WAIT)
          .ignoreException(PaddockException.NotEmptyException.class)
          .until(
              () -> {
                deleteTree(admin, path, 0);
                return true;
              });
    }
  }

  private static final int TREE_DEPTH_MAX = 32;

  private static void deleteTree(PaddockClient admin, String path, int depth) throws Exception {
    if (depth > TREE_DEPTH_MAX) {
      throw new IllegalStateException("the tree under " + path + " is deeper than expected");
    }
    for (String child : childrenOrEmpty(admin, path)) {
      deleteTree(admin, path + "/" + child, depth + 1);
    }
    try {
      admin.blocking().delete(path, -1);
    } catch (PaddockException.NoNodeException gone) {
      // reaped or deleted already
    }
  }
}
