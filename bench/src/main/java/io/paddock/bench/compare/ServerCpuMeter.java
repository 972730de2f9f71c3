package io.paddock.bench.compare;

/** The cumulative CPU time of the server processes under load, read around a measured window. */
@FunctionalInterface
public interface ServerCpuMeter {
  /** A meter for when no server process is known: always -1. */
  ServerCpuMeter UNKNOWN = () -> -1;

  /** User + system CPU milliseconds the server processes used so far; -1 when unknown. */
  double cpuMs();
}
