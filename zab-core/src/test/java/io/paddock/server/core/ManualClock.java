package io.paddock.server.core;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the test says so; wall and monotonic time move together. */
final class ManualClock implements CoreClock {
  /** An arbitrary, recognisable wall-clock start: 2024-01-01T00:00:00Z. */
  static final long WALL_START_MS = 1_704_067_200_000L;

  private final AtomicLong elapsed = new AtomicLong();

  @Override
  public long wallMs() {
    return WALL_START_MS + elapsed.get();
  }

  @Override
  public long monotonicMs() {
    return elapsed.get();
  }

  void advance(long ms) {
    elapsed.addAndGet(ms);
  }
}
