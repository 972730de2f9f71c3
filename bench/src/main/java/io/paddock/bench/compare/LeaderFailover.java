package io.paddock.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * Write unavailability after SIGKILL of the leader of a three-member ensemble: one writer does
 * synchronous setData in a loop through a connect string naming every member; the leader is killed,
 * the longest gap between successful writes after the kill is taken, the killed member is started
 * again on its data dir and rejoins, and the next kill follows.
 */
public final class LeaderFailover {
  /** Writes must have been steady this long after the kill before the gap is read. */
  static final long SETTLE_MS = 2_000;

  /** Longest wait for writes to become steady after a kill; a gap still open then ends there. */
  static final long RECOVERY_WAIT_MS = 60_000;

  /** Pause after a failed write, so the writer does not spin while the ensemble elects. */
  static final long RETRY_PAUSE_MS = 2;

  static final String PATH = "/bench-failover";

  private static final long POLL_MS = 20;

  private LeaderFailover() {}

  /** The gaps of {@code kills} kills of {@code cluster}'s leader, ms each. */
  public static List<Double> run(Cluster cluster, int kills) throws Exception {
    if (!cluster.isEnsemble()) {
      throw new IllegalArgumentException("leader failover needs an ensemble");
    }
    WriteGaps gaps = new WriteGaps();
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> write(cluster.connectString(), gaps, stop), "failover-writer");
    writer.setDaemon(true);
    writer.start();
    List<Double> gapsMs = new ArrayList<>();
    try {
      for (int k = 0; k < kills; k++) {
        gapsMs.add(killLeaderOnce(cluster, gaps));
      }
    } finally {
      stop.set(true);
      writer.join(Sessions.CONNECT_WAIT_MS);
    }
    return gapsMs;
  }

  private static double killLeaderOnce(Cluster cluster, WriteGaps gaps) throws Exception {
    Optional<String> notReady = cluster.awaitReady(Cluster.READY_WAIT_MS);
    if (notReady.isPresent()) {
      throw new IllegalStateException("ensemble not serving before the kill: " + notReady.get());
    }
    awaitWritesFlowing(gaps);
    int leader = cluster.leaderIndex();
    if (leader < 0) {
      throw new IllegalStateException("no member reports itself leader");
    }
    long killNs = System.nanoTime();
    gaps.arm(killNs);
    cluster.member(leader).kill();
    long deadline = killNs + RECOVERY_WAIT_MS * 1_000_000;
    while (System.nanoTime() < deadline
        && gaps.steadyForNs(System.nanoTime()) < SETTLE_MS * 1_000_000) {
      Thread.sleep(POLL_MS);
    }
    long now = System.nanoTime();
    long gapNs = gaps.longestGapNs();
    if (gaps.steadyForNs(now) < SETTLE_MS * 1_000_000) {
      // Still out (or flapping) at the deadline: the gap goes on until now.
      gapNs = Math.max(gapNs, now - gaps.lastSuccessNs());
    }
    double gapMs = gapNs / 1e6;
    cluster.member(leader).start();
    return gapMs;
  }

  private static void awaitWritesFlowing(WriteGaps gaps) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_WAIT_MS * 1_000_000;
    while (System.nanoTime() < deadline) {
      long last = gaps.lastSuccessNs();
      if (last > 0 && System.nanoTime() - last < SETTLE_MS * 1_000_000 / 4) {
        return;
      }
      Thread.sleep(POLL_MS);
    }
    throw new IllegalStateException("the writer has no successful write before the kill");
  }

  private static void write(String connectString, WriteGaps gaps, AtomicBoolean stop) {
    byte[] value = Values.of(100);
    ZooKeeper zk = null;
    while (!stop.get()) {
      try {
        if (zk == null) {
          zk = Sessions.open(connectString);
          Sessions.createPath(zk, PATH);
        }
        zk.setData(PATH, value, -1);
        gaps.success(System.nanoTime());
      } catch (KeeperException.SessionExpiredException e) {
        Sessions.closeQuietly(zk);
        zk = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        pause();
      }
    }
    Sessions.closeQuietly(zk);
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
