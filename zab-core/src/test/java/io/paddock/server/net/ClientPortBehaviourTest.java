package io.paddock.server.net;

import static io.paddock.server.net.RawClient.concat;
import static io.paddock.server.net.RawClient.requestFrame;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.FourLetterWords;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.WatcherEvent;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.config.ServerConfigBuilder;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four-letter words, connection limits, disconnects, reply order, flushing and backpressure. */
class ClientPortBehaviourTest {
  @TempDir Path dataDir;
  private final FakeServerCore core = new FakeServerCore();
  private final ExecutorService coreThread = Executors.newSingleThreadExecutor();
  private ClientPort port;

  private InetSocketAddress start(Consumer<ServerConfigBuilder> tweak) {
    ServerConfigBuilder b =
        ServerConfig.builder()
            .dataDir(dataDir)
            .clientAddress(new InetSocketAddress("127.0.0.1", 0));
    tweak.accept(b);
    port = new ClientPort(b.build(), core, 2);
    return port.start();
  }

  private InetSocketAddress start() {
    return start(b -> {});
  }

  @AfterEach
  void stop() {
    coreThread.shutdownNow();
    if (port != null) {
      port.close();
    }
  }

  private static String fourLetterWord(InetSocketAddress address, byte[] sent) throws Exception {
    try (RawClient client = new RawClient(address)) {
      client.write(sent);
      return new String(client.readToEnd(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void ruokAnswersImokAndCloses() throws Exception {
    InetSocketAddress address = start();
    assertEquals("imok", fourLetterWord(address, "ruok".getBytes(StandardCharsets.US_ASCII)));
    // as `echo ruok | nc` sends it: the newline is ignored
    assertEquals("imok", fourLetterWord(address, "ruok\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(2, core.callsOf("4lw").size());
  }

  @Test
  void wordsOutsideTheWhitelistGetZooKeepersRefusal() throws Exception {
    InetSocketAddress address = start(b -> b.fourLetterWordWhitelist(Set.of("srvr")));
    assertEquals(
        "ruok is not executed because it is not in the whitelist.\n",
        fourLetterWord(address, "ruok".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "srvr-answer", fourLetterWord(address, "srvr".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(List.of("srvr"), core.callsOf("4lw").stream().map(c -> c.detail()).toList());
  }

  @Test
  void wordArrivingInPiecesIsStillAWord() throws Exception {
    InetSocketAddress address = start(b -> b.fourLetterWordWhitelist(Set.of("stat")));
    try (RawClient client = new RawClient(address)) {
      client.writeByteByByte("stat".getBytes(StandardCharsets.US_ASCII));
      assertEquals("stat-answer", new String(client.readToEnd(), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void telnetCloseJustCloses() throws Exception {
    InetSocketAddress address = start();
    JuteWriter w = new JuteWriter();
    w.writeInt(FourLetterWords.TELNET_CLOSE);
    assertEquals("", fourLetterWord(address, w.toByteArray()));
    assertTrue(core.calls.isEmpty());
  }

  @Test
  void fourLetterWordAfterTheHandshakeIsJustABadLength() throws Exception {
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write("ruok".getBytes(StandardCharsets.US_ASCII));
      assertTrue(client.closedWithoutData());
      await().until(() -> core.callsOf("disconnect").size() == 1);
      assertEquals(List.of("connect", "disconnect"), core.kinds());
    }
  }

  @Test
  void connectionsPerAddressAreLimited() throws Exception {
    InetSocketAddress address = start(b -> b.maxClientCnxns(2));
    try (RawClient first = new RawClient(address);
        RawClient second = new RawClient(address)) {
      first.handshake(true);
      second.handshake(true);
      try (RawClient third = new RawClient(address)) {
        assertTrue(third.closedWithoutData());
      }
      first.close();
      await().until(() -> core.callsOf("disconnect").size() == 1);
      await().until(() -> port.connectionCount() == 1);
      try (RawClient fourth = new RawClient(address)) {
        assertEquals(FakeServerCore.SESSION_ID, fourth.handshake(true).sessionId());
      }
    }
  }

  @Test
  void zeroMeansNoConnectionLimit() throws Exception {
    InetSocketAddress address = start(b -> b.maxClientCnxns(0));
    RawClient[] clients = new RawClient[70];
    try {
      for (int i = 0; i < clients.length; i++) {
        clients[i] = new RawClient(address);
        clients[i].handshake(true);
      }
    } finally {
      for (RawClient c : clients) {
        if (c != null) {
          c.close();
        }
      }
    }
    await().until(() -> core.callsOf("disconnect").size() == clients.length);
  }

  @Test
  void disconnectIsReportedOnceWhicheverSideCloses() throws Exception {
    InetSocketAddress address = start();
    RawClient byClient = new RawClient(address);
    byClient.handshake(true);
    byClient.close();
    await().until(() -> core.callsOf("disconnect").size() == 1);

    try (RawClient byCore = new RawClient(address)) {
      byCore.handshake(true);
      var channel = core.callsOf("connect").get(1).channel();
      channel.close();
      channel.close();
      assertTrue(byCore.closedWithoutData());
      await().until(() -> core.callsOf("disconnect").size() == 2);
    }
    try (RawClient byPort = new RawClient(address)) {
      byPort.handshake(true);
      port.close();
      assertTrue(byPort.closedWithoutData());
    }
    assertEquals(3, core.callsOf("disconnect").size());
    assertEquals(3, core.callsOf("disconnect").stream().map(c -> c.channel()).distinct().count());
    assertNotEquals(
        core.callsOf("connect").get(0).channel().connectionId(),
        core.callsOf("connect").get(1).channel().connectionId());
    assertEquals(
        "127.0.0.1",
        core.callsOf("connect").get(0).channel().remoteAddress().getAddress().getHostAddress());
  }

  @Test
  void notificationSentBeforeTheReplyArrivesFirst() throws Exception {
    core.onRequestHook =
        call ->
            coreThread.execute(
                () -> {
                  var channel = call.channel();
                  int xid = FakeServerCore.header(call).xid();
                  channel.send(new ReplyHeader(-1, 5, 0), new WatcherEvent(3, 3, "/a"));
                  channel.send(
                      new ReplyHeader(xid, 5, 0), new GetDataResponse(new byte[] {1}, Stat.ZERO));
                  channel.flush();
                });
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false)));
      RawClient.Reply first = client.readReply();
      assertEquals(new ReplyHeader(-1, 5, 0), first.header());
      assertEquals(new WatcherEvent(3, 3, "/a"), WatcherEvent.read(first.body()));
      assertEquals(new ReplyHeader(1, 5, 0), client.readReply().header());
    }
  }

  @Test
  void manyRepliesAndOneFlushCostOneEventLoopTask() throws Exception {
    int replies = 500;
    core.onRequestHook =
        call ->
            coreThread.execute(
                () -> {
                  var channel = call.channel();
                  for (int i = 0; i < replies; i++) {
                    channel.send(new ReplyHeader(i + 1, i, 0), null);
                  }
                  channel.flush();
                });
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      NettyClientChannel channel = (NettyClientChannel) core.callsOf("connect").get(0).channel();
      await().until(() -> channel.drainTasksRun() == 1); // the ConnectResponse
      client.write(requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false)));
      for (int i = 0; i < replies; i++) {
        assertEquals(new ReplyHeader(i + 1, i, 0), client.readReply().header());
      }
      assertEquals(2, channel.drainTasksRun());
    }
  }

  @Test
  void sendsWithoutFlushStayQueued() throws Exception {
    core.onRequestHook =
        call ->
            coreThread.execute(
                () -> {
                  int xid = FakeServerCore.header(call).xid();
                  call.channel().send(new ReplyHeader(xid, 0, 0), null);
                  if (xid == 2) {
                    call.channel().flush();
                  }
                });
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false)));
      await().until(() -> core.callsOf("request").size() == 1);
      client.write(requestFrame(2, OpCode.GET_DATA, new GetDataRequest("/a", false)));
      assertEquals(1, client.readReply().header().xid());
      assertEquals(2, client.readReply().header().xid());
    }
  }

  @Test
  void closeDeliversWhatWasQueuedThenCloses() throws Exception {
    core.onRequestHook =
        call ->
            coreThread.execute(
                () -> {
                  call.channel()
                      .send(new ReplyHeader(FakeServerCore.header(call).xid(), 9, 0), null);
                  call.channel().close();
                  call.channel().send(new ReplyHeader(99, 9, 0), null); // dropped
                });
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(requestFrame(1, OpCode.CLOSE_SESSION, null));
      assertEquals(new ReplyHeader(1, 9, 0), client.readReply().header());
      assertTrue(client.closedWithoutData());
      await().until(() -> core.callsOf("disconnect").size() == 1);
    }
  }

  @Test
  void aClientThatDoesNotReadIsNotReadEither() throws Exception {
    byte[] big = new byte[256 * 1024];
    int replies = 40; // 10 MiB: far above the high-water mark and any socket buffer
    core.onRequestHook =
        call ->
            coreThread.execute(
                () -> {
                  for (int i = 0; i < replies; i++) {
                    call.channel()
                        .send(new ReplyHeader(i, 0, 0), new GetDataResponse(big, Stat.ZERO));
                  }
                  call.channel().flush();
                });
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      NettyClientChannel channel = (NettyClientChannel) core.callsOf("connect").get(0).channel();
      await().until(channel::isReading); // resumed right after the ConnectResponse is flushed
      client.write(requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false)));
      await().until(() -> !channel.isReading());
      for (int i = 0; i < replies; i++) {
        assertEquals(i, client.readReply().header().xid());
      }
      await().until(channel::isReading);
      core.onRequestHook = call -> {};
      client.write(requestFrame(2, OpCode.GET_DATA, new GetDataRequest("/b", false)));
      await().until(() -> core.callsOf("request").size() == 2);
      assertFalse(core.kinds().contains("disconnect"));
    }
  }

  @Test
  void aClientThatNeverReadsIsClosedBeforeTheHeapFills() throws Exception {
    byte[] big = new byte[1024 * 1024 - 200];
    long limit = ClientPortLimits.OUTBOUND_PENDING_BYTES_MAX;
    int replies = (int) (limit / big.length) + 8;
    core.onRequestHook =
        call ->
            coreThread.execute(
                () -> {
                  for (int i = 0; i < replies; i++) {
                    call.channel()
                        .send(new ReplyHeader(i, 0, 0), new GetDataResponse(big, Stat.ZERO));
                    if (i % 8 == 0) {
                      call.channel().flush();
                    }
                  }
                  call.channel().flush();
                });
    try (RawClient client = new RawClient(start())) {
      client.handshake(true);
      client.write(requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false)));
      await().until(() -> core.callsOf("disconnect").size() == 1);
    }
  }

  @Test
  void pipelinedRequestsWaitForTheHandshakeAnswer() throws Exception {
    core.answerHandshakes = false;
    try (RawClient client = new RawClient(start())) {
      client.write(
          concat(
              RawClient.frame(RawClient.connectRequest(true), null),
              requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false))));
      await().until(() -> core.callsOf("connect").size() == 1);
      NettyClientChannel channel = (NettyClientChannel) core.callsOf("connect").get(0).channel();
      assertFalse(channel.isReading());
      assertEquals(List.of("connect"), core.kinds());
      coreThread.execute(() -> FakeServerCore.answer(channel, true));
      assertEquals(37, client.readFrame().length);
      await().until(() -> core.callsOf("request").size() == 1);
      assertTrue(channel.isReading());
    }
  }

  @Test
  void theOfficialClientConnectsAndClosesItsSession() throws Exception {
    core.onRequestHook =
        call ->
            coreThread.execute(
                () -> {
                  RequestHeader h = FakeServerCore.header(call);
                  call.channel().send(new ReplyHeader(h.xid(), 0, 0), null);
                  call.channel().flush();
                  if (h.type() == OpCode.CLOSE_SESSION) {
                    call.channel().close();
                  }
                });
    InetSocketAddress address = start();
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk =
        new ZooKeeper(
            "127.0.0.1:" + address.getPort(),
            30_000,
            event -> {
              if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
            });
    try {
      assertTrue(connected.await(20, TimeUnit.SECONDS));
      assertEquals(FakeServerCore.SESSION_ID, zk.getSessionId());
      assertEquals(FakeServerCore.TIMEOUT_MS, zk.getSessionTimeout());
    } finally {
      zk.close();
    }
    await().until(() -> core.callsOf("disconnect").size() == 1);
    ConnectRequest sent = (ConnectRequest) core.callsOf("connect").get(0).detail();
    assertTrue(sent.readOnlyPresent());
    assertEquals(30_000, sent.timeoutMs());
    List<Integer> ops =
        core.callsOf("request").stream().map(c -> FakeServerCore.header(c).type()).toList();
    assertEquals(OpCode.CLOSE_SESSION, ops.get(ops.size() - 1));
  }

  @Test
  void anOverloadedCoreIsNotGivenMoreRequests() throws Exception {
    AtomicBoolean overloaded = new AtomicBoolean();
    port =
        new ClientPort(
            ServerConfig.builder()
                .dataDir(dataDir)
                .clientAddress(new InetSocketAddress("127.0.0.1", 0))
                .build(),
            core,
            2,
            overloaded::get);
    try (RawClient client = new RawClient(port.start())) {
      client.handshake(true);
      NettyClientChannel channel = (NettyClientChannel) core.callsOf("connect").get(0).channel();
      overloaded.set(true);
      client.write(
          concat(
              requestFrame(1, OpCode.GET_DATA, new GetDataRequest("/a", false)),
              requestFrame(2, OpCode.GET_DATA, new GetDataRequest("/b", false))));
      await().until(() -> !channel.isReading());
      assertTrue(core.callsOf("request").isEmpty());
      overloaded.set(false);
      await().until(() -> core.callsOf("request").size() == 2);
      await().until(channel::isReading);
    }
  }
}
