package io.paddock.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The servers of one kind under test: one standalone server or a three-member ensemble, each member
 * its own JVM with its own fresh data directory under one base directory (so both kinds write to
 * the same filesystem), on free loopback ports.
 */
public final class Cluster implements AutoCloseable {
  /** Time a cluster may take from launch to serving (a leader, for an ensemble). */
  public static final long READY_WAIT_MS = 120_000;

  /** Pause between readiness probes. */
  static final long PROBE_PAUSE_MS = 100;

  private final ServerKind kind;
  private final List<ZooCfgWriter.MemberPorts> ports;
  private final List<ServerProcess> members;

  private Cluster(
      ServerKind kind, List<ZooCfgWriter.MemberPorts> ports, List<ServerProcess> members) {
    this.kind = kind;
    this.ports = ports;
    this.members = members;
  }

  /**
   * Writes the configuration of {@code size} members (1 or 3) under {@code dir}, which must not
   * exist yet, and starts every member; readiness is awaited by {@link #awaitReady}.
   */
  public static Cluster launch(
      ServerKind kind, int size, Path dir, ServerSettings settings, JvmLauncher jvm)
      throws IOException {
    if (size != 1 && size != 3) {
      throw new IllegalArgumentException("a cluster has 1 or 3 members, not " + size);
    }
    if (Files.exists(dir)) {
      throw new IllegalStateException(dir + " exists: every cluster starts on fresh data dirs");
    }
    List<Integer> free = FreePorts.allocate(size * 3);
    List<ZooCfgWriter.MemberPorts> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(
          new ZooCfgWriter.MemberPorts(free.get(3 * i), free.get(3 * i + 1), free.get(3 * i + 2)));
    }
    List<ServerProcess> members = new ArrayList<>();
    for (int id = 1; id <= size; id++) {
      Path cfg = ZooCfgWriter.write(settings, dir.resolve("member" + id), ports, id);
      members.add(new ServerProcess(kind, cfg, settings, jvm));
    }
    Cluster cluster = new Cluster(kind, ports, members);
    for (ServerProcess m : members) {
      m.start();
    }
    return cluster;
  }

  /** The server kind. */
  public ServerKind kind() {
    return kind;
  }

  /** The number of members. */
  public int size() {
    return members.size();
  }

  /** True for a three-member ensemble. */
  public boolean isEnsemble() {
    return members.size() > 1;
  }

  /** Member {@code i} (0-based). */
  public ServerProcess member(int i) {
    return members.get(i);
  }

  /** The client port of member {@code i}. */
  public int clientPort(int i) {
    return ports.get(i).clientPort();
  }

  /** {@code 127.0.0.1:p1,127.0.0.1:p2,...} over every member. */
  public String connectString() {
    StringJoiner j = new StringJoiner(",");
    ports.forEach(p -> j.add("127.0.0.1:" + p.clientPort()));
    return j.toString();
  }

  /**
   * Waits until every member serves: {@code ruok} answered and {@code srvr} giving a mode, with
   * exactly one leader in an ensemble.
   *
   * @return empty when ready; otherwise the first log line of the cause (a member that exited) or
   *     what was missing at the deadline
   */
  public Optional<String> awaitReady(long waitMs) throws InterruptedException {
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    String missing = "no member answered";
    while (System.nanoTime() < deadline) {
      for (ServerProcess m : members) {
        if (!m.isAlive()) {
          return Optional.of(m.failureCause());
        }
      }
      Optional<String> notYet = notServing();
      if (notYet.isEmpty()) {
        return Optional.empty();
      }
      missing = notYet.get();
      Thread.sleep(PROBE_PAUSE_MS);
    }
    return Optional.of("not serving after " + waitMs + " ms: " + missing);
  }

  /** Why the cluster does not serve yet, or empty when it does. */
  private Optional<String> notServing() {
    int leaders = 0;
    for (int i = 0; i < members.size(); i++) {
      if (!FourLetterProbe.isOk(clientPort(i))) {
        return Optional.of("member " + (i + 1) + " does not answer ruok");
      }
      Optional<String> mode = FourLetterProbe.mode(clientPort(i));
      if (mode.isEmpty()) {
        return Optional.of("member " + (i + 1) + " reports no mode in srvr");
      }
      if (mode.get().equals("leader") || mode.get().equals("standalone")) {
        leaders++;
      }
    }
    return leaders == 1 ? Optional.empty() : Optional.of(leaders + " leaders");
  }

  /** The index of the member that reports itself leader, or -1. */
  public int leaderIndex() {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).isAlive()
          && FourLetterProbe.mode(clientPort(i)).map("leader"::equals).orElse(false)) {
        return i;
      }
    }
    return -1;
  }

  /** CPU milliseconds all live members used so far; -1 when none could be read. */
  public double cpuMs() {
    double sum = 0;
    boolean any = false;
    for (ServerProcess m : members) {
      double ms = m.cpuMs();
      if (ms >= 0) {
        sum += ms;
        any = true;
      }
    }
    return any ? sum : -1;
  }

  /** Stops every member (SIGTERM, then SIGKILL after a while), by PID. */
  @Override
  public void close() throws InterruptedException {
    for (ServerProcess m : members) {
      m.stop();
    }
  }
}
