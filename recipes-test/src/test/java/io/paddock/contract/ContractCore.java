package io.paddock.contract;

import io.paddock.testing.FourLetterWord;
import java.util.List;

/**
 * One coordination core the contract suites run on, with its fault hooks. Implementations: {@link
 * StandaloneCore} (embedded Paddock server), {@link EnsembleCore} (embedded 3-member Paddock
 * ensemble), {@link ZooKeeperCore} (Apache ZooKeeper 3.9 in this JVM).
 */
public interface ContractCore extends AutoCloseable {
  /** Which core this is. */
  CoreKind kind();

  /** The connect string of every server of the core (no chroot). */
  String connectString();

  /** The session timeout test clients ask for on this core. */
  int sessionTimeoutMs();

  /** Stops every server; data and ports stay, clients see their connection drop. */
  void stop();

  /** Starts every stopped server again on the same ports and data, and waits until it serves. */
  void start();

  /** A short outage: {@link #stop()} then {@link #start()}. */
  default void restartServer() {
    stop();
    start();
  }

  /** True when the core has a leader that {@link #killLeader()} can kill. */
  default boolean hasLeader() {
    return false;
  }

  /**
   * Kills the leader of the ensemble (the others elect a new one) and returns its id.
   *
   * @throws UnsupportedOperationException on a core without a leader (check {@link #hasLeader()})
   */
  default long killLeader() {
    throw new UnsupportedOperationException(kind() + " has no leader to kill");
  }

  /** Brings the core back to full health after a test (every member running, a leader serving). */
  void heal();

  /** The paths one session watches, on every server of the core ({@code wchc}). */
  default List<String> watchesOf(long sessionId) {
    return FourLetterWord.watchesOf(connectString(), sessionId);
  }

  @Override
  void close();
}
