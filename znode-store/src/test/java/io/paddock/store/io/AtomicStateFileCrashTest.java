package io.paddock.store.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A crash at any point of a write leaves the old or the new content, never a damaged file: the disk
 * is copied and crashed after every single storage operation, with and without torn writes. Disk
 * errors during a write leave the old content.
 */
class AtomicStateFileCrashTest {
  private static final int SEEDS = 20;
  private static final int WRITES = 5;

  /** The state of one seeded run, read by the crash listener. */
  private static final class Run {
    final int seed;
    final Random random;
    final SimulatedStorage disk = new SimulatedStorage();
    byte[] old;
    byte[] next;
    int crashPoints;

    Run(int seed) {
      this.seed = seed;
      this.random = new Random(seed);
    }

    void crashHere(String op) {
      for (boolean torn : new boolean[] {false, true}) {
        String where = "seed " + seed + " after '" + op + "', torn=" + torn;
        Optional<byte[]> read;
        try {
          read = new AtomicStateFile(disk.crash(random, torn)).read("epoch");
        } catch (IOException e) {
          throw new AssertionError(where + ": " + e, e);
        }
        boolean isOld =
            old == null ? read.isEmpty() : read.isPresent() && Arrays.equals(old, read.get());
        boolean isNew = read.isPresent() && Arrays.equals(next, read.get());
        assertTrue(isOld || isNew, where + ": neither the old nor the new content");
        crashPoints++;
      }
    }
  }

  @Test
  void crashAtEveryOperationLeavesOldOrNewContent() throws IOException {
    for (int seed = 0; seed < SEEDS; seed++) {
      Run run = new Run(seed);
      AtomicStateFile state = new AtomicStateFile(run.disk);
      run.disk.setOperationListener(run::crashHere);
      for (int v = 0; v < WRITES; v++) {
        run.next = new byte[run.random.nextInt(2000)];
        run.random.nextBytes(run.next);
        state.write("epoch", run.next);
        run.old = run.next;
        byte[] survived =
            new AtomicStateFile(run.disk.crash(run.random, true)).read("epoch").orElseThrow();
        assertArrayEquals(run.next, survived, "seed " + seed + ": a returned write must survive");
      }
      assertTrue(run.crashPoints >= WRITES * 2 * 5, "seed " + seed + ": " + run.crashPoints);
    }
  }

  @Test
  void diskErrorsDuringAWriteLeaveTheOldContent() throws IOException {
    SimulatedStorage disk = new SimulatedStorage();
    AtomicStateFile state = new AtomicStateFile(disk);
    state.write("currentEpoch", new byte[] {1});
    disk.failNextWrites(1);
    assertThrows(IOException.class, () -> state.write("currentEpoch", new byte[] {2}));
    disk.failNextForces(1);
    assertThrows(IOException.class, () -> state.write("currentEpoch", new byte[] {3}));
    assertArrayEquals(new byte[] {1}, state.read("currentEpoch").orElseThrow());
    assertArrayEquals(
        new byte[] {1}, new AtomicStateFile(disk.crash()).read("currentEpoch").orElseThrow());
    state.write("currentEpoch", new byte[] {4});
    assertArrayEquals(new byte[] {4}, state.read("currentEpoch").orElseThrow());
  }
}
