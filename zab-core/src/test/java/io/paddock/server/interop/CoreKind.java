package io.paddock.server.interop;

import java.nio.file.Path;
import java.util.List;

/**
 * The kinds of core a suite can run against. {@link #REFERENCE} is always Apache ZooKeeper; {@link
 * #SUBJECT} is the server under test. Parameterized suites take {@link #all()}.
 */
public enum CoreKind {
  /** Apache ZooKeeper 3.9 with its default NIO client port: the judge. */
  ZOOKEEPER("zookeeper") {
    @Override
    public TestCore start(Path dataDir, CoreSettings settings) {
      return new ApacheZooKeeperCore(dataDir, settings, false);
    }
  },
  /** The subject: Paddock's standalone server through its EmbeddedServer. */
  PADDOCK("paddock") {
    @Override
    public TestCore start(Path dataDir, CoreSettings settings) {
      return new PaddockCore(dataDir, settings);
    }
  },
  /** A 3-member Paddock ensemble, the client attached to a follower. */
  PADDOCK_FOLLOWER("paddock-follower") {
    @Override
    public TestCore start(Path dataDir, CoreSettings settings) {
      return new PaddockEnsembleCore(dataDir, settings, false);
    }
  },
  /** A 3-member Paddock ensemble plus an observer, the client attached to the observer. */
  PADDOCK_OBSERVER("paddock-observer") {
    @Override
    public TestCore start(Path dataDir, CoreSettings settings) {
      return new PaddockEnsembleCore(dataDir, settings, true);
    }
  },
  /**
   * Apache ZooKeeper with its Netty client port: not in {@link #all()}; it proved the harness
   * against a second transport before Paddock existed and stays available for that.
   */
  ZOOKEEPER_NETTY("zookeeper-netty") {
    @Override
    public TestCore start(Path dataDir, CoreSettings settings) {
      return new ApacheZooKeeperCore(dataDir, settings, true);
    }
  };

  /** The reference side of a differential comparison. */
  public static final CoreKind REFERENCE = ZOOKEEPER;

  /** The side under test in a differential comparison. */
  public static final CoreKind SUBJECT = PADDOCK;

  private final String displayName;

  CoreKind(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Starts a core of this kind.
   *
   * @param dataDir an empty directory owned by the core
   * @param settings settings shared by every core of a test
   */
  public abstract TestCore start(Path dataDir, CoreSettings settings);

  /** Starts a core with {@link CoreSettings#DEFAULT}. */
  public TestCore start(Path dataDir) {
    return start(dataDir, CoreSettings.DEFAULT);
  }

  /** Every kind, for {@code @MethodSource}: each suite runs once per kind. */
  public static List<CoreKind> all() {
    return List.of(ZOOKEEPER, PADDOCK, PADDOCK_FOLLOWER, PADDOCK_OBSERVER);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
