package io.paddock.bench.compare;

/** The two servers compared, each run as its own JVM from the bench class path. */
public enum ServerKind {
  /** Apache ZooKeeper 3.9.3; standalone or quorum as its zoo.cfg says. */
  ZOOKEEPER("ZooKeeper", "org.apache.zookeeper.server.quorum.QuorumPeerMain"),
  /** Paddock's server, {@code bin/paddock server zoo.cfg}. */
  PADDOCK("Paddock", "io.paddock.server.PaddockServerMain");

  private final String displayName;
  private final String mainClass;

  ServerKind(String displayName, String mainClass) {
    this.displayName = displayName;
    this.mainClass = mainClass;
  }

  /** The name in reports. */
  public String displayName() {
    return displayName;
  }

  /** The class the server JVM runs, with the zoo.cfg path as its one argument. */
  public String mainClass() {
    return mainClass;
  }
}
