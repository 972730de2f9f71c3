package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static io.paddock.server.core.Requests.getData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the core and starting a new one on the same directories brings everything back. */
class RestartTest {
  @TempDir Path dir;

  @Test
  void dataSessionsAndZxidsSurviveARestart() throws Exception {
    try (CoreHarness h = CoreHarness.start(dir)) {
      TestClient c = h.connect();
      for (int i = 0; i < 20; i++) {
        c.call(OpCode.CREATE, create("/n" + i, "v" + i));
      }
      c.call(OpCode.CREATE, create("/eph", "", CreateMode.EPHEMERAL));
      long zxid = h.core.lastProcessedZxid();
      TestClient closed = h.connect();
      closed.call(OpCode.CLOSE_SESSION, io.paddock.client.protocol.EmptyRequest.INSTANCE);

      h.restart();

      assertEquals(
          zxid + 2,
          h.core.lastProcessedZxid(),
          "the last zxid is back (and the closed session's two txns)");
      TestClient back = h.resume(c);
      assertArrayEquals(
          Requests.bytes("v7"),
          back.call(OpCode.GET_DATA, getData("/n7", false)).as(GetDataResponse.class).data());
      assertEquals(
          0,
          back.call(OpCode.EXISTS, Requests.exists("/eph", false)).err(),
          "the ephemeral's session is back");
      assertEquals(
          zxid + 3, back.call(OpCode.CREATE, create("/after", "")).zxid(), "zxids continue");
      assertEquals(
          0,
          h.handshake(
                  h.channel(),
                  new ConnectRequest(0, 0, 10_000, closed.sessionId, closed.password, false))
              .timeoutMs(),
          "a closed session stays closed");
    }
  }

  @Test
  void aRestoredSessionExpiresIfNobodyResumesIt() throws Exception {
    try (CoreHarness h = CoreHarness.start(dir)) {
      TestClient c = h.connect();
      c.call(OpCode.CREATE, create("/eph", "", CreateMode.EPHEMERAL));
      h.restart();
      h.advance(c.timeoutMs + CoreHarness.TICK_MS);
      assertEquals(
          ErrorCode.NONODE.code(),
          h.connect().call(OpCode.EXISTS, Requests.exists("/eph", false)).err());
    }
  }

  @Test
  void snapshotsAreTakenAndRecoveryUsesThem() throws Exception {
    try (CoreHarness h = CoreHarness.start(dir, b -> b.snapCount(10))) {
      TestClient c = h.connect();
      for (int i = 0; i < 60; i++) {
        c.call(OpCode.CREATE, create("/s" + i, "x"));
      }
      h.barrier();
      long snapshots;
      try (var files = java.nio.file.Files.list(dir.resolve("data").resolve("version-2"))) {
        snapshots = files.filter(p -> p.getFileName().toString().startsWith("snapshot.")).count();
      }
      assertTrue(snapshots > 1, "snapshots were written: " + snapshots);
      h.restart();
      assertEquals(0, h.resume(c).call(OpCode.EXISTS, Requests.exists("/s59", false)).err());
    }
  }

  @Test
  void closeAnswersAndKeepsEverythingAlreadyQueued() throws Exception {
    try (CoreHarness h = CoreHarness.start(dir)) {
      TestClient c = h.connect();
      java.util.List<Integer> xids = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        xids.add(c.send(OpCode.CREATE, create("/q" + i, "")));
      }
      h.core.close();
      for (int xid : xids) {
        assertEquals(0, c.reply(xid).err(), "queued before close, answered before the stop");
      }
      assertTrue(c.channel.isClosed(), "connections are closed at the end");
      h.restart();
      assertEquals(0, h.resume(c).call(OpCode.EXISTS, Requests.exists("/q29", false)).err());
    }
  }

  @Test
  void autopurgeKeepsTheNewestSnapshots() throws Exception {
    try (CoreHarness h =
        CoreHarness.start(
            dir, b -> b.snapCount(4).autopurgeIntervalHours(1).autopurgeSnapRetainCount(3))) {
      TestClient c = h.connect();
      for (int i = 0; i < 40; i++) {
        c.call(OpCode.CREATE, create("/p" + i, ""));
      }
      assertTrue(
          snapshotCount(dir) > 3, "several snapshots before the purge: " + snapshotCount(dir));
      h.advance(c.timeoutMs + CoreHarness.TICK_MS); // the session expires: its txn is the last
      h.barrier(); // any snapshot that txn made due is written
      h.advance(60 * 60_000);
      assertEquals(3, snapshotCount(dir), "the hourly purge keeps autopurge.snapRetainCount");
    }
  }

  private static long snapshotCount(Path dir) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(dir.resolve("data").resolve("version-2"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("snapshot.")).count();
    }
  }
}
