package io.paddock.bench.compare;

import java.util.List;

/**
 * The settings both servers get alike: JVM flags (heap, GC) and the zoo.cfg timing and durability
 * keys. fsync stays on ({@code forceSync=yes}).
 *
 * @param jvmFlags flags for every server JVM, for example {@code -Xmx1g}
 * @param tickTimeMs ZooKeeper's tickTime
 * @param initLimitTicks ticks a follower may take to connect and sync
 * @param syncLimitTicks ticks a follower may lag
 * @param snapCount txns between snapshots
 * @param globalOutstandingLimit requests in the pipeline before the server stops reading
 */
public record ServerSettings(
    List<String> jvmFlags,
    int tickTimeMs,
    int initLimitTicks,
    int syncLimitTicks,
    int snapCount,
    int globalOutstandingLimit) {

  /** Heap and GC of every server JVM unless {@code --server-jvm} says otherwise. */
  public static final List<String> DEFAULT_JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

  /** The settings of the comparison: ZooKeeper's own defaults for the zoo.cfg keys. */
  public static ServerSettings defaults() {
    return new ServerSettings(DEFAULT_JVM_FLAGS, 2_000, 10, 5, 100_000, 1_000);
  }

  /** The same settings with other JVM flags. */
  public ServerSettings withJvmFlags(List<String> flags) {
    return new ServerSettings(
        List.copyOf(flags),
        tickTimeMs,
        initLimitTicks,
        syncLimitTicks,
        snapCount,
        globalOutstandingLimit);
  }
}
