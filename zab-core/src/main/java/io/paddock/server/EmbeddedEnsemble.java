package io.paddock.server;

import io.paddock.server.config.PeerRole;
import io.paddock.server.config.QuorumMember;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ServerConfigBuilder;
import io.paddock.server.zab.PeerStatus;
import io.paddock.server.zab.ServerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A Paddock ensemble in this JVM, for tests, demos and embedding: N voting members plus observers,
 * every port a free one on 127.0.0.1, each member with its own data directory. Members can be
 * stopped, killed, restarted and isolated from the others (a network partition), and the ensemble
 * reports who leads.
 *
 * <pre>{@code
 * try (EmbeddedEnsemble ensemble = EmbeddedEnsemble.builder().voters(3).build().start()) {
 *   ensemble.awaitLeader(Duration.ofSeconds(10));
 *   String connect = ensemble.connectString(); // 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3
 * }
 * }</pre>
 *
 * <p>Member ids are 1..voters for the voters, then the observers. Thread-safe.
 */
public final class EmbeddedEnsemble implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final Builder settings;
  private final Path baseDir;
  private final boolean ownsBaseDir;
  private final Map<Long, Member> members = new LinkedHashMap<>();
  private boolean started;
  private boolean closed;

  /** One member's fixed addresses and what runs now. */
  private static final class Member {
    final long id;
    final boolean observer;
    final Path dataDir;
    InetSocketAddress quorum;
    InetSocketAddress election;
    int clientPort;
    MemberStack stack;
    EmbeddedServer server;

    Member(long id, boolean observer, Path dataDir) {
      this.id = id;
      this.observer = observer;
      this.dataDir = dataDir;
    }
  }

  private EmbeddedEnsemble(Builder b, Path baseDir, boolean ownsBaseDir) {
    this.settings = b;
    this.baseDir = baseDir;
    this.ownsBaseDir = ownsBaseDir;
    long id = 1;
    for (int i = 0; i < b.voters; i++, id++) {
      members.put(id, new Member(id, false, baseDir.resolve("member-" + id)));
    }
    for (int i = 0; i < b.observers; i++, id++) {
      members.put(id, new Member(id, true, baseDir.resolve("member-" + id)));
    }
  }

  /** A builder: 3 voters, no observers, a temporary directory, tickTime 2000 ms. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds every member's ports, then starts every member; returns without waiting for a leader (see
   * {@link #awaitLeader}).
   *
   * @return this ensemble
   * @throws IllegalStateException when started before or closed
   */
  public synchronized EmbeddedEnsemble start() {
    if (started || closed) {
      throw new IllegalStateException(closed ? "closed" : "already started");
    }
    started = true;
    for (Member m : members.values()) {
      m.stack =
          MemberStack.bindOn(
              m.id, new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, 0), 1);
      m.quorum = new InetSocketAddress(LOOPBACK, m.stack.quorumPort());
      m.election = new InetSocketAddress(LOOPBACK, m.stack.electionPort());
    }
    for (Member m : members.values()) {
      startServer(m);
    }
    return this;
  }

  private void startServer(Member m) {
    if (m.stack == null) {
      m.stack = MemberStack.bindOn(m.id, m.quorum, m.election, BIND_ATTEMPTS);
    }
    ServerConfig config = configOf(m);
    MemberStack stack = m.stack;
    EmbeddedServer server =
        EmbeddedServer.builder().config(config).coreFactory(stack::serverCore).build();
    try {
      server.start();
    } catch (RuntimeException e) {
      stack.transport().close();
      m.stack = null;
      throw e;
    }
    m.server = server;
    m.clientPort = server.port();
  }

  /** Attempts to bind a restarted member's ports again (the old sockets may linger briefly). */
  private static final int BIND_ATTEMPTS = 20;

  private ServerConfig configOf(Member self) {
    List<QuorumMember> all = new ArrayList<>();
    for (Member m : members.values()) {
      all.add(
          new QuorumMember(
              m.id,
              m.quorum,
              m.election,
              m.observer ? PeerRole.OBSERVER : PeerRole.PARTICIPANT,
              java.util.Optional.empty()));
    }
    ServerConfigBuilder b =
        ServerConfig.builder()
            .dataDir(self.dataDir)
            .clientAddress(new InetSocketAddress(LOOPBACK, self.clientPort))
            .tickTimeMs(settings.tickTimeMs)
            .initLimitTicks(settings.initLimit)
            .syncLimitTicks(settings.syncLimit)
            .myid(self.id)
            .peerType(self.observer ? PeerRole.OBSERVER : PeerRole.PARTICIPANT)
            .members(all);
    return settings.customizer.apply(b).build();
  }

  /** Every member's client address, comma-separated: the connect string for clients. */
  public synchronized String connectString() {
    return members.values().stream()
        .map(m -> LOOPBACK + ":" + m.clientPort)
        .collect(Collectors.joining(","));
  }

  /** One member's client address. */
  public synchronized String connectString(long id) {
    return LOOPBACK + ":" + member(id).clientPort;
  }

  /** The ids of the members, voters first. */
  public synchronized List<Long> memberIds() {
    return List.copyOf(members.keySet());
  }

  /** Where member {@code id} keeps its data. */
  public synchronized Path dataDir(long id) {
    return member(id).dataDir;
  }

  /** True when member {@code id} runs (it may still be looking for a leader). */
  public synchronized boolean isRunning(long id) {
    Member m = member(id);
    return m.server != null && m.server.isRunning();
  }

  /** Member {@code id}'s ZAB status, or empty when it does not run. */
  public synchronized java.util.Optional<PeerStatus> status(long id) {
    Member m = member(id);
    if (m.server == null || m.stack == null || m.stack.core() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(m.stack.core().peerStatus());
  }

  /** The member that leads and serves now, if any. */
  public synchronized OptionalLong leaderId() {
    for (Member m : members.values()) {
      if (m.stack != null && m.stack.core() != null && m.stack.core().isServing()) {
        PeerStatus s = m.stack.core().peerStatus();
        if (s.state() == ServerState.LEADING) {
          return OptionalLong.of(m.id);
        }
      }
    }
    return OptionalLong.empty();
  }

  /**
   * Waits until a leader serves together with a quorum of serving voters, and returns its id.
   *
   * @throws TimeoutException when none within {@code timeout}
   */
  public long awaitLeader(Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      OptionalLong leader = leaderWithQuorum();
      if (leader.isPresent()) {
        return leader.getAsLong();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TimeoutException("no leader with a serving quorum within " + timeout);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  private synchronized OptionalLong leaderWithQuorum() {
    OptionalLong leader = leaderId();
    if (leader.isEmpty()) {
      return leader;
    }
    int voters = 0;
    int serving = 0;
    for (Member m : members.values()) {
      if (m.observer) {
        continue;
      }
      voters++;
      if (m.stack != null && m.stack.core() != null && m.stack.core().isServing()) {
        serving++;
      }
    }
    return serving > voters / 2 ? leader : OptionalLong.empty();
  }

  /** Stops member {@code id} in order (its data stays); a no-op when it does not run. */
  public synchronized void stop(long id) {
    Member m = member(id);
    if (m.server != null) {
      try {
        m.server.close();
      } finally {
        m.server = null;
        m.stack = null;
      }
    }
  }

  /**
   * Kills member {@code id}: its quorum and client connections drop at once, as when its process
   * dies; what it had synced stays on disk. (In one JVM the operating system keeps unsynced writes;
   * the simulator covers their loss.)
   */
  public synchronized void kill(long id) {
    Member m = member(id);
    if (m.stack != null) {
      m.stack.transport().close();
    }
    stop(id);
  }

  /**
   * Starts member {@code id} again on the same ports and data (after {@link #stop}/{@link #kill}).
   */
  public synchronized void restart(long id) {
    Member m = member(id);
    stop(id);
    startServer(m);
  }

  /** Cuts member {@code id} off from every other member (both ways), until {@link #heal}. */
  public synchronized void isolate(long id) {
    Member target = member(id);
    Set<Long> others =
        members.keySet().stream().filter(o -> o != id).collect(Collectors.toUnmodifiableSet());
    if (target.stack != null) {
      target.stack.isolate(others);
    }
    for (Member m : members.values()) {
      if (m.id != id && m.stack != null) {
        m.stack.isolate(Set.of(id));
      }
    }
  }

  /** Lifts every isolation. */
  public synchronized void heal() {
    for (Member m : members.values()) {
      if (m.stack != null) {
        m.stack.heal();
      }
    }
  }

  /** Stops every member; deletes the directory when it was the default temporary one. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (Member m : members.values()) {
      try {
        stop(m.id);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (ownsBaseDir) {
      EmbeddedServer.deleteTree(baseDir);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private Member member(long id) {
    Member m = members.get(id);
    if (m == null) {
      throw new IllegalArgumentException("no member " + id + " in " + members.keySet());
    }
    return m;
  }

  /** Settings of an {@link EmbeddedEnsemble}. */
  public static final class Builder {
    private int voters = 3;
    private int observers;
    private Path baseDir;
    private int tickTimeMs = 2000;
    private int initLimit = 10;
    private int syncLimit = 5;
    private UnaryOperator<ServerConfigBuilder> customizer = UnaryOperator.identity();

    private Builder() {}

    /** Voting members (1 to 15; default 3). */
    public Builder voters(int count) {
      if (count < 1 || count > MEMBERS_MAX) {
        throw new IllegalArgumentException("voters must be 1.." + MEMBERS_MAX + ": " + count);
      }
      voters = count;
      return this;
    }

    /** Observers (default 0). */
    public Builder observers(int count) {
      if (count < 0 || count > MEMBERS_MAX) {
        throw new IllegalArgumentException("observers must be 0.." + MEMBERS_MAX + ": " + count);
      }
      observers = count;
      return this;
    }

    /** Where member-N directories go (kept on close); default a temporary directory (deleted). */
    public Builder baseDir(Path dir) {
      baseDir = Objects.requireNonNull(dir, "baseDir");
      return this;
    }

    /** zoo.cfg tickTime (default 2000 ms). */
    public Builder tickTimeMs(int ms) {
      tickTimeMs = ms;
      return this;
    }

    /** zoo.cfg initLimit and syncLimit, in ticks (defaults 10 and 5). */
    public Builder limits(int initLimitTicks, int syncLimitTicks) {
      initLimit = initLimitTicks;
      syncLimit = syncLimitTicks;
      return this;
    }

    /** Adjusts every member's configuration further (for example session timeouts). */
    public Builder configure(UnaryOperator<ServerConfigBuilder> adjust) {
      customizer = Objects.requireNonNull(adjust, "adjust");
      return this;
    }

    /** The ensemble, not started. */
    public EmbeddedEnsemble build() {
      boolean temporary = baseDir == null;
      Path dir = baseDir;
      if (temporary) {
        try {
          dir = Files.createTempDirectory("paddock-ensemble-");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create a temporary directory", e);
        }
      }
      return new EmbeddedEnsemble(this, dir, temporary);
    }
  }

  /** The most members of either kind. */
  public static final int MEMBERS_MAX = 15;
}
