package io.paddock.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ErrorResponse;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestCodec;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.client.protocol.SyncResponse;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the client writes on the wire, seen by a fake server: the reconnect order (ConnectRequest,
 * auth packets, SetWatches, queued requests), the session and lastZxidSeen it resumes with, and
 * which reply headers move lastZxid.
 */
class WireOrderTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long ZXID_OF_LAST_REPLY = 0x55;

  private final List<String> secondConnection = Collections.synchronizedList(new ArrayList<>());
  private final List<ConnectRequest> connects = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch grantSecond = new CountDownLatch(1);
  private FakeServer server;
  private PaddockClient client;

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  /** A request frame: header and decoded body. */
  private record Frame(RequestHeader header, Request body) {}

  private static Frame read(FakeServer.Peer peer) throws Exception {
    JuteReader in = new JuteReader(peer.readFrame());
    RequestHeader header = RequestHeader.read(in);
    return new Frame(header, RequestCodec.decode(header.type(), in));
  }

  /** First connection: answers everything with zxid 0x10, the sync with 0x55, then hangs up. */
  private void firstConnection(FakeServer.Peer peer) throws Exception {
    connects.add(peer.handshake(4_000));
    while (true) {
      Frame f = read(peer);
      int xid = f.header().xid();
      switch (f.header().type()) {
        case OpCode.PING -> peer.reply(new ReplyHeader(xid, 0x77, 0), null);
        case OpCode.AUTH -> peer.reply(new ReplyHeader(xid, 0, 0), null);
        case OpCode.GET_DATA -> {
          peer.reply(new ReplyHeader(-1, 0x99, 0), new WatcherEvent(3, 3, "/elsewhere"));
          peer.reply(new ReplyHeader(xid, 0x10, 0), new GetDataResponse(new byte[] {1}, Stat.ZERO));
        }
        case OpCode.ADD_WATCH -> peer.reply(new ReplyHeader(xid, 0x10, 0), new ErrorResponse(0));
        case OpCode.SYNC -> {
          peer.reply(new ReplyHeader(xid, ZXID_OF_LAST_REPLY, 0), new SyncResponse("/drop"));
          peer.reply(new ReplyHeader(-2, 0x88, 0), null); // a ping reply's zxid does not count
          peer.close();
          return;
        }
        default -> throw new AssertionError("unexpected " + f);
      }
    }
  }

  /** Second connection: grants once released, then records what comes, in order. */
  private void secondConnection(FakeServer.Peer peer) throws Exception {
    connects.add(peer.readConnect());
    if (!grantSecond.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("never released");
    }
    peer.grant(4_000);
    while (true) {
      Frame f = read(peer);
      int xid = f.header().xid();
      switch (f.header().type()) {
        case OpCode.PING -> peer.reply(new ReplyHeader(xid, 0x77, 0), null);
        case OpCode.AUTH -> {
          AuthPacket auth = (AuthPacket) f.body();
          secondConnection.add("auth " + auth.scheme() + " xid " + xid);
          peer.reply(new ReplyHeader(xid, 0, 0), null);
        }
        case OpCode.SET_WATCHES2 -> {
          SetWatches2 sw = (SetWatches2) f.body();
          secondConnection.add(
              "setWatches2 zxid "
                  + Long.toHexString(sw.relativeZxid())
                  + " data "
                  + sw.dataWatches()
                  + " persistent "
                  + sw.persistentWatches());
          peer.reply(new ReplyHeader(xid, 0x60, 0), null);
        }
        case OpCode.CLOSE_SESSION -> {
          peer.reply(new ReplyHeader(xid, 0x61, 0), null);
          peer.close();
          return;
        }
        case OpCode.EXISTS -> {
          secondConnection.add("exists");
          peer.reply(
              new ReplyHeader(xid, 0x60, 0),
              new io.paddock.client.protocol.ExistsResponse(Stat.ZERO));
        }
        default -> throw new AssertionError("unexpected " + f);
      }
    }
  }

  @Test
  void reconnectSendsAuthThenWatchesThenQueuedRequestsWithTheLastZxid() throws Exception {
    server =
        new FakeServer(
            (peer, index) -> {
              if (index == 0) {
                firstConnection(peer);
              } else {
                secondConnection(peer);
              }
            });
    client =
        PaddockClient.builder()
            .connectString(server.connectString() + "/root")
            .sessionTimeoutMs(4_000)
            .randomSeed(Seeds.seed())
            .build();
    BlockingPaddockClient sync = client.blocking();
    sync.awaitConnected(WAIT);
    sync.addAuthInfo("digest", "u:p".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(new byte[] {1}, sync.getData("/w", e -> {}).data());
    sync.addWatch("/p", AddWatchMode.PERSISTENT, e -> {});
    assertEquals("/drop", sync.sync("/drop")); // the fake hangs up right after this reply
    await().atMost(WAIT).until(() -> client.state() == ConnectionState.DISCONNECTED);
    CompletableFuture<Stat> queued = client.exists("/queued"); // waits for the next connection
    await().atMost(WAIT).until(() -> connects.size() == 2);
    grantSecond.countDown();
    Clients.get(queued);

    assertEquals(2, connects.size());
    assertEquals(0, connects.get(0).sessionId());
    assertEquals(0, connects.get(0).lastZxidSeen());
    assertEquals(FakeServer.SESSION_ID, connects.get(1).sessionId());
    assertEquals(
        ZXID_OF_LAST_REPLY,
        connects.get(1).lastZxidSeen(),
        "the last normal reply's zxid; not the ping's (0x88) nor the notification's (0x99)");
    assertEquals(
        List.of(
            "auth digest xid -4",
            "setWatches2 zxid 55 data [/root/w] persistent [/root/p]",
            "exists"),
        secondConnection);
  }
}
