package io.paddock.client.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.ConnectionState;
import io.paddock.client.PaddockClient;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.ErrorResponse;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.OpCode;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A watcher that blocks must not make the client buffer without bound: past the high-water mark the
 * client stops reading the socket, and resumes once the event thread catches up. Nothing is lost
 * and the order holds.
 */
class BackpressureTest {
  private static final int NOTIFICATIONS = 200_000;

  /** What may still arrive after reads pause: one socket read's worth of small frames. */
  private static final int SLACK = 4_096;

  @Test
  void blockedWatcherPausesReadingInsteadOfQueueingWithoutBound() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> serve(listener), "flood-server");
      server.setDaemon(true);
      server.start();
      CountDownLatch release = new CountDownLatch(1);
      List<Long> zxids = new ArrayList<>();
      PaddockClient client =
          PaddockClient.builder()
              .connectString("127.0.0.1:" + listener.getLocalPort())
              .sessionTimeoutMs(30_000)
              .build();
      try {
        client
            .blocking()
            .addWatch(
                "/p",
                AddWatchMode.PERSISTENT,
                event -> {
                  try {
                    release.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  synchronized (zxids) {
                    zxids.add(event.zxid());
                  }
                });
        EventDispatcher events = ((AsyncClient) client).core().events;
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> events.size() >= ClientLimits.EVENT_QUEUE_HIGH_WATER);
        await()
            .during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(5))
            .until(() -> events.size() <= ClientLimits.EVENT_QUEUE_HIGH_WATER + SLACK);
        release.countDown();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  synchronized (zxids) {
                    return zxids.size() == NOTIFICATIONS;
                  }
                });
        synchronized (zxids) {
          for (int i = 0; i < NOTIFICATIONS; i++) {
            assertEquals(i + 1, zxids.get(i), "event " + i + " out of order");
          }
        }
        assertEquals(ConnectionState.CONNECTED, client.state());
        assertTrue(events.size() <= ClientLimits.EVENT_QUEUE_LOW_WATER);
      } finally {
        release.countDown();
        client.close();
      }
    }
  }

  /** Handshake, answer addWatch, flood notifications, then answer pings and closeSession. */
  private static void serve(ServerSocket listener) {
    try (Socket socket = listener.accept()) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
      readFrame(in);
      writeFrame(out, new ConnectResponse(0, 30_000, 0x42, new byte[16], false).toBytes());
      out.flush();
      RequestHeader addWatch = RequestHeader.read(new JuteReader(readFrame(in)));
      writeFrame(out, reply(new ReplyHeader(addWatch.xid(), 1, 0), new ErrorResponse(0)));
      for (int i = 1; i <= NOTIFICATIONS; i++) {
        writeFrame(out, reply(new ReplyHeader(-1, i, 0), new WatcherEvent(3, 3, "/p")));
      }
      out.flush();
      while (true) {
        RequestHeader request = RequestHeader.read(new JuteReader(readFrame(in)));
        writeFrame(out, reply(new ReplyHeader(request.xid(), 1, 0), null));
        out.flush();
        if (request.type() == OpCode.CLOSE_SESSION) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static byte[] reply(ReplyHeader header, io.paddock.client.protocol.JuteRecord body) {
    JuteWriter w = new JuteWriter();
    header.write(w);
    if (body != null) {
      body.write(w);
    }
    return w.toByteArray();
  }

  private static byte[] readFrame(DataInputStream in) throws IOException {
    byte[] frame = new byte[in.readInt()];
    in.readFully(frame);
    return frame;
  }

  private static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
    out.writeInt(payload.length);
    out.write(payload);
  }
}
