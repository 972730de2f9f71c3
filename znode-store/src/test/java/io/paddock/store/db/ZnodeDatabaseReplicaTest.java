package io.paddock.store.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.io.NioStorageDirectory;
import io.paddock.store.io.StorageDirectory;
import io.paddock.store.log.LogEntry;
import io.paddock.store.log.LogOptions;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Zxid;
import io.paddock.store.snapshot.SnapshotFiles;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a replica needs of its database: reading logged txns for a DIFF, truncating (TRUNC) with the
 * tree rewound, and installing a snapshot received from the leader — each surviving a reopen.
 */
class ZnodeDatabaseReplicaTest {
  private static final LogOptions SMALL_LOG =
      LogOptions.builder().preAllocBytes(4096).segmentBytesMax(2048).build();

  private static ZnodeDatabase open(Path dir) throws IOException {
    StorageDirectory snaps = new NioStorageDirectory(dir.resolve("data"));
    StorageDirectory logs = new NioStorageDirectory(dir.resolve("log"));
    return ZnodeDatabase.open(snaps, logs, new DatabaseOptions(SMALL_LOG, 1_000_000, 7, 42));
  }

  private static void create(ZnodeDatabase db, long zxid, String path) throws IOException {
    TxnHeader header = new TxnHeader(0x77L, 1, zxid, 1_000, OpCode.CREATE);
    Txn txn =
        new Txn.Create(
            path,
            path.getBytes(StandardCharsets.UTF_8),
            Acl.OPEN_ACL_UNSAFE,
            CreateMode.PERSISTENT,
            0);
    db.log(header, txn);
    db.commit();
    db.apply(header, txn);
  }

  @Test
  void entriesAfterReadsTheDurableTailAndSaysWhenItCannot(@TempDir Path dir) throws IOException {
    try (ZnodeDatabase db = open(dir)) {
      for (int i = 1; i <= 40; i++) {
        create(db, Zxid.make(1, i), "/n" + i);
      }
      List<LogEntry> after = db.entriesAfter(Zxid.make(1, 30), 100);
      assertNotNull(after);
      assertEquals(10, after.size());
      assertEquals(Zxid.make(1, 31), after.get(0).zxid());
      assertEquals(Zxid.make(1, 40), after.get(9).zxid());
      assertEquals(3, db.entriesAfter(Zxid.make(1, 0), 3).size(), "bounded by maxEntries");
      assertEquals(List.of(), db.entriesAfter(Zxid.make(1, 40), 100));
    }
    // A fresh database whose log starts after the zxid asked for cannot answer.
    try (ZnodeDatabase db = open(dir.resolve("other"))) {
      create(db, Zxid.make(2, 5), "/x");
      assertNull(db.entriesAfter(Zxid.make(1, 3), 10));
    }
  }

  @Test
  void truncateRewindsTheTreeAndSurvivesAReopen(@TempDir Path dir) throws IOException {
    try (ZnodeDatabase db = open(dir)) {
      for (int i = 1; i <= 20; i++) {
        create(db, Zxid.make(1, i), "/n" + i);
      }
      db.truncateAfter(Zxid.make(1, 12));
      assertEquals(Zxid.make(1, 12), db.tree().lastProcessedZxid());
      assertEquals(Zxid.make(1, 12), db.lastLoggedZxid());
      assertNull(db.tree().getData("/n13"));
      assertNotNull(db.tree().getData("/n12"));
      create(db, Zxid.make(2, 1), "/after");
    }
    try (ZnodeDatabase db = open(dir)) {
      assertEquals(Zxid.make(2, 1), db.tree().lastProcessedZxid());
      assertNull(db.tree().getData("/n13"));
      assertNotNull(db.tree().getData("/after"));
    }
  }

  @Test
  void installedSnapshotReplacesTreeAndLogDurably(@TempDir Path dir) throws IOException {
    byte[] leaderSnapshot;
    long leaderZxid = Zxid.make(3, 7);
    try (ZnodeDatabase leader = open(dir.resolve("leader"))) {
      create(leader, Zxid.make(1, 1), "/shared");
      create(leader, leaderZxid, "/leader-only");
      leaderSnapshot = leader.snapshotBytes();
    }
    try (ZnodeDatabase db = open(dir.resolve("follower"))) {
      create(db, Zxid.make(1, 1), "/shared");
      create(db, Zxid.make(2, 1), "/diverged");
      create(db, Zxid.make(4, 1), "/newer-divergent");
      db.installSnapshot(leaderZxid, leaderSnapshot);
      assertEquals(leaderZxid, db.lastLoggedZxid());
      assertEquals(leaderZxid, db.tree().lastProcessedZxid());
      assertNull(db.tree().getData("/diverged"));
      assertEquals(List.of(), db.entriesAfter(leaderZxid, 10));
      create(db, Zxid.make(3, 8), "/next");
    }
    try (ZnodeDatabase db = open(dir.resolve("follower"))) {
      assertEquals(Zxid.make(3, 8), db.tree().lastProcessedZxid());
      assertNotNull(db.tree().getData("/leader-only"));
      assertNull(db.tree().getData("/newer-divergent"));
      assertTrue(
          new SnapshotFiles(new NioStorageDirectory(dir.resolve("follower").resolve("data")))
              .listNewestFirst()
              .contains(leaderZxid));
      assertArrayEquals(
          "/next".getBytes(StandardCharsets.UTF_8), db.tree().getData("/next").data());
    }
  }

  @Test
  void aSnapshotAtAnotherZxidIsRefused(@TempDir Path dir) throws IOException {
    try (ZnodeDatabase db = open(dir)) {
      byte[] bytes = db.snapshotBytes();
      assertThrows(
          IllegalArgumentException.class, () -> db.installSnapshot(Zxid.make(9, 9), bytes));
      assertThrows(
          IllegalArgumentException.class, () -> db.installSnapshot(0, new byte[] {1, 2, 3}));
    }
  }

  @Test
  void aReplicaRecoversTheSnapshotAndLeavesLoggedTxnsForZabToApply(@TempDir Path dir)
      throws IOException {
    try (ZnodeDatabase db = open(dir)) {
      for (int i = 1; i <= 5; i++) {
        create(db, Zxid.make(1, i), "/n" + i);
      }
    }
    StorageDirectory snaps = new NioStorageDirectory(dir.resolve("data"));
    StorageDirectory logs = new NioStorageDirectory(dir.resolve("log"));
    try (ZnodeDatabase replica =
        ZnodeDatabase.openReplica(snaps, logs, new DatabaseOptions(SMALL_LOG, 1_000_000, 7, 42))) {
      assertEquals(0, replica.tree().lastProcessedZxid(), "nothing logged is applied yet");
      assertEquals(Zxid.make(1, 5), replica.lastLoggedZxid());
      assertNull(replica.tree().getData("/n1"));
      List<LogEntry> pending = replica.entriesAfter(0, 100);
      assertNotNull(pending, "the log follows the snapshot recovery started from");
      assertEquals(5, pending.size());
      // An uncommitted tail can now be cut without rewinding anything applied.
      replica.truncateAfter(Zxid.make(1, 3));
      assertEquals(Zxid.make(1, 3), replica.lastLoggedZxid());
      for (LogEntry e : replica.entriesAfter(0, 100)) {
        io.paddock.store.txn.DecodedTxn t = io.paddock.store.txn.TxnCodec.decode(e.payloadBytes());
        replica.apply(t.header(), t.txn());
      }
      assertNotNull(replica.tree().getData("/n3"));
      assertNull(replica.tree().getData("/n4"));
    }
  }
}
