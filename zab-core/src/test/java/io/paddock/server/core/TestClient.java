package io.paddock.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.Xids;
import io.paddock.store.model.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A client of the core in a test: one in-memory connection with its session. */
final class TestClient {
  final CoreHarness harness;
  final InMemoryChannel channel;
  final long sessionId;
  final byte[] password;
  final int timeoutMs;
  private final AtomicInteger xids = new AtomicInteger();

  TestClient(
      CoreHarness harness,
      InMemoryChannel channel,
      long sessionId,
      byte[] password,
      int timeoutMs) {
    this.harness = harness;
    this.channel = channel;
    this.sessionId = sessionId;
    this.password = password;
    this.timeoutMs = timeoutMs;
  }

  /** A reply: its header and body (null when header-only). */
  record Answer(ReplyHeader header, Object body) {
    int err() {
      return header.err();
    }

    long zxid() {
      return header.zxid();
    }

    @SuppressWarnings("unchecked")
    <T> T as(Class<T> type) {
      assertNotNull(body, "reply has no body: " + header);
      return (T) type.cast(body);
    }
  }

  /** Sends a request without waiting; returns its xid. */
  int send(int op, Request body) {
    int xid = xids.incrementAndGet();
    harness.core.onRequest(channel, new RequestHeader(xid, op), body);
    return xid;
  }

  /** Sends a request with a chosen xid without waiting. */
  void sendWithXid(int xid, int op, Request body) {
    harness.core.onRequest(channel, new RequestHeader(xid, op), body);
  }

  /** Sends a request, waits for the core to process it, and returns its reply. */
  Answer call(int op, Request body) {
    int xid = send(op, body);
    harness.barrier();
    return reply(xid);
  }

  /** The flushed reply to {@code xid}. */
  Answer reply(int xid) {
    for (InMemoryChannel.Frame f : channel.flushed()) {
      if (f.header() != null && f.header().xid() == xid) {
        return new Answer(f.header(), f.body());
      }
    }
    throw new AssertionError("no reply to xid " + xid + " in " + channel.flushed());
  }

  /** Pings; returns the reply. */
  Answer ping() {
    harness.core.onRequest(
        channel, new RequestHeader(Xids.PING, OpCode.PING), EmptyRequest.INSTANCE);
    harness.barrier();
    List<InMemoryChannel.Frame> frames = channel.flushed();
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (frames.get(i).header() != null && frames.get(i).header().xid() == Xids.PING) {
        return new Answer(frames.get(i).header(), frames.get(i).body());
      }
    }
    throw new AssertionError("no ping reply");
  }

  /** Authenticates with digest {@code user:password}; asserts success. */
  void digest(String userPassword) {
    harness.core.onRequest(
        channel,
        new RequestHeader(Xids.AUTH, OpCode.AUTH),
        new AuthPacket(0, "digest", userPassword.getBytes(StandardCharsets.UTF_8)));
    harness.barrier();
    assertEquals(0, lastWithXid(Xids.AUTH).header().err(), "auth failed");
  }

  Answer lastWithXid(int xid) {
    List<InMemoryChannel.Frame> frames = channel.flushed();
    for (int i = frames.size() - 1; i >= 0; i--) {
      InMemoryChannel.Frame f = frames.get(i);
      if (f.header() != null && f.header().xid() == xid) {
        return new Answer(f.header(), f.body());
      }
    }
    throw new AssertionError("no frame with xid " + xid);
  }

  /** The notifications received so far, in order. */
  List<InMemoryChannel.Frame> notifications() {
    List<InMemoryChannel.Frame> out = new ArrayList<>();
    for (InMemoryChannel.Frame f : channel.flushed()) {
      if (f.isNotification()) {
        out.add(f);
      }
    }
    return out;
  }

  /** The transport reports the connection gone (the client dropped it). */
  void drop() {
    channel.close();
    harness.core.onDisconnect(channel);
    harness.barrier();
  }
}
