package io.paddock.store.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.io.CorruptFileException;
import io.paddock.store.io.NioStorageDirectory;
import io.paddock.store.io.SimulatedStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot container: round trip, damage detected, never a partial snapshot after a crash. */
class SnapshotFilesTest {
  private static final long ZXID = 0x100000005L;

  @TempDir Path tmp;
  private final Random random = new Random(3);

  private byte[] body(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  /** Writes a body through all three write methods, in pieces that straddle the buffer. */
  private static void writeBody(SnapshotOutput out, byte[] body) throws IOException {
    int third = body.length / 3;
    for (int i = 0; i < third; i++) {
      out.write(body[i]);
    }
    out.write(body, third, third);
    out.write(ByteBuffer.wrap(body, 2 * third, body.length - 2 * third));
  }

  private Path snapshotPath(long zxid) {
    return tmp.resolve(SnapshotFiles.fileName(zxid));
  }

  private SnapshotFiles committed(long zxid, byte[] body) throws IOException {
    SnapshotFiles files = new SnapshotFiles(new NioStorageDirectory(tmp));
    try (SnapshotOutput out = files.begin(zxid)) {
      writeBody(out, body);
      assertEquals(body.length, out.bodyBytes());
      out.commit();
    }
    return files;
  }

  @Test
  void roundTrip() throws IOException {
    byte[] body = body(300_000);
    SnapshotFiles files = committed(ZXID, body);
    assertEquals(List.of(ZXID), files.listNewestFirst());
    assertEquals(16 + body.length + 16, Files.size(snapshotPath(ZXID)));
    try (SnapshotInput in = files.open(ZXID)) {
      assertEquals(ZXID, in.zxid());
      assertEquals(body.length, in.bodyBytes());
      assertArrayEquals(body, in.readAllBytes());
      in.verifyEnd();
    }
    assertTrue(files.isValid(ZXID));
    assertFalse(files.isValid(ZXID + 1), "missing");
    assertThrows(NoSuchFileException.class, () -> files.open(ZXID + 1));
  }

  @Test
  void checksumMismatchIsDetectedAtTheEndOfTheBody() throws IOException {
    SnapshotFiles files = committed(ZXID, body(100_000));
    Path file = snapshotPath(ZXID);
    byte[] raw = Files.readAllBytes(file);
    raw[16 + 77_777] ^= 0x10;
    Files.write(file, raw);
    try (SnapshotInput in = files.open(ZXID)) {
      CorruptFileException e = assertThrows(CorruptFileException.class, in::readAllBytes);
      assertEquals(file.toString(), e.file());
      assertEquals(16 + 100_000 + 8, e.offset(), "the stored checksum");
      assertTrue(e.getMessage().contains(file + " at offset " + e.offset()), e.getMessage());
    }
    assertFalse(files.isValid(ZXID));
  }

  @Test
  void truncatedFileIsDetectedAtOpen() throws IOException {
    SnapshotFiles files = committed(ZXID, body(5_000));
    Path file = snapshotPath(ZXID);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 5);
    }
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> files.open(ZXID));
    assertEquals(Files.size(file) - 4, e.offset());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertFalse(files.isValid(ZXID));
    Files.write(file, new byte[20]);
    assertThrows(CorruptFileException.class, () -> files.open(ZXID));
  }

  @Test
  void wrongZxidAndUnreadBodyAreDamage() throws IOException {
    SnapshotFiles files = committed(ZXID, body(1_000));
    try (SnapshotInput in = files.open(ZXID)) {
      in.readNBytes(999);
      CorruptFileException e = assertThrows(CorruptFileException.class, in::verifyEnd);
      assertEquals(16 + 999, e.offset(), "a decoder that stops early read the wrong format");
      in.read();
      in.verifyEnd();
    }
    Files.move(snapshotPath(ZXID), snapshotPath(ZXID + 1));
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> files.open(ZXID + 1));
    assertEquals(8, e.offset());
  }

  @Test
  void listsNewestFirstIgnoringOtherFilesAndDeletesLeftoverTemporaries() throws IOException {
    for (long zxid : new long[] {5, 0x100000000L, 3, 0}) {
      committed(zxid, body(10));
    }
    Files.write(tmp.resolve("snapshot.9.tmp"), new byte[7]);
    Files.write(tmp.resolve("snapshot.0a"), new byte[7]);
    Files.write(tmp.resolve("log.1"), new byte[7]);
    SnapshotFiles files = new SnapshotFiles(new NioStorageDirectory(tmp));
    assertFalse(Files.exists(tmp.resolve("snapshot.9.tmp")));
    assertEquals(List.of(0x100000000L, 5L, 3L, 0L), files.listNewestFirst());
    files.purge(2);
    assertEquals(List.of(0x100000000L, 5L), files.listNewestFirst());
    assertThrows(IllegalArgumentException.class, () -> files.purge(0));
    files.purge(1);
    assertEquals(List.of(0x100000000L), files.listNewestFirst());
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws IOException {
    SnapshotFiles files = new SnapshotFiles(new NioStorageDirectory(tmp));
    try (SnapshotOutput out = files.begin(ZXID)) {
      out.write(body(100_000));
      assertTrue(Files.exists(tmp.resolve(SnapshotFiles.fileName(ZXID) + ".tmp")));
    }
    try (var list = Files.list(tmp)) {
      assertEquals(0, list.count());
    }
    SnapshotOutput out = files.begin(ZXID);
    out.abort();
    assertThrows(IOException.class, () -> out.write(1), "aborted output refuses writes");
    assertThrows(IOException.class, out::commit);
  }

  @Test
  void diskFullDuringWriteFailsTheSnapshotAndCloseCleansUp() throws IOException {
    SimulatedStorage disk = new SimulatedStorage();
    SnapshotFiles files = new SnapshotFiles(disk);
    try (SnapshotOutput out = files.begin(ZXID)) {
      disk.setDiskFull(true);
      assertThrows(IOException.class, () -> out.write(body(200_000)));
      disk.setDiskFull(false);
      assertThrows(IOException.class, out::commit, "a failed snapshot cannot be committed");
    }
    assertEquals(List.of(), disk.list());
  }

  @Test
  void crashBeforeCommitLeavesNoVisibleSnapshot() throws IOException {
    for (boolean torn : new boolean[] {false, true}) {
      SimulatedStorage disk = new SimulatedStorage();
      SnapshotFiles files = new SnapshotFiles(disk);
      SnapshotOutput out = files.begin(ZXID);
      out.write(body(200_000));
      SimulatedStorage crashed = disk.crash(new Random(1), torn);
      assertEquals(List.of(), new SnapshotFiles(crashed).listNewestFirst());
      assertEquals(List.of(), crashed.list(), "leftovers deleted");
    }
  }

  /**
   * After every storage operation of writing and committing a snapshot, a crashed copy holds the
   * old snapshot, valid, and either no new snapshot or a valid one; once commit returned, the new
   * one survives every crash.
   */
  @Test
  void crashAtEveryOperationLeavesOnlyWholeSnapshots() throws IOException {
    for (long seed = 1; seed <= 10; seed++) {
      Random crashes = new Random(seed);
      SimulatedStorage disk = new SimulatedStorage("seed" + seed);
      SnapshotFiles files = new SnapshotFiles(disk);
      try (SnapshotOutput out = files.begin(1)) {
        out.write(body(1_000));
        out.commit();
      }
      long s = seed;
      int[] crashPoints = {0};
      disk.setOperationListener(
          op -> {
            crashPoints[0]++;
            for (boolean torn : new boolean[] {false, true}) {
              String where = "seed " + s + " after " + op + ", torn=" + torn;
              try {
                SnapshotFiles after = new SnapshotFiles(disk.crash(crashes, torn));
                List<Long> zxids = after.listNewestFirst();
                assertTrue(zxids.equals(List.of(1L)) || zxids.equals(List.of(ZXID, 1L)), where);
                for (long zxid : zxids) {
                  assertTrue(after.isValid(zxid), where + ": invalid snapshot " + zxid);
                }
              } catch (IOException e) {
                throw new AssertionError(where + ": " + e, e);
              }
            }
          });
      try (SnapshotOutput out = files.begin(ZXID)) {
        out.write(body(150_000 + random.nextInt(100_000)));
        out.commit();
      }
      disk.setOperationListener(op -> {});
      assertTrue(crashPoints[0] >= 5, "seed " + seed + ": " + crashPoints[0] + " crash points");
      SnapshotFiles after = new SnapshotFiles(disk.crash(crashes, true));
      assertEquals(List.of(ZXID, 1L), after.listNewestFirst(), "seed " + seed);
      assertTrue(after.isValid(ZXID), "seed " + seed);
    }
  }
}
