package io.paddock.store.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.io.NioStorageDirectory;
import io.paddock.store.io.SimulatedStorage;
import io.paddock.store.io.StorageDirectory;
import io.paddock.store.log.LogOptions;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.snapshot.SnapshotFiles;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.DataTree;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable database: group commit, recovery, sliced snapshots and the refusals that protect
 * data.
 */
class ZnodeDatabaseTest {
  private static final LogOptions SMALL_LOG =
      LogOptions.builder().preAllocBytes(4096).segmentBytesMax(2048).build();

  private static DatabaseOptions options(int snapCount) {
    return new DatabaseOptions(SMALL_LOG, snapCount, 7, 42);
  }

  /** Logs, commits and applies a batch, as the server's group commit does. */
  private static List<ApplyResult> writeBatch(
      ZnodeDatabase db, List<TxnHeader> headers, List<Txn> txns) throws IOException {
    for (int i = 0; i < headers.size(); i++) {
      db.log(headers.get(i), txns.get(i));
    }
    db.commit();
    List<ApplyResult> results = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      results.add(db.apply(headers.get(i), txns.get(i)));
    }
    return results;
  }

  private static ApplyResult write(ZnodeDatabase db, TxnHeader header, Txn txn) throws IOException {
    return writeBatch(db, List.of(header), List.of(txn)).get(0);
  }

  private static TxnHeader header(long zxid, int type) {
    return new TxnHeader(0x77L, (int) zxid, zxid, 1_000 + zxid, type);
  }

  private static Txn create(String path, String data) {
    return new Txn.Create(
        path, data.getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0);
  }

  @Test
  void freshDirectoriesGetAnEmptyTreeAndSnapshotZero(@TempDir Path dir) throws IOException {
    StorageDirectory snaps = new NioStorageDirectory(dir.resolve("data"));
    StorageDirectory logs = new NioStorageDirectory(dir.resolve("log"));
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(100))) {
      assertTrue(db.recoveryReport().fresh());
      assertEquals(4, db.tree().nodeCount());
    }
    assertEquals(List.of(0L), new SnapshotFiles(snaps).listNewestFirst());
  }

  @Test
  void committedWritesSurviveReopen(@TempDir Path dir) throws IOException {
    StorageDirectory snaps = new NioStorageDirectory(dir.resolve("data"));
    StorageDirectory logs = new NioStorageDirectory(dir.resolve("log"));
    long digest;
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(100_000))) {
      List<TxnHeader> headers = new ArrayList<>();
      List<Txn> txns = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        headers.add(header(i, OpCode.CREATE));
        txns.add(create("/n" + i, "v" + i));
      }
      writeBatch(db, headers, txns);
      assertEquals(
          ErrorCode.NODEEXISTS, write(db, header(51, OpCode.CREATE), create("/n1", "x")).err());
      digest = db.tree().digest();
    }
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(100_000))) {
      assertEquals(51, db.recoveryReport().txnsReplayed());
      assertEquals(51, db.tree().lastProcessedZxid());
      assertEquals(digest, db.tree().digest());
      assertArrayEquals("v7".getBytes(StandardCharsets.UTF_8), db.tree().getData("/n7").data());
    }
  }

  @Test
  void applyingBeforeTheFsyncIsRefused() throws IOException {
    try (ZnodeDatabase db =
        ZnodeDatabase.open(new SimulatedStorage(), new SimulatedStorage(), options(100))) {
      db.log(header(1, OpCode.CREATE), create("/a", ""));
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> db.apply(header(1, OpCode.CREATE), create("/a", "")));
      assertTrue(e.getMessage().contains("before it is durable"), e.getMessage());
    }
  }

  @Test
  void snapshotWrittenInSlicesWhileWritesGoOnIsExactAtItsZxid() throws IOException {
    SimulatedStorage snaps = new SimulatedStorage("data");
    SimulatedStorage logs = new SimulatedStorage("log");
    long zxid = 0;
    long digestAtSnapshot;
    long finalDigest;
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(1_000_000))) {
      for (int i = 0; i < 40; i++) {
        zxid++;
        write(db, header(zxid, OpCode.CREATE), create("/s" + i, "before"));
      }
      SnapshotTask task = db.beginSnapshot();
      digestAtSnapshot = db.tree().digest();
      int i = 0;
      while (!task.step()) {
        // writes between slices: change, delete and create nodes the cursor has not reached yet
        zxid++;
        write(
            db,
            header(zxid, OpCode.SET_DATA),
            new Txn.SetData("/s" + (39 - i), new byte[] {1}, -1));
        zxid++;
        write(db, header(zxid, OpCode.DELETE), new Txn.Delete("/s" + (38 - i), -1));
        zxid++;
        write(db, header(zxid, OpCode.CREATE), create("/late" + i, "after"));
        i += 2;
      }
      assertTrue(i > 0, "the snapshot should take several slices");
      assertEquals(List.of(task.zxid(), 0L), new SnapshotFiles(snaps).listNewestFirst());
      finalDigest = db.tree().digest();
    }
    // Recovery loads the exact snapshot and replays the writes made while it was written.
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(1_000_000))) {
      assertEquals(40, db.recoveryReport().snapshotZxid());
      assertEquals(zxid - 40, db.recoveryReport().txnsReplayed());
      assertEquals(finalDigest, db.tree().digest());
    }
    DataTree replica = new DataTree();
    for (int i = 0; i < 40; i++) {
      replica.apply(header(i + 1, OpCode.CREATE), create("/s" + i, "before"));
    }
    assertEquals(digestAtSnapshot, replica.digest());
  }

  @Test
  void logEntriesWithoutAnySnapshotAreRefused() throws IOException {
    SimulatedStorage snaps = new SimulatedStorage("data");
    SimulatedStorage logs = new SimulatedStorage("log");
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(100))) {
      write(db, header(1, OpCode.CREATE), create("/a", "x"));
    }
    snaps.delete(SnapshotFiles.fileName(0));
    DatabaseRefusedException e =
        assertThrows(
            DatabaseRefusedException.class, () -> ZnodeDatabase.open(snaps, logs, options(100)));
    assertTrue(e.getMessage().contains("No snapshot found"), e.getMessage());
    assertTrue(e.getMessage().contains("0x1"), e.getMessage());
  }

  @Test
  void damagedNewestSnapshotFallsBackToAnOlderOneAndALongerReplay() throws IOException {
    SimulatedStorage snaps = new SimulatedStorage("data");
    SimulatedStorage logs = new SimulatedStorage("log");
    long digest;
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(1_000_000))) {
      for (int i = 1; i <= 30; i++) {
        write(db, header(i, OpCode.CREATE), create("/f" + i, "x"));
      }
      db.beginSnapshot().finish();
      for (int i = 31; i <= 35; i++) {
        write(db, header(i, OpCode.CREATE), create("/f" + i, "x"));
      }
      digest = db.tree().digest();
    }
    snaps.corrupt(SnapshotFiles.fileName(30), 40);
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(1_000_000))) {
      RecoveryReport report = db.recoveryReport();
      assertEquals(List.of(30L), report.skippedSnapshots());
      assertEquals(0, report.snapshotZxid());
      assertEquals(35, report.txnsReplayed());
      assertEquals(digest, db.tree().digest());
    }
  }

  @Test
  void aMissingLogSegmentIsAGapAndRefused() throws IOException {
    SimulatedStorage snaps = new SimulatedStorage("data");
    SimulatedStorage logs = new SimulatedStorage("log");
    try (ZnodeDatabase db = ZnodeDatabase.open(snaps, logs, options(1_000_000))) {
      for (int i = 1; i <= 60; i++) {
        write(db, header(i, OpCode.CREATE), create("/g" + i, "x".repeat(100)));
      }
    }
    List<String> segments = new ArrayList<>();
    for (String name : logs.list()) {
      if (name.startsWith("log.")) {
        segments.add(name);
      }
    }
    segments.sort(
        (a, b) ->
            Long.compare(Long.parseLong(a.substring(4), 16), Long.parseLong(b.substring(4), 16)));
    assertTrue(segments.size() >= 3, "expected several segments, got " + segments);
    logs.delete(segments.get(1));
    logs.sync();
    DatabaseRefusedException e =
        assertThrows(
            DatabaseRefusedException.class,
            () -> ZnodeDatabase.open(snaps, logs, options(1_000_000)));
    assertTrue(e.getMessage().contains("Gap in the txn log"), e.getMessage());
  }

  @Test
  void snapshotDueFollowsSnapCount() throws IOException {
    try (ZnodeDatabase db =
        ZnodeDatabase.open(new SimulatedStorage(), new SimulatedStorage(), options(10))) {
      int applied = 0;
      while (!db.snapshotDue()) {
        applied++;
        write(db, header(applied, OpCode.CREATE), create("/d" + applied, ""));
        assertTrue(applied <= 10, "a snapshot must be due within snapCount txns");
      }
      assertTrue(applied >= 5, "not before snapCount/2 txns, was " + applied);
      SnapshotTask task = db.beginSnapshot();
      assertFalse(db.snapshotDue(), "not due while one is running");
      assertThrows(IllegalStateException.class, db::beginSnapshot);
      task.finish();
      assertNull(db.runningSnapshot());
      for (int i = 1; i <= 10 && !db.snapshotDue(); i++) {
        write(db, header(applied + i, OpCode.CREATE), create("/e" + i, ""));
      }
      assertTrue(db.snapshotDue(), "due again within snapCount txns after the last snapshot");
    }
  }
}
