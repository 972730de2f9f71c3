package io.paddock.contract;

import io.paddock.testing.TestingCluster;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** An embedded 3-member Paddock ensemble (the kit's {@link TestingCluster}). */
final class EnsembleCore implements ContractCore {
  /** Longer than a standalone core's: a session must outlive a leader election. */
  private static final int SESSION_TIMEOUT_MS = 8_000;

  private static final Duration LEADER_WAIT = Duration.ofSeconds(30);
  private static final int MEMBERS = 3;

  private final TestingCluster cluster;

  EnsembleCore() {
    cluster = TestingCluster.builder().members(MEMBERS).build().start();
    awaitLeader();
  }

  private long awaitLeader() {
    try {
      return cluster.awaitLeader(LEADER_WAIT);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the ensemble elected no leader", e);
    }
  }

  @Override
  public CoreKind kind() {
    return CoreKind.ENSEMBLE;
  }

  @Override
  public String connectString() {
    return cluster.connectString();
  }

  @Override
  public int sessionTimeoutMs() {
    return SESSION_TIMEOUT_MS;
  }

  @Override
  public void stop() {
    for (long id : cluster.memberIds()) {
      ServerShutdown.stop(() -> cluster.stop(id), () -> !cluster.isRunning(id), "member " + id);
    }
  }

  @Override
  public void start() {
    for (long id : cluster.memberIds()) {
      if (!cluster.isRunning(id)) {
        cluster.restart(id);
      }
    }
    awaitLeader();
  }

  @Override
  public boolean hasLeader() {
    return true;
  }

  @Override
  public long killLeader() {
    long leader = awaitLeader();
    ServerShutdown.stop(
        () -> cluster.kill(leader), () -> !cluster.isRunning(leader), "member " + leader);
    return leader;
  }

  @Override
  public void heal() {
    cluster.heal();
    start();
  }

  @Override
  public java.util.List<String> watchesOf(long sessionId) {
    StringBuilder running = new StringBuilder();
    for (long id : cluster.memberIds()) {
      if (cluster.isRunning(id)) {
        running.append(running.length() == 0 ? "" : ",").append(cluster.connectString(id));
      }
    }
    return io.paddock.testing.FourLetterWord.watchesOf(running.toString(), sessionId);
  }

  @Override
  public void close() {
    ServerShutdown.stop(
        cluster::close,
        () -> cluster.memberIds().stream().noneMatch(cluster::isRunning),
        "the ensemble");
  }

  @Override
  public String toString() {
    return kind().name();
  }
}
