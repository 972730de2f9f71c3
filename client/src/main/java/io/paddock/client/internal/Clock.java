package io.paddock.client.internal;

/**
 * The time source of the connection state machine: monotonic milliseconds (not wall time).
 *
 * <p>Injected so that the state machine can run under a simulator's virtual clock; production uses
 * {@link #system()}.
 */
@FunctionalInterface
public interface Clock {
  /** The current monotonic time in ms; only differences between readings mean anything. */
  long nowMs();

  /** The JVM's monotonic clock ({@link System#nanoTime()} in ms). */
  static Clock system() {
    return () -> System.nanoTime() / 1_000_000L;
  }
}
