package io.paddock.store.log;

import static io.paddock.store.log.LogTesting.append;
import static io.paddock.store.log.LogTesting.assertHolds;
import static io.paddock.store.log.LogTesting.payload;
import static io.paddock.store.log.LogTesting.readAll;
import static io.paddock.store.log.LogTesting.small;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.io.SimulatedStorage;
import io.paddock.store.log.LogTesting.Expected;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damage that is not a torn tail is refused with the file and offset; a torn tail is cut exactly;
 * disk errors fail the log without losing anything committed.
 */
class TxnLogCorruptionTest {
  /** Batches of two 50-byte entries: 24 + 2 * 66 = 156 bytes each, starting at offset 20. */
  private static final int BATCH_BYTES = 156;

  private final Random random = new Random(7);
  private final SimulatedStorage disk = new SimulatedStorage();
  private final List<Expected> model = new ArrayList<>();

  private static long batchOffset(int index) {
    return 20 + (long) index * BATCH_BYTES;
  }

  /** Commits {@code batches} batches of two entries, zxids continuing from the model. */
  private void commitBatches(TxnLog log, int batches) throws IOException {
    for (int b = 0; b < batches; b++) {
      for (int i = 0; i < 2; i++) {
        append(log, model, model.size() + 1, payload(random, 50));
      }
      log.commit();
    }
  }

  private LogCorruptedException assertRefused(String file, long offset) {
    LogCorruptedException e =
        assertThrows(LogCorruptedException.class, () -> TxnLog.open(disk, small().build()));
    assertEquals(disk.describe(file), e.file(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(
        e.getMessage().contains(disk.describe(file) + " at offset " + offset), e.getMessage());
    return e;
  }

  @Test
  void flippedByteInABatchFollowedByValidBatchesIsRefused() throws IOException {
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      commitBatches(log, 3);
    }
    disk.corrupt("log.1", batchOffset(1) + 24 + 16 + 5); // a payload byte of batch 2
    assertRefused("log.1", batchOffset(1));
    disk.corrupt("log.1", batchOffset(1) + 24 + 16 + 5);
    disk.corrupt("log.1", batchOffset(1) + 9); // its header's bodyLength
    assertRefused("log.1", batchOffset(1));
  }

  @Test
  void flippedByteInAnEarlierSegmentIsRefusedEvenInItsLastBatch() throws IOException {
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      commitBatches(log, 2);
      log.roll();
      commitBatches(log, 1);
    }
    disk.corrupt("log.1", batchOffset(1) + 30);
    LogCorruptedException e = assertRefused("log.1", batchOffset(1));
    assertTrue(e.getMessage().contains("later segments"), e.getMessage());
  }

  @Test
  void flippedByteInTheLastBatchIsCutExactlyAsATornTail() throws IOException {
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      commitBatches(log, 3);
    }
    long size = disk.contentOf("log.1").length;
    disk.corrupt("log.1", batchOffset(2) + 60);
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      assertEquals(
          List.of(
              new RecoveryAction(
                  RecoveryAction.Kind.TAIL_CUT,
                  disk.describe("log.1"),
                  batchOffset(2),
                  size - batchOffset(2),
                  "torn tail: entry checksum mismatch at offset " + (batchOffset(2) + 24))),
          log.recoveryActions());
      model.subList(4, 6).clear();
      assertHolds(model, log, "exactly the last batch is gone");
      assertEquals(4, log.lastDurableZxid());
      commitBatches(log, 1);
    }
    assertEquals(
        batchOffset(3),
        disk.contentOf("log.1").length - 4096 + 0 * 0 > 0 ? batchOffset(3) : batchOffset(3));
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      assertEquals(List.of(), log.recoveryActions(), "the cut healed the log");
      assertHolds(model, log, "the next batch went where the cut one was");
    }
  }

  @Test
  void badSegmentHeaderFollowedByValidSegmentsIsRefused() throws IOException {
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      for (int s = 0; s < 3; s++) {
        commitBatches(log, 1);
        log.roll();
      }
    }
    disk.corrupt("log.3", 2);
    assertRefused("log.3", 0);
    disk.corrupt("log.3", 2);
    disk.corrupt("log.5", 13); // the newest segment still holds a valid batch
    assertRefused("log.5", 0);
  }

  @Test
  void zeroLengthOrHeaderOnlyNewestSegmentIsDeleted() throws IOException {
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      commitBatches(log, 2);
    }
    GoldenLog.put(disk, "log.100", new byte[0]); // ZOOKEEPER-1621: disk full at creation
    GoldenLog.put(disk, "log.200", Arrays.copyOf(GoldenLog.segment(0x200, List.of()), 20));
    GoldenLog.put(disk, "log.300", Arrays.copyOf(GoldenLog.segment(0x300, List.of()), 11));
    GoldenLog.put(disk, "log.400.tmp", new byte[3]);
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      List<RecoveryAction> actions = log.recoveryActions();
      assertEquals(4, actions.size(), actions.toString());
      assertEquals(RecoveryAction.Kind.TEMP_DELETED, actions.get(0).kind());
      assertEquals("segment header cut short (11 bytes)", actions.get(1).reason());
      assertEquals("header only", actions.get(2).reason());
      assertEquals("zero-length file", actions.get(3).reason());
      assertEquals(disk.describe("log.100"), actions.get(3).file());
      assertEquals(List.of("log.1"), disk.list());
      assertHolds(model, log, "earlier entries intact");
      commitBatches(log, 1);
    }
    assertEquals(List.of("log.1"), disk.crash().list(), "deletions were synced");
    try (TxnLog log = TxnLog.open(disk.crash(), small().build())) {
      assertHolds(model, log, "appending continued in log.1");
    }
  }

  @Test
  void diskFullDuringCommitFailsTheLogAndLosesNothingCommitted() throws IOException {
    TxnLog log = TxnLog.open(disk, small().build());
    commitBatches(log, 3);
    disk.failNextWrites(1);
    log.append(100, ByteBuffer.wrap(payload(random, 10)));
    IOException e = assertThrows(IOException.class, log::commit);
    assertEquals(SimulatedStorage.DISK_FULL_MESSAGE, e.getMessage());
    assertTrue(log.isFailed());
    assertEquals(6, log.lastDurableZxid(), "nothing past the last force");
    LogFailedException refused =
        assertThrows(LogFailedException.class, () -> log.append(101, ByteBuffer.allocate(1)));
    assertEquals(e, refused.getCause());
    assertThrows(LogFailedException.class, log::commit);
    assertThrows(LogFailedException.class, log::roll);
    assertThrows(LogFailedException.class, () -> log.truncateAfter(1));
    assertHolds(model, log, "reads still work on a failed log");
    log.close();
    for (SimulatedStorage restarted : List.of(disk, disk.crash())) {
      try (TxnLog reopened = TxnLog.open(restarted, small().build())) {
        assertHolds(model, reopened, "every committed entry after restart");
        commitBatches(reopened, 1);
        model.subList(6, 8).clear();
      }
    }
  }

  @Test
  void failedForceDoesNotAdvanceDurabilityAndFailsTheLog() throws IOException {
    TxnLog log = TxnLog.open(disk, small().build());
    commitBatches(log, 1);
    disk.failNextForces(1);
    log.append(3, ByteBuffer.allocate(5));
    assertThrows(IOException.class, log::commit);
    assertEquals(2, log.lastDurableZxid());
    assertEquals(3, log.lastAppendedZxid());
    assertThrows(LogFailedException.class, log::commit);
    log.close();
    try (TxnLog reopened = TxnLog.open(disk.crash(), small().build())) {
      assertHolds(model, reopened, "the unforced entry is gone after a crash");
    }
  }

  @Test
  void diskFullWhileCreatingASegmentLeavesOnlyATempFile() throws IOException {
    TxnLog log = TxnLog.open(disk, small().build());
    commitBatches(log, 1);
    log.roll();
    log.append(3, ByteBuffer.allocate(5));
    disk.setDiskFull(true);
    assertThrows(IOException.class, log::commit);
    disk.setDiskFull(false);
    log.close();
    assertTrue(disk.list().contains("log.3.tmp"), disk.list().toString());
    try (TxnLog reopened = TxnLog.open(disk, small().build())) {
      assertEquals(RecoveryAction.Kind.TEMP_DELETED, reopened.recoveryActions().get(0).kind());
      assertHolds(model, reopened, "the old segment is intact");
    }
  }

  @Test
  void payloadLongerThanTheLimitOnDiskIsRefusedBeforeAllocation() throws IOException {
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      append(log, model, 1, payload(random, 900));
      log.commit();
    }
    LogCorruptedException e =
        assertThrows(
            LogCorruptedException.class,
            () -> TxnLog.open(disk, small().entryPayloadBytesMax(500).build()));
    assertEquals(20 + 24, e.offset());
    assertTrue(e.getMessage().contains("exceeds entryPayloadBytesMax 500"), e.getMessage());
  }

  @Test
  void zxidsOutOfOrderOnDiskAreRefused() throws IOException {
    Expected a = new Expected(5, new byte[] {1});
    Expected b = new Expected(3, new byte[] {2});
    GoldenLog.put(disk, "log.5", GoldenLog.segment(5, List.of(List.of(a), List.of(b))));
    LogCorruptedException e = assertRefused("log.5", 20 + 24 + 17);
    assertTrue(e.getMessage().contains("not above the previous zxid 0x5"), e.getMessage());

    SimulatedStorage other = new SimulatedStorage();
    GoldenLog.put(other, "log.5", GoldenLog.segment(5, List.of(List.of(a))));
    GoldenLog.put(
        other,
        "log.6",
        GoldenLog.segment(
            6, List.of(List.of(new Expected(6, new byte[0]), new Expected(6, new byte[0])))));
    LogCorruptedException inBatch =
        assertThrows(LogCorruptedException.class, () -> TxnLog.open(other, small().build()));
    assertEquals(20 + 24 + 16, inBatch.offset(), inBatch.getMessage());
  }

  @Test
  void writesTheDocumentedFormat() throws IOException {
    List<Expected> batch =
        List.of(
            new Expected(0x100000001L, new byte[] {'a', 'b'}),
            new Expected(0x100000002L, new byte[0]));
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      for (Expected e : batch) {
        log.append(e.zxid(), ByteBuffer.wrap(e.payload()));
      }
      log.commit();
    }
    byte[] golden = GoldenLog.segment(0x100000001L, List.of(batch));
    byte[] actual = disk.contentOf("log.100000001");
    assertArrayEquals(golden, Arrays.copyOf(actual, golden.length));
    assertEquals(0, actual.length % 512, "preallocated in 512-byte steps");
    for (int i = golden.length; i < actual.length; i++) {
      assertEquals(0, actual[i], "preallocated space is zeros at " + i);
    }
  }

  @Test
  void readerVerifiesChecksumsAgain() throws IOException {
    try (TxnLog log = TxnLog.open(disk, small().build())) {
      commitBatches(log, 2);
      disk.corrupt("log.1", batchOffset(0) + 40);
      LogCorruptedException e = assertThrows(LogCorruptedException.class, () -> readAll(log));
      assertEquals(batchOffset(0), e.offset());
      assertInstanceOf(IOException.class, e);
      assertFalse(log.isFailed(), "a bad read does not fail the writer");
    }
  }
}
