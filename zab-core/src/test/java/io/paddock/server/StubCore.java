package io.paddock.server;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.core.ClientChannel;
import io.paddock.server.core.ServerCore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in core for the lifecycle tests of EmbeddedServer and the launcher: it answers handshakes
 * and {@code ruok}, and records start, close and disconnect in one shared journal.
 */
final class StubCore implements ServerCore {
  final ServerConfig config;
  private final List<String> journal;

  private StubCore(ServerConfig config, List<String> journal) {
    this.config = config;
    this.journal = journal;
  }

  /** A factory whose cores write "start", "close" and "disconnect" to {@code journal}. */
  static java.util.function.Function<ServerConfig, EmbeddedServer.Core> factory(
      List<String> journal) {
    return config -> {
      StubCore core = new StubCore(config, journal);
      return new EmbeddedServer.Core(
          core, () -> journal.add("start"), () -> journal.add("close"), port -> {}, () -> false);
    };
  }

  static List<String> journal() {
    return new CopyOnWriteArrayList<>();
  }

  @Override
  public void onConnect(ClientChannel channel, ConnectRequest request, boolean readOnlyPresent) {
    channel.sendConnectResponse(new ConnectResponse(0, 4000, 1, new byte[16], false), true);
    channel.flush();
  }

  @Override
  public void onRequest(ClientChannel channel, RequestHeader header, Request request) {}

  @Override
  public void onBadFrame(
      ClientChannel channel, RequestHeader header, BadFrame kind, String reason) {}

  @Override
  public void onDisconnect(ClientChannel channel) {
    journal.add("disconnect");
  }

  @Override
  public CompletableFuture<String> fourLetterWord(String command) {
    return CompletableFuture.completedFuture("imok");
  }
}
