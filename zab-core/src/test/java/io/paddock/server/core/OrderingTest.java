package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static io.paddock.server.core.Requests.getData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.Xids;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's promises: one fsync serves a batch of writes; no reply leaves before the commit
 * that covers it; a session's requests are answered in order and see its own writes; other
 * sessions' reads do not wait for the disk. Requests are made to arrive in one batch by holding the
 * state thread in a gate client's flush while they are queued.
 */
class OrderingTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient gate;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir);
    gate = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /**
   * Holds the state thread; everything sent until the returned latch is released forms one batch.
   */
  private CountDownLatch holdStateThread() {
    CountDownLatch[] latches = gate.channel.armGate();
    h.core.onRequest(
        gate.channel, new RequestHeader(Xids.PING, OpCode.PING), EmptyRequest.INSTANCE);
    InMemoryChannel.await(latches[1]);
    return latches[0];
  }

  private void release(CountDownLatch gateLatch) {
    gateLatch.countDown();
    h.barrier();
  }

  @Test
  void manyWritesArrivingTogetherShareOneFsync() {
    List<TestClient> clients = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clients.add(h.connect());
    }
    int writes = 50;
    CountDownLatch held = holdStateThread();
    long forcesBefore = h.storage.forces();
    List<Integer> xids = new ArrayList<>();
    for (int i = 0; i < writes; i++) {
      xids.add(clients.get(i % clients.size()).send(OpCode.CREATE, create("/n" + i, "v")));
    }
    release(held);
    long fsyncs = h.storage.forces() - forcesBefore;
    assertEquals(1, fsyncs, writes + " writes in one batch must be made durable by one fsync");
    for (int i = 0; i < writes; i++) {
      InMemoryChannel.Frame reply = frame(clients.get(i % clients.size()), xids.get(i));
      assertEquals(0, reply.header().err());
      assertTrue(
          reply.stamp() > forcesBefore,
          "reply to write " + i + " was queued before the fsync that covers it");
    }
  }

  @Test
  void aReadAfterAWriteOfTheSameSessionSeesItOtherSessionsAreNotHeld() {
    TestClient a = h.connect();
    TestClient b = h.connect();
    CountDownLatch held = holdStateThread();
    long forcesBefore = h.storage.forces();
    int create = a.send(OpCode.CREATE, create("/x", "mine"));
    int bRead = b.send(OpCode.GET_DATA, getData("/x", false));
    int aRead = a.send(OpCode.GET_DATA, getData("/x", false));
    release(held);
    assertEquals(0, a.reply(create).err());
    assertArrayEquals(
        Requests.bytes("mine"),
        a.reply(aRead).as(GetDataResponse.class).data(),
        "a's read waited for a's write");
    assertEquals(
        ErrorCode.NONODE.code(),
        b.reply(bRead).err(),
        "b's read was answered at once, before a's write applied");
    assertEquals(forcesBefore, frame(b, bRead).stamp(), "b's read did not wait for the fsync");
    assertEquals(a.reply(create).zxid(), a.reply(aRead).zxid());
  }

  @Test
  void interleavedSessionsKeepTheirOwnOrder() {
    TestClient a = h.connect();
    TestClient b = h.connect();
    CountDownLatch held = holdStateThread();
    List<Integer> ax = new ArrayList<>();
    List<Integer> bx = new ArrayList<>();
    ax.add(a.send(OpCode.CREATE, create("/a", "1")));
    bx.add(b.send(OpCode.CREATE, create("/b", "1")));
    ax.add(a.send(OpCode.SET_DATA, Requests.setData("/a", "2")));
    bx.add(b.send(OpCode.GET_DATA, getData("/b", false)));
    ax.add(a.send(OpCode.GET_DATA, getData("/a", false)));
    bx.add(b.send(OpCode.DELETE, Requests.delete("/b")));
    ax.add(a.send(OpCode.SET_DATA, Requests.setData("/a", "3")));
    bx.add(b.send(OpCode.EXISTS, Requests.exists("/b", false)));
    release(held);
    assertEquals(ax, replyOrder(a), "a's replies in request order");
    assertEquals(bx, replyOrder(b), "b's replies in request order");
    assertArrayEquals(
        Requests.bytes("2"),
        a.reply(ax.get(2)).as(GetDataResponse.class).data(),
        "a's read sees a's second write, not its fourth");
    assertArrayEquals(Requests.bytes("1"), b.reply(bx.get(1)).as(GetDataResponse.class).data());
    assertEquals(ErrorCode.NONODE.code(), b.reply(bx.get(3)).err());
  }

  @Test
  void aWriteThatDependsOnAnEarlierWriteOfTheBatchSeesIt() {
    TestClient a = h.connect();
    TestClient b = h.connect();
    CountDownLatch held = holdStateThread();
    int parent = a.send(OpCode.CREATE, create("/p", ""));
    int child = a.send(OpCode.CREATE, create("/p/c", ""));
    int locked =
        a.send(OpCode.CREATE, create("/locked", "", List.of(new Acl(Perms.READ, Id.ANYONE))));
    int denied = b.send(OpCode.CREATE, create("/locked/c", ""));
    release(held);
    assertEquals(0, a.reply(parent).err());
    assertEquals(0, a.reply(child).err(), "prep of /p/c saw /p created earlier in the batch");
    assertEquals(0, a.reply(locked).err());
    assertEquals(
        ErrorCode.NOAUTH.code(), b.reply(denied).err(), "prep of /locked/c saw its parent's ACL");
  }

  @Test
  void aRequestHeldBehindAWriteOfADroppedConnectionLeavesNoWatch() throws Exception {
    TestClient a = h.connect();
    CountDownLatch held = holdStateThread();
    a.send(OpCode.CREATE, create("/w", ""));
    a.send(OpCode.GET_DATA, getData("/w", true));
    a.channel.close();
    h.core.onDisconnect(a.channel);
    release(held);
    assertEquals(
        "0 connections watching 0 paths\nTotal watches:0\n",
        h.core.fourLetterWord("wchs").get(),
        "the held getData ran after the disconnect and must not have armed a watch");
    assertEquals(0, h.core.outstandingRequests());
  }

  private static InMemoryChannel.Frame frame(TestClient c, int xid) {
    for (InMemoryChannel.Frame f : c.channel.flushed()) {
      if (f.header() != null && f.header().xid() == xid) {
        return f;
      }
    }
    throw new AssertionError("no reply to " + xid);
  }

  private static List<Integer> replyOrder(TestClient c) {
    List<Integer> xids = new ArrayList<>();
    for (InMemoryChannel.Frame f : c.channel.flushed()) {
      if (f.header() != null && f.header().xid() > 0) {
        xids.add(f.header().xid());
      }
    }
    return xids;
  }
}
