package io.paddock.testing;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests a running Paddock server or ensemble.
 *
 * <pre>{@code
 * class MyTest {
 *   // static: one server for the whole class; an instance field: a fresh server per test
 *   @RegisterExtension
 *   static final PaddockServerExtension PADDOCK = PaddockServerExtension.server();
 *
 *   @Test
 *   void works(TestingServer server) { // or PADDOCK.connectString()
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Registered on a static field, the server starts before all tests of the class and closes after
 * them; on an instance field it starts before and closes after each test. Test and lifecycle
 * methods may declare a {@link TestingServer} or {@link TestingCluster} parameter to receive it. A
 * cluster is started and has a serving leader before the first test runs. {@code @Nested} classes
 * share the outer class's server.
 */
public final class PaddockServerExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  /** How long a cluster may take to elect its first leader. */
  public static final Duration LEADER_WAIT = Duration.ofSeconds(30);

  private final int clusterMembers;
  private TestingServer server;
  private TestingCluster cluster;
  private boolean classScoped;
  private int classDepth; // @Nested classes see the outer class's extension again

  private PaddockServerExtension(int clusterMembers) {
    this.clusterMembers = clusterMembers;
  }

  /** An extension that runs a standalone {@link TestingServer}. */
  public static PaddockServerExtension server() {
    return new PaddockServerExtension(0);
  }

  /** An extension that runs a {@link TestingCluster} of {@code members} voting members. */
  public static PaddockServerExtension cluster(int members) {
    if (members < 1) {
      throw new IllegalArgumentException("members must be at least 1: " + members);
    }
    return new PaddockServerExtension(members);
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) throws TimeoutException {
    classScoped = true;
    if (classDepth++ == 0) {
      startCore();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--classDepth == 0) {
      stopCore();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws TimeoutException {
    if (!classScoped) {
      startCore();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!classScoped) {
      stopCore();
    }
  }

  private synchronized void startCore() throws TimeoutException {
    if (clusterMembers == 0) {
      server = new TestingServer();
    } else {
      cluster = TestingCluster.builder().members(clusterMembers).build().start();
      try {
        cluster.awaitLeader(LEADER_WAIT);
      } catch (TimeoutException e) {
        cluster.close();
        cluster = null;
        throw e;
      }
    }
  }

  private synchronized void stopCore() {
    if (server != null) {
      server.close();
      server = null;
    }
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  /**
   * The running server's or cluster's connect string.
   *
   * @throws IllegalStateException outside a test or lifecycle method
   */
  public synchronized String connectString() {
    if (server != null) {
      return server.connectString();
    }
    if (cluster != null) {
      return cluster.connectString();
    }
    throw new IllegalStateException("no server runs now (outside a test?)");
  }

  /**
   * The running standalone server.
   *
   * @throws IllegalStateException if this extension runs a cluster or nothing runs now
   */
  public synchronized TestingServer testingServer() {
    if (server == null) {
      throw new IllegalStateException("no standalone server runs now");
    }
    return server;
  }

  /**
   * The running cluster.
   *
   * @throws IllegalStateException if this extension runs a standalone server or nothing runs now
   */
  public synchronized TestingCluster testingCluster() {
    if (cluster == null) {
      throw new IllegalStateException("no cluster runs now");
    }
    return cluster;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return (type == TestingServer.class && clusterMembers == 0)
        || (type == TestingCluster.class && clusterMembers > 0);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    synchronized (this) {
      Object running = clusterMembers == 0 ? server : cluster;
      if (running == null) {
        throw new ParameterResolutionException("no Paddock server runs for this method");
      }
      return running;
    }
  }
}
