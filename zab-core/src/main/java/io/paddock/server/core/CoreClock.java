package io.paddock.server.core;

/**
 * The server core's only source of time, injected so that tests run on a manual clock.
 *
 * <p>Wall time stamps txns (ctime, mtime) and what operators read (cons, dump); monotonic time
 * drives session expiry, timers and latencies, so a wall clock step cannot expire every session.
 * Implementations must be safe to call from any thread.
 */
public interface CoreClock {
  /** Milliseconds since the epoch. */
  long wallMs();

  /** Milliseconds from an arbitrary origin that never goes backwards. */
  long monotonicMs();

  /** The system clocks: {@code System.currentTimeMillis()} and {@code System.nanoTime()}. */
  static CoreClock system() {
    return SystemClock.INSTANCE;
  }

  /** The system clocks. */
  enum SystemClock implements CoreClock {
    /** The one instance. */
    INSTANCE;

    private static final long NANOS_PER_MS = 1_000_000L;

    @Override
    public long wallMs() {
      return System.currentTimeMillis();
    }

    @Override
    public long monotonicMs() {
      return System.nanoTime() / NANOS_PER_MS;
    }
  }
}
