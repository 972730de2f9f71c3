package io.paddock.store.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A crash at any point of a write leaves the old or the new content, never a damaged file: the disk
 * is copied and crashed after every single storage operation, with and without torn writes.
 */
class AtomicStateFileCrashTest {
  private static final int SEEDS = 20;

  @Test
  void crashAtEveryOperationLeavesOldOrNewContent() throws IOException {
    for (int seed = 0; seed < SEEDS; seed++) {
      runSeed(seed);
    }
  }

  private static void runSeed(int seed) throws IOException {
    Random random = new Random(seed);
    SimulatedStorage disk = new SimulatedStorage();
    AtomicStateFile state = new AtomicStateFile(disk);
    List<byte[]> versions = new ArrayList<>();
    int[] checked = {0};
    byte[][] old = {null};
    byte[][] next = {null};
    disk.setOperationListener(
        op -> {
          for (boolean torn : new boolean[] {false, true}) {
            SimulatedStorage after = disk.crash(random, torn);
            Optional<byte[]> read;
            try {
              read = new AtomicStateFile(after).read("epoch");
            } catch (IOException e) {
              throw new AssertionError("seed " + seed + " after '" + op + "': " + e, e);
            }
            boolean isOld =
                old[0] == null
                    ? read.isEmpty()
                    : read.isPresent() && Arrays.equals(old[0], read.get());
            boolean isNew = read.isPresent() && Arrays.equals(next[0], read.get());
            assertTrue(isOld || isNew, "seed " + seed + " after '" + op + "': neither old nor new");
            checked[0]++;
          }
        });
    for (int v = 0; v < 5; v++) {
      byte[] content = new byte[random.nextInt(2000)];
      random.nextBytes(content);
      next[0] = content;
      state.write("epoch", content);
      versions.add(content);
      old[0] = content;
      SimulatedStorage after = disk.crash(random, true);
      assertTrue(
          Arrays.equals(content, new AtomicStateFile(after).read("epoch").orElseThrow()),
          "seed " + seed + ": a returned write must survive any crash");
    }
    assertEquals(5, versions.size());
    assertTrue(checked[0] >= 5 * 2 * 5, "seed " + seed + ": too few crash points: " + checked[0]);
  }
}
