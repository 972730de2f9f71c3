package io.paddock.bench.compare;

import java.util.SplittableRandom;

/** Value bytes for the workloads: fixed pseudo-random content, so compression cannot flatter. */
final class Values {
  private static final long SEED = 0x5eed_0f_da7aL;

  private Values() {}

  /** A new array of {@code bytes} pseudo-random bytes (the same content for the same length). */
  static byte[] of(int bytes) {
    byte[] value = new byte[bytes];
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < bytes; i++) {
      value[i] = (byte) random.nextInt(256);
    }
    return value;
  }
}
