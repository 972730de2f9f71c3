package io.paddock.store.log;

import static io.paddock.store.log.LogTesting.append;
import static io.paddock.store.log.LogTesting.assertHolds;
import static io.paddock.store.log.LogTesting.payload;
import static io.paddock.store.log.LogTesting.readAll;
import static io.paddock.store.log.LogTesting.readFrom;
import static io.paddock.store.log.LogTesting.small;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.io.NioStorageDirectory;
import io.paddock.store.io.SimulatedStorage;
import io.paddock.store.log.LogTesting.Expected;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The txn log on a real filesystem: what is committed can be read back, rolled, cut, purged. */
class TxnLogTest {
  @TempDir Path tmp;
  private final Random random = new Random(42);

  private NioStorageDirectory dir() throws IOException {
    return new NioStorageDirectory(tmp);
  }

  /** Segment file names, oldest first. */
  private List<String> segmentFiles() throws IOException {
    try (var files = Files.list(tmp)) {
      return files
          .map(p -> p.getFileName().toString())
          .sorted(Comparator.comparingLong(n -> Long.parseLong(n.substring(4), 16)))
          .collect(Collectors.toList());
    }
  }

  @Test
  void committedEntriesSurviveReopenAndReadFromStartsAtTheZxid() throws IOException {
    List<Expected> model = new ArrayList<>();
    try (TxnLog log = TxnLog.open(dir(), LogOptions.defaults())) {
      assertEquals(TxnLog.NO_ZXID, log.lastDurableZxid());
      for (int commit = 0; commit < 10; commit++) {
        for (int i = 0; i < 10; i++) {
          long zxid = (1L << 32) + 2 * model.size() + 1;
          append(log, model, zxid, payload(random, random.nextInt(300)));
        }
        assertEquals(model.get(model.size() - 1).zxid(), log.lastAppendedZxid());
        log.commit();
        assertEquals(log.lastAppendedZxid(), log.lastDurableZxid());
      }
      append(log, new ArrayList<>(), (1L << 32) + 1000, new byte[0]);
    }
    try (TxnLog log = TxnLog.open(dir(), LogOptions.defaults())) {
      assertTrue(log.recoveryActions().isEmpty(), log.recoveryActions().toString());
      assertHolds(model, log, "all committed entries, none of the uncommitted one");
      assertEquals(model.get(model.size() - 1).zxid(), log.lastDurableZxid());
      assertEquals(model.get(0).zxid(), log.firstZxid());
      assertEquals(model.subList(37, 100), readFrom(log, model.get(37).zxid()));
      assertEquals(model.subList(38, 100), readFrom(log, model.get(37).zxid() + 1), "gap zxid");
      assertEquals(List.of("log.100000001"), segmentFiles());
    }
  }

  @Test
  void groupCommitIsOneWriteAndOneForce() throws IOException {
    SimulatedStorage disk = new SimulatedStorage();
    try (TxnLog log = TxnLog.open(disk, LogOptions.defaults())) {
      log.append(1, ByteBuffer.wrap(new byte[10]));
      log.commit();
      int forces = disk.forceCount();
      int writes = disk.writeCount();
      for (int i = 2; i < 100; i++) {
        log.append(i, ByteBuffer.wrap(payload(random, 100)));
      }
      log.commit();
      assertEquals(forces + 1, disk.forceCount(), "98 appends, one fsync");
      assertEquals(writes + 1, disk.writeCount(), "one positional write");
      log.commit();
      assertEquals(forces + 1, disk.forceCount(), "an empty commit does no I/O");
    }
  }

  @Test
  void commitLargerThanBatchBytesMaxIsSplitAndReadsBack() throws IOException {
    SimulatedStorage disk = new SimulatedStorage();
    List<Expected> model = new ArrayList<>();
    LogOptions options = small().segmentBytesMax(1 << 20).build();
    try (TxnLog log = TxnLog.open(disk, options)) {
      append(log, model, 1, payload(random, 200));
      log.commit();
      for (int i = 2; i <= 21; i++) {
        append(log, model, i, payload(random, 200));
      }
      int forces = disk.forceCount();
      log.commit();
      // 700-byte batches hold 3 entries of 216 bytes: 7 batches, each forced before the next.
      assertEquals(forces + 7, disk.forceCount());
    }
    try (TxnLog log = TxnLog.open(disk, options)) {
      assertHolds(model, log, "split commit");
    }
  }

  @Test
  void rollStartsANewSegmentAtTheNextEntryAndOldSegmentsAreSealed() throws IOException {
    List<Expected> model = new ArrayList<>();
    try (TxnLog log = TxnLog.open(dir(), LogOptions.builder().preAllocBytes(8192).build())) {
      append(log, model, 1, payload(random, 10));
      log.commit();
      log.roll();
      log.roll();
      append(log, model, 0x200000001L, payload(random, 10));
      append(log, model, 0x200000002L, payload(random, 10));
      log.commit();
      log.roll();
      assertEquals(List.of("log.1", "log.200000001"), segmentFiles(), "roll is lazy");
      assertEquals(20 + 24 + 26, Files.size(tmp.resolve("log.1")), "sealed to its data");
    }
    try (TxnLog log = TxnLog.open(dir(), LogOptions.defaults())) {
      assertHolds(model, log, "across segments");
    }
  }

  @Test
  void segmentsRollAutomaticallyAtSegmentBytesMax() throws IOException {
    List<Expected> model = new ArrayList<>();
    LogOptions options = small().build();
    try (TxnLog log = TxnLog.open(dir(), options)) {
      for (int i = 1; i <= 60; i++) {
        append(log, model, i, payload(random, 100));
        log.commit();
      }
    }
    List<String> files = segmentFiles();
    assertTrue(files.size() >= 3, files.toString());
    for (String name : files.subList(0, files.size() - 1)) {
      long size = Files.size(tmp.resolve(name));
      assertTrue(size <= options.segmentBytesMax(), name + " has " + size + " bytes");
    }
    try (TxnLog log = TxnLog.open(dir(), options)) {
      assertHolds(model, log, "many segments");
    }
  }

  @Test
  void fileGrowsInPreAllocBytesSteps() throws IOException {
    long step = 8192;
    try (TxnLog log = TxnLog.open(dir(), LogOptions.builder().preAllocBytes(step).build())) {
      log.append(1, ByteBuffer.wrap(new byte[1]));
      log.commit();
      Path file = tmp.resolve("log.1");
      assertEquals(step, Files.size(file), "created preallocated");
      long previous = step;
      int growths = 0;
      for (int i = 2; i < 200; i++) {
        log.append(i, ByteBuffer.wrap(payload(random, 500)));
        log.commit();
        long size = Files.size(file);
        assertEquals(0, size % step, "size " + size + " is not a multiple of " + step);
        assertTrue(
            size - previous <= step, "grew by more than one step: " + previous + " -> " + size);
        growths += size > previous ? 1 : 0;
        previous = size;
      }
      assertTrue(growths >= 10, "expected repeated growth, got " + growths);
    }
    try (TxnLog log = TxnLog.open(dir(), LogOptions.defaults())) {
      assertEquals(199, readAll(log).size(), "zeros after the last batch end the log");
    }
  }

  @Test
  void truncateAfterCutsInsideABatchAcrossSegmentsAndAppendingContinues() throws IOException {
    List<Expected> model = new ArrayList<>();
    LogOptions options = small().build();
    try (TxnLog log = TxnLog.open(dir(), options)) {
      for (int i = 1; i <= 60; i++) {
        append(log, model, i, payload(random, 60));
        if (i % 4 == 0) {
          log.commit();
        }
      }
      int segmentsBefore = segmentFiles().size();
      log.truncateAfter(30); // batches hold 4 entries: 30 sits inside the batch 29..32
      model.subList(30, model.size()).clear();
      assertEquals(30, log.lastDurableZxid());
      assertEquals(30, log.lastAppendedZxid());
      assertHolds(model, log, "after truncation inside a batch");
      assertTrue(segmentFiles().size() < segmentsBefore, "later segments deleted");
      log.truncateAfter(28); // a batch boundary
      model.subList(28, model.size()).clear();
      assertHolds(model, log, "after truncation at a batch boundary");
      append(log, model, 29, payload(random, 7)); // ZAB may send the same zxid again
      append(log, model, 31, payload(random, 7));
      log.commit();
      log.truncateAfter(1000);
    }
    try (TxnLog log = TxnLog.open(dir(), options)) {
      assertTrue(log.recoveryActions().isEmpty(), log.recoveryActions().toString());
      assertHolds(model, log, "after reopen");
      log.truncateAfter(0);
      assertEquals(List.of(), readAll(log));
      assertEquals(List.of(), segmentFiles());
    }
  }

  @Test
  void purgeBeforeKeepsTheSegmentHoldingTheZxidAndTheNewest() throws IOException {
    List<Expected> model = new ArrayList<>();
    try (TxnLog log = TxnLog.open(dir(), small().build())) {
      for (int i = 1; i <= 9; i++) {
        append(log, model, i, payload(random, 10));
        log.commit();
        if (i % 3 == 0) {
          log.roll();
        }
      }
      assertEquals(List.of("log.1", "log.4", "log.7"), segmentFiles());
      log.purgeBefore(3);
      assertEquals(List.of("log.1", "log.4", "log.7"), segmentFiles(), "log.1 holds 3");
      log.purgeBefore(5);
      assertEquals(List.of("log.4", "log.7"), segmentFiles());
      assertEquals(4, log.firstZxid());
      log.purgeBefore(100);
      assertEquals(List.of("log.7"), segmentFiles(), "the newest segment always stays");
      assertHolds(model.subList(6, 9), log, "after purge");
    }
  }

  @Test
  void invalidAppendsAreRejected() throws IOException {
    try (TxnLog log = TxnLog.open(dir(), small().build())) {
      assertThrows(IllegalArgumentException.class, () -> log.append(0, ByteBuffer.allocate(1)));
      log.append(5, ByteBuffer.allocate(1));
      assertThrows(IllegalArgumentException.class, () -> log.append(5, ByteBuffer.allocate(1)));
      assertThrows(IllegalArgumentException.class, () -> log.append(4, ByteBuffer.allocate(1)));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> log.append(6, ByteBuffer.allocate(1501)));
      assertTrue(e.getMessage().contains("entryPayloadBytesMax"), e.getMessage());
      log.append(6, ByteBuffer.allocate(1500));
      assertThrows(IllegalStateException.class, () -> log.truncateAfter(5), "pending entries");
      log.commit();
      try (LogReader reader = log.readFrom(1)) {
        assertThrows(IllegalStateException.class, () -> log.truncateAfter(5), "open reader");
        assertThrows(IllegalStateException.class, () -> log.purgeBefore(5), "open reader");
        assertTrue(reader.hasNext());
      }
      log.truncateAfter(5);
      assertEquals(5, log.lastDurableZxid());
    }
  }

  @Test
  void withoutForceSyncNothingIsForcedButEverythingIsWritten() throws IOException {
    SimulatedStorage disk = new SimulatedStorage();
    try (TxnLog log = TxnLog.open(disk, small().forceSync(false).build())) {
      log.append(1, ByteBuffer.allocate(10));
      log.commit();
      int forces = disk.forceCount();
      for (int i = 2; i < 20; i++) {
        log.append(i, ByteBuffer.allocate(10));
        log.commit();
      }
      assertEquals(forces, disk.forceCount());
      assertEquals(19, log.lastDurableZxid());
      assertEquals(19, readAll(log).size());
    }
    assertFalse(disk.list().isEmpty());
  }
}
