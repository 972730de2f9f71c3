package io.paddock.server.core;

/**
 * The version a Paddock server reports where ZooKeeper reports its own ({@code srvr}, {@code stat},
 * {@code mntr}, {@code envi}): the ZooKeeper release whose wire protocol it speaks, then Paddock's
 * own version, so that tools that parse the leading {@code 3.9.x} keep working.
 */
public final class ServerVersion {
  /** The ZooKeeper release whose protocol and behaviour Paddock follows. */
  public static final String ZOOKEEPER_COMPATIBLE = "3.9.3";

  /** Shown when the jar carries no implementation version (running from classes). */
  public static final String DEVELOPMENT = "dev";

  private ServerVersion() {}

  /** For example {@code 3.9.3-paddock-0.1.0, built on unknown}. */
  public static String full() {
    String own = ServerVersion.class.getPackage().getImplementationVersion();
    return ZOOKEEPER_COMPATIBLE
        + "-paddock-"
        + (own == null ? DEVELOPMENT : own)
        + ", built on unknown";
  }
}
