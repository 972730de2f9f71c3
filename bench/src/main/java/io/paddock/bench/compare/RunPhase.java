package io.paddock.bench.compare;

/**
 * The phase of one measured run, shared by the driving thread and the client threads: warm-up
 * (load, not recorded), measuring (recorded), stopping (no new requests).
 */
final class RunPhase {
  static final int WARMUP = 0;
  static final int MEASURE = 1;
  static final int STOP = 2;

  private volatile int phase = WARMUP;

  int get() {
    return phase;
  }

  void set(int next) {
    if (next < phase) {
      throw new IllegalStateException("phase goes back from " + phase + " to " + next);
    }
    phase = next;
  }
}
