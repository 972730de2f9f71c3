package io.paddock.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.GetDataResponse;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.store.model.Stat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fake server feeds the client bad input: every case drops the connection, fails what was in
 * flight with ConnectionLoss (or ends the session when the server says so), and never hangs.
 */
class BadServerTest {
  private static final int SESSION_MS = 4_000;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private FakeServer server;
  private PaddockClient client;
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  /** First connection: handshake, then {@code misbehave}; later ones: a quiet good server. */
  private void start(FakeServer.Script misbehave, int sessionMs) throws Exception {
    server =
        new FakeServer(
            (peer, index) -> {
              if (index == 0) {
                misbehave.serve(peer, index);
              } else {
                peer.handshake(sessionMs);
                while (true) {
                  peer.readRequestAnsweringPings();
                }
              }
            });
    client =
        PaddockClient.builder()
            .connectString(server.connectString())
            .sessionTimeoutMs(sessionMs)
            .randomSeed(Seeds.seed())
            .maxBufferBytes(1024)
            .build();
  }

  /** Asserts the first connection's request failed with ConnectionLoss and the client recovered. */
  private void assertLostThenRecovered(CompletableFuture<?> call) throws Exception {
    Throwable failure = Clients.failure(call);
    assertInstanceOf(PaddockException.ConnectionLossException.class, failure);
    await().atMost(WAIT).until(() -> server.connections() >= 2);
    client.blocking().awaitConnected(WAIT);
    assertEquals(FakeServer.SESSION_ID, client.sessionId());
  }

  private CompletableFuture<DataAndStat> getDataOnceConnected() throws Exception {
    client.blocking().awaitConnected(WAIT);
    return client.getData("/x");
  }

  @Test
  void replyLongerThanMaxBufferDropsTheConnection() throws Exception {
    start(
        (peer, i) -> {
          peer.handshake(SESSION_MS);
          peer.readRequestAnsweringPings();
          peer.writeInt(1025); // one byte over the client's 1024
          peer.writeRaw(new byte[1025]);
          peer.awaitClose();
        },
        SESSION_MS);
    assertLostThenRecovered(getDataOnceConnected());
  }

  @Test
  void replyOfExactlyMaxBufferIsAccepted() throws Exception {
    byte[] data = new byte[1024 - ReplyHeader.ENCODED_BYTES - 4 - Stat.ENCODED_BYTES];
    data[0] = 42;
    start(
        (peer, i) -> {
          peer.handshake(SESSION_MS);
          RequestHeader request = peer.readRequestAnsweringPings();
          peer.reply(new ReplyHeader(request.xid(), 5, 0), new GetDataResponse(data, Stat.ZERO));
          peer.awaitClose();
        },
        SESSION_MS);
    assertArrayEquals(data, Clients.get(getDataOnceConnected()).data());
    assertEquals(1, server.connections());
  }

  @Test
  void hugeOrNegativeLengthsDropTheConnection() throws Exception {
    for (int length : new int[] {Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
      if (client != null) {
        client.close();
        server.close();
      }
      start(
          (peer, i) -> {
            peer.handshake(SESSION_MS);
            peer.readRequestAnsweringPings();
            peer.writeInt(length);
            peer.awaitClose();
          },
          SESSION_MS);
      assertLostThenRecovered(getDataOnceConnected());
    }
  }

  @Test
  void wrongXidDropsTheConnection() throws Exception {
    start(
        (peer, i) -> {
          peer.handshake(SESSION_MS);
          RequestHeader request = peer.readRequestAnsweringPings();
          peer.reply(
              new ReplyHeader(request.xid() + 1, 5, 0), new GetDataResponse(null, Stat.ZERO));
          peer.awaitClose();
        },
        SESSION_MS);
    assertLostThenRecovered(getDataOnceConnected());
  }

  @Test
  void truncatedReplyBodyDropsTheConnection() throws Exception {
    start(
        (peer, i) -> {
          peer.handshake(SESSION_MS);
          RequestHeader request = peer.readRequestAnsweringPings();
          io.paddock.store.codec.JuteWriter frame = new io.paddock.store.codec.JuteWriter();
          new ReplyHeader(request.xid(), 5, 0).write(frame);
          frame.writeInt(1_000); // a data length far beyond the frame
          frame.writeByte(1);
          peer.writeFrame(frame.toByteArray());
          peer.awaitClose();
        },
        SESSION_MS);
    assertLostThenRecovered(getDataOnceConnected());
  }

  @Test
  void unsolicitedReplyOrBadNotificationDropsTheConnection() throws Exception {
    start(
        (peer, i) -> {
          peer.handshake(SESSION_MS);
          peer.readRequestAnsweringPings();
          peer.reply(
              new ReplyHeader(-1, 5, 0), new WatcherEvent(99, 3, "/x")); // no such event type
          peer.awaitClose();
        },
        SESSION_MS);
    assertLostThenRecovered(getDataOnceConnected());
    client.close();
    server.close();
    start(
        (peer, i) -> {
          peer.handshake(SESSION_MS);
          peer.reply(new ReplyHeader(77, 5, 0), null); // a reply to nothing
          peer.reply(new ReplyHeader(-4, 0, 0), null); // an auth reply without an auth packet
          peer.awaitClose();
        },
        SESSION_MS);
    await().atMost(WAIT).until(() -> server.connections() >= 2);
    client.blocking().awaitConnected(WAIT);
  }

  @Test
  void garbageHandshakeMovesOn() throws Exception {
    start(
        (peer, i) -> {
          peer.readConnect();
          peer.writeFrame(new byte[] {1, 2, 3});
          peer.awaitClose();
        },
        SESSION_MS);
    client.blocking().awaitConnected(WAIT);
    assertEquals(2, server.connections());
  }

  @Test
  void silentHandshakeTimesOutAndMovesOn() throws Exception {
    start(
        (peer, i) -> {
          peer.readConnect();
          peer.awaitClose();
        },
        1_000); // one host: the attempt may take 1000 ms
    long start = System.nanoTime();
    client.blocking().awaitConnected(WAIT);
    assertTrue(System.nanoTime() - start >= 900_000_000L, "waited for the connect timeout");
    assertEquals(2, server.connections());
  }

  @Test
  void silentServerIsLeftAfterTheReadTimeout() throws Exception {
    // Session 3000 ms: readTimeout 2000 ms, local expiry after 4000 ms of silence. The 2000 ms in
    // between must hold the reconnect backoff (up to 1000 ms) and a handshake, or the client
    // would rightly declare the session expired before it reaches the second server.
    start(
        (peer, i) -> {
          peer.handshake(3_000);
          peer.awaitClose(); // swallows requests and pings alike
        },
        3_000);
    CompletableFuture<DataAndStat> call = getDataOnceConnected();
    long start = System.nanoTime();
    assertLostThenRecovered(call);
    assertTrue(System.nanoTime() - start >= 1_500_000_000L, "left only after the read timeout");
  }

  @Test
  void expiredHandshakeEndsTheClient() throws Exception {
    server =
        new FakeServer(
            (peer, index) -> {
              peer.readConnect();
              peer.writeFrame(
                  new io.paddock.client.protocol.ConnectResponse(0, 0, 0, new byte[16], false)
                      .toBytes());
              peer.awaitClose();
            });
    client =
        PaddockClient.builder()
            .connectString(server.connectString())
            .sessionTimeoutMs(SESSION_MS)
            .session(FakeServer.SESSION_ID, new byte[16])
            .build();
    CompletableFuture<DataAndStat> queued = client.getData("/x");
    assertInstanceOf(PaddockException.SessionExpiredException.class, Clients.failure(queued));
    assertEquals(ConnectionState.EXPIRED, client.state());
    assertInstanceOf(
        PaddockException.SessionExpiredException.class, Clients.failure(client.exists("/")));
    assertEquals(1, server.connections(), "an expired client does not reconnect");
  }
}
