package io.paddock.testing;

import io.paddock.server.EmbeddedEnsemble;
import io.paddock.server.config.FourLetterWords;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

/**
 * An embedded Paddock ensemble for tests: N voting members in this JVM, each on free ports of
 * 127.0.0.1 with its own temporary directory; Paddock's counterpart of Curator's {@code
 * TestingCluster}. Members can be killed, restarted and isolated from the others to test failover.
 *
 * <pre>{@code
 * try (TestingCluster cluster = TestingCluster.builder().members(3).build().start()) {
 *   long leader = cluster.awaitLeader(Duration.ofSeconds(20));
 *   PaddockClient c = PaddockClient.builder().connectString(cluster.connectString()).build();
 *   cluster.kill(leader); // the others elect a new leader; sessions move to a live member
 * }
 * }</pre>
 *
 * <p>Defaults as {@link TestingServer}'s: a {@value #TICK_TIME_MS_DEFAULT} ms tick, no fsync, TTL
 * nodes, fast container reaping, every four-letter word. Member ids are 1..members. A client's
 * watches live on the member it is connected to. Thread-safe.
 */
public final class TestingCluster implements Closeable {
  /** The default tick of every member. */
  public static final int TICK_TIME_MS_DEFAULT = TestingServer.TICK_TIME_MS_DEFAULT;

  /** The default number of voting members. */
  public static final int MEMBERS_DEFAULT = 3;

  /** How long {@link #restart()} waits for a leader to serve again. */
  public static final Duration LEADER_WAIT_DEFAULT = Duration.ofSeconds(30);

  private final EmbeddedEnsemble ensemble;

  private TestingCluster(Builder b) {
    ensemble =
        EmbeddedEnsemble.builder()
            .voters(b.members)
            .tickTimeMs(b.tickTimeMs)
            .configure(
                c ->
                    c.forceSync(false)
                        .extendedTypesEnabled(true)
                        .containerCheckIntervalMs(TestingServer.CONTAINER_CHECK_INTERVAL_MS_DEFAULT)
                        .fourLetterWordWhitelist(FourLetterWords.ALL))
            .build();
  }

  /** A builder; {@link Builder#build()} returns a cluster that is not started yet. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every member; returns without waiting for a leader (see {@link #awaitLeader}).
   *
   * @return this cluster
   * @throws IllegalStateException when started before or closed
   */
  public TestingCluster start() {
    ensemble.start();
    return this;
  }

  /** Every member's client address, comma-separated: the connect string for clients. */
  public String connectString() {
    return ensemble.connectString();
  }

  /** One member's client address ({@code 127.0.0.1:port}). */
  public String connectString(long memberId) {
    return ensemble.connectString(memberId);
  }

  /** The member ids, 1..members. */
  public List<Long> memberIds() {
    return ensemble.memberIds();
  }

  /** The member that leads and serves now, if any. */
  public OptionalLong leaderId() {
    return ensemble.leaderId();
  }

  /**
   * Waits until a leader serves together with a quorum, and returns its id.
   *
   * @throws TimeoutException when there is none within {@code timeout}
   */
  public long awaitLeader(Duration timeout) throws TimeoutException {
    return ensemble.awaitLeader(timeout);
  }

  /** True when member {@code memberId} runs (it may still be looking for a leader). */
  public boolean isRunning(long memberId) {
    return ensemble.isRunning(memberId);
  }

  /**
   * Kills a member as if its process died: its client and quorum connections drop at once. Its data
   * stays for {@link #restart(long)}.
   */
  public void kill(long memberId) {
    ensemble.kill(memberId);
  }

  /**
   * Waits for the leader and kills it.
   *
   * @return the id of the killed leader
   * @throws TimeoutException when no leader serves within {@code timeout}
   */
  public long killLeader(Duration timeout) throws TimeoutException {
    long leader = awaitLeader(timeout);
    kill(leader);
    return leader;
  }

  /** Stops a member in order; its data stays. */
  public void stop(long memberId) {
    ensemble.stop(memberId);
  }

  /** Starts a stopped or killed member again on the same ports and data. */
  public void restart(long memberId) {
    ensemble.restart(memberId);
  }

  /**
   * Restarts the whole ensemble: stops every member, starts them again on the same ports and data,
   * and waits for a leader. Clients see a short outage; their sessions live on.
   *
   * @throws TimeoutException when no leader serves within {@link #LEADER_WAIT_DEFAULT}
   */
  public void restart() throws TimeoutException {
    for (long id : memberIds()) {
      stop(id);
    }
    for (long id : memberIds()) {
      restart(id);
    }
    awaitLeader(LEADER_WAIT_DEFAULT);
  }

  /** Cuts a member off from every other member, both ways (clients still reach it), until heal. */
  public void isolate(long memberId) {
    ensemble.isolate(memberId);
  }

  /** Lifts every isolation. */
  public void heal() {
    ensemble.heal();
  }

  /** Stops every member and deletes the temporary directories. */
  @Override
  public void close() {
    ensemble.close();
  }

  @Override
  public String toString() {
    return "TestingCluster[" + connectString() + "]";
  }

  /** Settings of a {@link TestingCluster}. */
  public static final class Builder {
    private int members = MEMBERS_DEFAULT;
    private int tickTimeMs = TICK_TIME_MS_DEFAULT;

    private Builder() {}

    /** The number of voting members (1 to {@link EmbeddedEnsemble#MEMBERS_MAX}; default 3). */
    public Builder members(int count) {
      if (count < 1 || count > EmbeddedEnsemble.MEMBERS_MAX) {
        throw new IllegalArgumentException(
            "members must be 1.." + EmbeddedEnsemble.MEMBERS_MAX + ": " + count);
      }
      this.members = count;
      return this;
    }

    /** The tick of every member in ms; sessions of 2 to 20 ticks are granted. */
    public Builder tickTimeMs(int tickTimeMs) {
      if (tickTimeMs <= 0) {
        throw new IllegalArgumentException("tickTimeMs must be positive: " + tickTimeMs);
      }
      this.tickTimeMs = tickTimeMs;
      return this;
    }

    /** The cluster, not started. */
    public TestingCluster build() {
      return new TestingCluster(this);
    }
  }
}
