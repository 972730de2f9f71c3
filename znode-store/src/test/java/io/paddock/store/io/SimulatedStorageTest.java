package io.paddock.store.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The crash tests are only as honest as this disk model; these tests pin its semantics. */
class SimulatedStorageTest {

  private static ByteBuffer bytes(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return ByteBuffer.wrap(b);
  }

  private static SimulatedStorage withSyncedFile(String name) throws IOException {
    SimulatedStorage disk = new SimulatedStorage();
    disk.create(name).close();
    disk.sync();
    return disk;
  }

  @Test
  void crashKeepsForcedDataAndDropsTheRest() throws IOException {
    SimulatedStorage disk = withSyncedFile("f");
    try (StorageFile f = disk.open("f")) {
      f.write(0, bytes(10, 1));
      f.force();
      f.write(10, bytes(10, 2));
    }
    SimulatedStorage after = disk.crash();
    assertArrayEquals(bytes(10, 1).array(), after.contentOf("f"));
    assertEquals(20, disk.contentOf("f").length, "the crashed copy must leave the original alone");
  }

  @Test
  void directoryOperationsNeedSync() throws IOException {
    SimulatedStorage disk = withSyncedFile("a");
    try (StorageFile f = disk.create("b")) {
      f.write(0, bytes(4, 7));
      f.force();
    }
    disk.rename("a", "c");
    assertEquals(List.of("b", "c"), disk.list());
    assertEquals(List.of("a"), disk.crash().list(), "unsynced create and rename are lost");
    disk.sync();
    SimulatedStorage after = disk.crash();
    assertEquals(List.of("b", "c"), after.list());
    assertArrayEquals(bytes(4, 7).array(), after.contentOf("b"));
  }

  @Test
  void handleSurvivesRenameAndDelete() throws IOException {
    SimulatedStorage disk = withSyncedFile("a");
    try (StorageFile f = disk.open("a")) {
      disk.rename("a", "b");
      f.write(0, bytes(3, 5));
      assertArrayEquals(bytes(3, 5).array(), disk.contentOf("b"));
      disk.delete("b");
      f.write(3, bytes(1, 6));
      assertEquals(4, f.size());
    }
    disk.create("c").close();
    assertThrows(FileAlreadyExistsException.class, () -> disk.create("c"));
  }

  @Test
  void tornCrashKeepsAPrefixOfPendingWritesWithTheLastOnePossiblyTorn() throws IOException {
    SimulatedStorage disk = withSyncedFile("f");
    try (StorageFile f = disk.open("f")) {
      f.write(0, bytes(100, 1));
      f.force();
      f.write(100, bytes(100, 2));
      f.write(200, bytes(2048, 3));
    }
    boolean sawNothing = false;
    boolean sawWhole = false;
    boolean sawPrefix = false;
    boolean sawHoles = false;
    for (int seed = 0; seed < 200; seed++) {
      byte[] c = disk.crash(new Random(seed), true).contentOf("f");
      assertTrue(c.length >= 100, "seed " + seed + ": forced data lost");
      for (int i = 0; i < c.length; i++) {
        int expected = i < 100 ? 1 : i < 200 ? 2 : 3;
        assertTrue(
            c[i] == expected || (c[i] == 0 && i >= 100),
            "seed " + seed + ": byte " + i + " is " + c[i] + ", neither written nor a lost sector");
      }
      boolean hole = false;
      for (int i = 200; i < c.length; i++) {
        hole |= c[i] == 0;
      }
      sawNothing |= c.length == 100;
      sawWhole |= c.length == 2248 && !hole;
      sawPrefix |= c.length > 200 && c.length < 2248;
      sawHoles |= hole;
    }
    assertTrue(sawNothing && sawWhole && sawPrefix && sawHoles, "every tear mode must occur");
  }

  @Test
  void tornCrashMayKeepAPrefixOfUnsyncedDirectoryOperations() throws IOException {
    SimulatedStorage disk = new SimulatedStorage();
    disk.create("a").close();
    disk.rename("a", "b");
    boolean sawNone = false;
    boolean sawCreate = false;
    boolean sawRename = false;
    for (int seed = 0; seed < 50; seed++) {
      List<String> names = disk.crash(new Random(seed), true).list();
      assertTrue(names.isEmpty() || names.equals(List.of("a")) || names.equals(List.of("b")));
      sawNone |= names.isEmpty();
      sawCreate |= names.equals(List.of("a"));
      sawRename |= names.equals(List.of("b"));
    }
    assertTrue(sawNone && sawCreate && sawRename);
  }

  @Test
  void truncationIsPendingUntilForced() throws IOException {
    SimulatedStorage disk = withSyncedFile("f");
    try (StorageFile f = disk.open("f")) {
      f.write(0, bytes(50, 1));
      f.force();
      f.truncate(10);
      assertEquals(50, disk.crash().contentOf("f").length);
      f.force();
      assertEquals(10, disk.crash().contentOf("f").length);
      f.write(20, bytes(1, 9));
      byte[] c = disk.contentOf("f");
      assertEquals(0, c[15], "the gap after a truncation reads as zeros");
    }
  }

  @Test
  void injectedFaultsFailWithoutWritingAndCountersCount() throws IOException {
    SimulatedStorage disk = withSyncedFile("f");
    try (StorageFile f = disk.open("f")) {
      disk.failNextWrites(2);
      for (int i = 0; i < 2; i++) {
        IOException e = assertThrows(IOException.class, () -> f.write(0, bytes(1, 1)));
        assertEquals(SimulatedStorage.DISK_FULL_MESSAGE, e.getMessage());
      }
      assertEquals(0, f.size());
      f.write(0, bytes(1, 1));
      disk.failNextForces(1);
      assertThrows(IOException.class, f::force);
      assertEquals(0, disk.crash().contentOf("f").length, "a failed force makes nothing durable");
      f.force();
      disk.setDiskFull(true);
      assertThrows(IOException.class, () -> f.write(1, bytes(1, 1)));
      disk.setDiskFull(false);
    }
    assertEquals(1, disk.forceCount());
    assertEquals(1, disk.writeCount());
    assertEquals(1, disk.syncCount());
  }

  @Test
  void corruptFlipsDurableByte() throws IOException {
    SimulatedStorage disk = withSyncedFile("f");
    try (StorageFile f = disk.open("f")) {
      f.write(0, bytes(8, 0x0F));
      f.force();
    }
    disk.corrupt("f", 3);
    assertEquals((byte) 0xF0, disk.contentOf("f")[3]);
    assertEquals((byte) 0xF0, disk.crash().contentOf("f")[3]);
    assertThrows(IllegalArgumentException.class, () -> disk.corrupt("f", 8));
    assertFalse(disk.exists("g"));
  }
}
