package io.paddock.bench.compare;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One server kind on one topology for the length of a topology's workloads: the running cluster, or
 * why it failed to start; and which key spaces it already holds.
 */
final class Target implements AutoCloseable {
  private final ServerKind kind;
  private final Cluster cluster;
  private String startFailure;
  private final Set<String> populatedRoots = new HashSet<>();

  private Target(ServerKind kind, Cluster cluster, String startFailure) {
    this.kind = kind;
    this.cluster = cluster;
    this.startFailure = startFailure;
  }

  /** Launches {@code kind} on {@code topology} under {@code dir}; readiness comes later. */
  static Target launch(
      ServerKind kind, Topology topology, Path dir, ServerSettings settings, JvmLauncher jvm) {
    try {
      return new Target(kind, Cluster.launch(kind, topology.members(), dir, settings, jvm), null);
    } catch (Exception e) {
      return new Target(kind, null, "cannot launch: " + e.getMessage());
    }
  }

  /** Waits for the cluster to serve; a failure is remembered as the start failure. */
  void awaitReady() throws InterruptedException {
    if (cluster != null && startFailure == null) {
      Optional<String> failure = cluster.awaitReady(Cluster.READY_WAIT_MS);
      failure.ifPresent(f -> startFailure = f);
    }
  }

  ServerKind kind() {
    return kind;
  }

  /** Why the cluster did not start, if it did not. */
  Optional<String> startFailure() {
    return Optional.ofNullable(startFailure);
  }

  Cluster cluster() {
    if (startFailure != null) {
      throw new IllegalStateException(kind + " did not start: " + startFailure);
    }
    return cluster;
  }

  /** True the first time a key space root is named, false after: populate once per cluster. */
  boolean firstUseOf(String root) {
    return populatedRoots.add(root);
  }

  @Override
  public void close() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }
}
